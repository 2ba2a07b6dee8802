/**
 * 派单与吹哨 (dispatch): the dispatch directory (派单目录, 《北京市接诉即办工作条例》 Art 12–14) that names the unit for a
 * category at a place, and the clocks of dispatched appeals — persistent timers that raise a 督办 (supervision) when a
 * response or resolution deadline passes; and 吹哨报到 — whistles that summon departments with a report-by time, their
 * timestamped 报到, escalation of the absent and the double assessment (Art 33). It acts on appeals only through the
 * appeal module's API and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "派单 Dispatch")
package org.gongzhi.dispatch;
