package org.gongzhi.territory;

/**
 * The 街巷 nearest a point: its code and name, its kind, the 街道 it belongs to and the distance in metres from the
 * point (rounded to the metre).
 */
public record NearbyStreet(String code, String name, StreetKind kind, UnitId subdistrict, long metres) {}
