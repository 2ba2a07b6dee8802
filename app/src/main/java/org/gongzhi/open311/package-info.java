/**
 * Open311 GeoReport v2 (ADR 0025): the open standard FixMyStreet, SeeClickFix and city apps speak, under {@code
 * /open311/v2} in JSON and XML — discovery, services from the appeal categories, service definitions, filing requests
 * (as appeals through the appeal module's façade, channel OPEN311), tokens and the open record of requests. Clients
 * hold API keys issued, listed and revoked by administrators. Depends on appeal and territory; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311")
package org.gongzhi.open311;
