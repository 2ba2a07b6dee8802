package org.gongzhi.platform;

/**
 * The scope of whoever is acting now. Work done by the platform itself (start-up jobs, commands) has every scope; a
 * request nobody signed in to has none. The identity module provides the signed-in account's scope.
 */
public interface AccessScopes {

    AccessScope current();
}
