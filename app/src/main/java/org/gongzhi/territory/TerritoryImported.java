package org.gongzhi.territory;

/** A GeoJSON import was committed: units, streets and zones were created or revised. */
public record TerritoryImported(int created, int updated, int unchanged) {}
