package org.gongzhi.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** The staff accounts behind the user names in the audit trail: their display names, for reading and searching. */
public interface AuditActors {

    /** Display names of these user names; unknown ones are left out. */
    Map<String, String> displayNames(Collection<String> usernames);

    /** Every staff account, user name → display name, ordered by user name, for the actor picker. */
    Map<String, String> all();

    /** User names whose display name contains {@code text}. */
    Set<String> named(String text);
}
