/**
 * 指标 (indicator): the rates a 街道 is measured by — 三率 of 《北京市接诉即办工作条例》 Art 32 (响应率, 解决率, 满意率 and
 * their composite) and the GB/T 30428 family (结案率, 按期结案率, 返工率, 准确派遣率, 延期率, 挂账数), graded A–E, per
 * handling unit, 街道, 社区, 网格, category and month with 环比 and 同比, beside the open work orders' traffic lights and
 * the 吹哨报到 double assessment (docs/indicators.md). An event sink: it keeps one row of facts per appeal, refreshed by
 * every appeal event and reconciled nightly through the appeal module's query API; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "指标 Indicator")
package org.gongzhi.indicator;
