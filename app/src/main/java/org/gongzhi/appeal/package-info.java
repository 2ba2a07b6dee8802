/**
 * 诉求 (接诉即办): appeals from every channel, their categories and classification, and the lifecycle of DOMAIN.md §4 from
 * 受理 to 结案. The root package is the module's API: {@link org.gongzhi.appeal.AppealManagement} changes appeals
 * (every transition through the aggregate, version-checked, on the timeline, audited and published as an {@link
 * org.gongzhi.appeal.AppealEvent}); {@link org.gongzhi.appeal.AppealQueries} reads them; {@link
 * org.gongzhi.appeal.CategoryCatalogue} holds the versioned categories. Other modules route, time and count appeals
 * through these; this module knows none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "诉求 Appeals")
package org.gongzhi.appeal;
