/**
 * 一库三清单 (seed 000, DOMAIN.md §5): the 资源清单 of what units open, pool or share — with bookings that can never
 * take one slot twice — and, as the module grows, the 需求清单, the 项目清单 with co-funding, the 智库 and matching.
 * Depends on territory (where a resource is), organization (who offers it) and platform; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "一库三清单")
package org.gongzhi.listing;
