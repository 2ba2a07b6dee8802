/**
 * 治理单元: the governance hierarchy 区 → 街道 → 街区 → 社区 → 网格 → 小区/院落 → 楼栋, 街巷 (streets as lines) and overlay
 * zones (校区, 园区, 营区, 商区), with boundaries, codes and {@code locate}. Publishes {@link
 * org.gongzhi.territory.TerritoryImported}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package org.gongzhi.territory;
