/**
 * 用户与权限: roles, the rules for staff credentials (password policy, lockout, TOTP second factor, session limits) and
 * the separation of the three administrator duties (三权分立). Accounts, data scopes and sign-in build on these.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.gongzhi.identity;
