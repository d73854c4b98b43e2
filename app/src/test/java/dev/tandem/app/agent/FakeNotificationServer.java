package dev.tandem.app.agent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A stand-in for the desktop's notification server on a private bus: owns
 * {@code org.freedesktop.Notifications}, records each Notify, and plays the user's click by emitting
 * {@code ActionInvoked}, as GNOME's or KDE's server would.
 */
public final class FakeNotificationServer implements Notifications, AutoCloseable {
    /** One Notify call as the server got it, with the id it answered and when it came (epoch ms). */
    public record Shown(long id, long replaces, String summary, String body, List<String> actions, long receivedAt) {
    }

    private final DBusConnection bus;
    private final AtomicLong ids = new AtomicLong();
    public final List<Shown> shown = new CopyOnWriteArrayList<>();
    final Set<Long> closed = ConcurrentHashMap.newKeySet();

    private FakeNotificationServer(DBusConnection bus) {
        this.bus = bus;
    }

    public static FakeNotificationServer on(SessionBus session) throws DBusException {
        DBusConnection c = DBusConnectionBuilder.forAddress(session.address()).withShared(false).build();
        FakeNotificationServer s = new FakeNotificationServer(c);
        c.exportObject(PATH, s);
        c.requestBusName(BUS_NAME);
        return s;
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                         List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        long id = replacesId.longValue() != 0 ? replacesId.longValue() : ids.incrementAndGet();
        shown.add(new Shown(id, replacesId.longValue(), summary, body, List.copyOf(actions), System.currentTimeMillis()));
        return new UInt32(id);
    }

    @Override
    public void CloseNotification(UInt32 id) {
        closed.add(id.longValue());
        try {
            bus.sendMessage(new NotificationClosed(PATH, id, new UInt32(3)));
        } catch (DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> GetCapabilities() {
        return List.of("actions", "body", "body-markup");
    }

    /** The user clicks the button {@code key} of notification {@code id}; the server then closes it (reason 2). */
    void click(long id, String key) throws DBusException {
        bus.sendMessage(new ActionInvoked(PATH, new UInt32(id), key));
        bus.sendMessage(new NotificationClosed(PATH, new UInt32(id), new UInt32(2)));
    }

    /** The notifications with buttons (reminders, not the summary). */
    public List<Shown> reminders() {
        return shown.stream().filter(s -> !s.actions().isEmpty()).toList();
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public void close() throws Exception {
        bus.close();
    }
}
