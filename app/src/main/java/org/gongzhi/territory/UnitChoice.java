package org.gongzhi.territory;

/** A unit as a picker offers it: code, name, kind and the name of the unit above it, to tell 第1网格 from 第1网格. */
public record UnitChoice(String code, String name, UnitKind kind, String parentName) {}
