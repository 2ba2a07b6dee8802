/**
 * 底座: database wiring (embedded PostgreSQL by default, an external one on request), the one error format
 * (RFC 9457 problem details), internationalisation, the page layout and the home page. Business modules depend on it;
 * it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.gongzhi.platform;
