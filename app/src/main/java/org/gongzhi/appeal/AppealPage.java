package org.gongzhi.appeal;

import java.util.List;

/**
 * A page of appeals, newest first (or, for the handler's inbox, soonest due first); {@code next} is the opaque cursor
 * of the following page, null on the last one (keyset pagination: a page costs the same however deep it is).
 */
public record AppealPage(List<AppealRow> rows, String next) {}
