package dev.tandem.app.agent;

import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Notifications on a Linux desktop, through {@code org.freedesktop.Notifications} on the session bus:
 * Notify with the actions "Done" and "Snooze 10 min" (the body escaped: servers may read it as simple markup),
 * CloseNotification to withdraw one, and the {@code ActionInvoked} and {@code NotificationClosed} signals sent
 * by the notification server only (another program on the bus cannot press "Done"); the agent acts only on ids
 * its own Notify calls got.
 */
public final class DbusNotifier implements Notifier {
    /** How long a notification stays when the server lets the sender choose: until the user acts. */
    private static final int NEVER_EXPIRES = 0;

    private final DBusConnection bus;
    private final Notifications server;
    private final DBus daemon;
    /** The notification server's unique bus name: signals from any other sender are ignored. */
    private volatile String owner = "";
    private volatile Listener listener = new Listener() {
        @Override
        public void action(long id, String key) {
        }

        @Override
        public void closed(long id) {
        }
    };

    private DbusNotifier(DBusConnection bus, Notifications server, DBus daemon) {
        this.bus = bus;
        this.server = server;
        this.daemon = daemon;
    }

    /**
     * Connects to the session bus at {@code address} (DBUS_SESSION_BUS_ADDRESS) and checks a notification
     * server answers; empty when there is no bus or no server (a headless machine, a bare window manager).
     */
    public static Optional<DbusNotifier> connect(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        DBusConnection bus = null;
        try {
            bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            Notifications server = bus.getRemoteObject(Notifications.BUS_NAME, Notifications.PATH, Notifications.class);
            server.GetCapabilities();
            DbusNotifier n = new DbusNotifier(bus, server,
                    bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class));
            bus.addSigHandler(Notifications.ActionInvoked.class, s -> {
                if (n.fromServer(s)) {
                    n.listener.action(s.getId().longValue(), s.getActionKey());
                }
            });
            bus.addSigHandler(Notifications.NotificationClosed.class, s -> {
                if (n.fromServer(s)) {
                    n.listener.closed(s.getId().longValue());
                }
            });
            return Optional.of(n);
        } catch (DBusException | RuntimeException e) {
            System.getLogger("tandem").log(System.Logger.Level.INFO, "no notification server on the session bus", e);
            if (bus != null) {
                closeQuietly(bus);
            }
            return Optional.empty();
        }
    }

    /**
     * Whether the notification server sent it: any program on the session bus can emit a signal with
     * the server's path and interface, so the sender's unique name must be the well-known name's owner
     * (asked again on a mismatch: the server may have restarted).
     */
    private boolean fromServer(DBusSignal s) {
        String sender = s.getSource();
        if (sender == null) {
            return false;
        }
        if (!sender.equals(owner)) {
            try {
                owner = daemon.GetNameOwner(Notifications.BUS_NAME);
            } catch (RuntimeException e) {
                System.getLogger("tandem").log(System.Logger.Level.INFO, "notification server gone", e);
                return false;
            }
        }
        return sender.equals(owner);
    }

    @Override
    public long show(Notice n, long replaces) {
        List<String> actions = n.actions()
                ? List.of(DONE, Messages.text("notify.reminder.done"), SNOOZE, Messages.text("notify.reminder.snooze"))
                : List.of();
        Map<String, Variant<?>> hints = Map.of("category", new Variant<>("reminder"),
                "urgency", new Variant<>((byte) 1));
        String body = NoticeText.escaped(n.body());
        return server.Notify("Tandem", new UInt32(replaces), "", n.summary(), body, actions, hints, NEVER_EXPIRES)
                .longValue();
    }

    @Override
    public void withdraw(long id) {
        server.CloseNotification(new UInt32(id));
    }

    @Override
    public void listen(Listener l) {
        this.listener = l;
    }

    @Override
    public void close() {
        try {
            bus.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(DBusConnection bus) {
        try {
            bus.close();
        } catch (IOException e) {
            // Closing a connection that failed to start: its error was logged above, this adds nothing.
            System.getLogger("tandem").log(System.Logger.Level.DEBUG, "bus close", e);
        }
    }
}
