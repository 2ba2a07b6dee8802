package org.gongzhi.appeal;

import java.util.UUID;

/** Something another module owns (a unit, an organisation), referred to by id and shown by name. */
public record Named(UUID id, String name) {}
