package dev.tandem.app.agent;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The desktop notification service as the freedesktop.org Desktop Notifications Specification defines it
 * (the part Tandem uses). Public, and its package open to dbus-java, which proxies it and builds the
 * signals reflectively.
 */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface Notifications extends DBusInterface {
    String BUS_NAME = "org.freedesktop.Notifications";
    String PATH = "/org/freedesktop/Notifications";

    @SuppressWarnings("checkstyle:MethodName")
    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
                  Map<String, Variant<?>> hints, int expireTimeout);

    void CloseNotification(UInt32 id);

    List<String> GetCapabilities();

    /** A button of a notification was clicked. */
    class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        public UInt32 getId() {
            return id;
        }

        public String getActionKey() {
            return actionKey;
        }
    }

    /** A notification went away: expired, dismissed by the user, or closed by CloseNotification. */
    class NotificationClosed extends DBusSignal {
        private final UInt32 id;
        private final UInt32 reason;

        public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
            super(path, id, reason);
            this.id = id;
            this.reason = reason;
        }

        public UInt32 getId() {
            return id;
        }

        public UInt32 getReason() {
            return reason;
        }
    }
}
