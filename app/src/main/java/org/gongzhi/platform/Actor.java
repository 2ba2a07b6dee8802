package org.gongzhi.platform;

/**
 * Who is acting, as the audit trail records it: an account name (never a phone or ID number), its role, its data scope
 * and the client address. {@code system} acts for start-up jobs; {@code anonymous} for requests nobody signed in to.
 */
public record Actor(String name, String role, String scope, String address) {

    public static Actor system() {
        return new Actor("system", "SYSTEM", "*", null);
    }
}
