package org.gongzhi.platform;

/**
 * Tells the audit trail who is acting now. The platform's default knows only the client address; the identity module
 * provides the signed-in account, role and scope.
 */
public interface ActorResolver {

    Actor current();
}
