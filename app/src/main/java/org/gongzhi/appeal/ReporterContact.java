package org.gongzhi.appeal;

/** The reporter's name and number in full, as opened (with a reason, audited) by the unit handling the appeal. */
public record ReporterContact(String name, String phone, boolean anonymous) {}
