package org.gongzhi.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice of a staff inbox: its kind, the appeal it is about (by tracking code and id), when it came and whether the
 * reader has read it.
 */
public record Notice(long id, NoticeKind kind, UUID appealId, String trackingCode, Instant at, boolean read) {}
