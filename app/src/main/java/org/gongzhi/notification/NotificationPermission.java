package org.gongzhi.notification;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/** Reading one's inbox: any staff role. */
public final class NotificationPermission {

    public static final Permission READ_INBOX = Permission.of("notification.inbox.read", Set.of());

    private NotificationPermission() {}

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return List.of(READ_INBOX);
        }
    }
}
