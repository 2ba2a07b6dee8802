package org.gongzhi.appeal;

/**
 * A registered appeal and the secret token that, with its tracking code, lets the reporter follow it without an
 * account. The token is given once: only its hash is kept. A repeated registration of the same 12345 work order gives
 * the appeal again with {@code token} null and {@code repeated} true.
 */
public record RegisteredAppeal(AppealView appeal, String token, boolean repeated) {}
