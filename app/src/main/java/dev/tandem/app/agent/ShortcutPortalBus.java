package dev.tandem.app.agent;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * The part of the XDG desktop portal {@link ShortcutPortal} speaks: the GlobalShortcuts interface and the Request
 * objects its calls answer through. Public, in a package open to dbus-java, which proxies the interfaces and builds
 * the signals and the struct reflectively.
 */
public final class ShortcutPortalBus {
    public static final String BUS_NAME = "org.freedesktop.portal.Desktop";
    public static final String PATH = "/org/freedesktop/portal/desktop";

    private ShortcutPortalBus() {
    }

    /** {@code org.freedesktop.portal.GlobalShortcuts} (version 1 and later). */
    @DBusInterfaceName("org.freedesktop.portal.GlobalShortcuts")
    public interface GlobalShortcuts extends DBusInterface {
        String NAME = "org.freedesktop.portal.GlobalShortcuts";

        @SuppressWarnings("checkstyle:MethodName")
        DBusPath CreateSession(Map<String, Variant<?>> options);

        @SuppressWarnings("checkstyle:MethodName")
        DBusPath BindShortcuts(DBusPath session, List<Shortcut> shortcuts, String parentWindow,
                               Map<String, Variant<?>> options);

        /** The user pressed a bound shortcut's keys. */
        class Activated extends DBusSignal {
            private final DBusPath session;
            private final String shortcutId;

            public Activated(String path, DBusPath session, String shortcutId, UInt64 timestamp,
                             Map<String, Variant<?>> options) throws DBusException {
                super(path, session, shortcutId, timestamp, options);
                this.session = session;
                this.shortcutId = shortcutId;
            }

            public DBusPath getSession() {
                return session;
            }

            public String getShortcutId() {
                return shortcutId;
            }
        }
    }

    /** {@code org.freedesktop.portal.Request}: a call's answer comes later, as this object's Response signal. */
    @DBusInterfaceName("org.freedesktop.portal.Request")
    public interface Request extends DBusInterface {
        /** {@code response}: 0 success, 1 the user cancelled, 2 anything else. */
        class Response extends DBusSignal {
            private final UInt32 response;
            private final Map<String, Variant<?>> results;

            public Response(String path, UInt32 response, Map<String, Variant<?>> results) throws DBusException {
                super(path, response, results);
                this.response = response;
                this.results = results;
            }

            public UInt32 getResponse() {
                return response;
            }

            public Map<String, Variant<?>> getResults() {
                return results;
            }
        }
    }

    /** One shortcut as BindShortcuts takes it: {@code (sa{sv})}, its id and its properties. */
    public static final class Shortcut extends Struct {
        @Position(0)
        private final String id;
        @Position(1)
        private final Map<String, Variant<?>> properties;

        public Shortcut(String id, Map<String, Variant<?>> properties) {
            this.id = id;
            this.properties = properties;
        }

        public String getId() {
            return id;
        }

        public Map<String, Variant<?>> getProperties() {
            return properties;
        }
    }
}
