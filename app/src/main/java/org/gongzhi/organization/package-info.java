/**
 * 多元主体: organisations of every kind (职能部门, 驻区单位, 社会组织, 商会, 物业, 业委会, 自管会 …) located in the territory,
 * 党建工作协调委员会 with member units and their 联络员, and responsibility lists (parties × duties). Publishes {@link
 * org.gongzhi.organization.OrganisationsImported}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package org.gongzhi.organization;
