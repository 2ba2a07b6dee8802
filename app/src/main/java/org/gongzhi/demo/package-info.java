/**
 * 示例数据: three jurisdictions from the seed documents, loaded on the first start of the default run (profile
 * {@code demo}) through the other modules' façades, and never in production. Names and counts come from the seeds;
 * geometry, codes, credit codes and everything the seeds do not name are invented and flagged {@code synthetic}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.gongzhi.demo;
