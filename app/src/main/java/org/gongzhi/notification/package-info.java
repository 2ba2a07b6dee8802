/**
 * 通知 (notification): an event sink that tells people what needs them — a staff inbox of work orders, objections,
 * deadlines due soon, overdue deadlines and escalations, whistles that summon a department and departments not on site in
 * time, addressed to organisations and 街道, and text messages to reporters when their appeal is registered and answered
 * (with the link to rate the answer). Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "通知 Notification")
package org.gongzhi.notification;
