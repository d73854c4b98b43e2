package dev.tandem.app.agent;

import dev.tandem.app.agent.ShortcutPortalBus.GlobalShortcuts;
import dev.tandem.app.agent.ShortcutPortalBus.Request;
import dev.tandem.app.agent.ShortcutPortalBus.Shortcut;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.base.AbstractConnectionBase;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * A stand-in for xdg-desktop-portal's GlobalShortcuts on a private bus, as KDE's or GNOME 48's answers: owns
 * {@code org.freedesktop.portal.Desktop}, answers CreateSession and BindShortcuts with Response signals on the
 * request path the caller's token makes (or, {@code silent}, never answers), and plays the user's keys by
 * emitting Activated.
 */
public final class FakeShortcutPortal implements GlobalShortcuts, Properties, AutoCloseable {
    /** One shortcut as BindShortcuts got it: its id and the properties read as strings. */
    public record Bound(String session, String id, String description, String preferredTrigger) {
    }

    private final DBusConnection bus;
    private final boolean silent;
    public final List<Bound> bound = new CopyOnWriteArrayList<>();
    private volatile String session;

    private FakeShortcutPortal(DBusConnection bus, boolean silent) {
        this.bus = bus;
        this.silent = silent;
    }

    /** {@code silent}: takes the calls and never sends their Response. */
    public static FakeShortcutPortal on(SessionBus session, boolean silent) throws DBusException {
        DBusConnection c = DBusConnectionBuilder.forAddress(session.address()).withShared(false).build();
        FakeShortcutPortal p = new FakeShortcutPortal(c, silent);
        c.exportObject(ShortcutPortalBus.PATH, p);
        c.requestBusName(ShortcutPortalBus.BUS_NAME);
        return p;
    }

    /** The request path the portal spec makes from the caller's unique name and its token. */
    private static String path(String kind, Map<String, Variant<?>> options, String key) {
        String caller = AbstractConnectionBase.getCallInfo().getSource().substring(1).replace('.', '_');
        return ShortcutPortalBus.PATH + "/" + kind + "/" + caller + "/" + options.get(key).getValue();
    }

    @Override
    public DBusPath CreateSession(Map<String, Variant<?>> options) {
        String request = path("request", options, "handle_token");
        session = path("session", options, "session_handle_token");
        answer(request, Map.of("session_handle", new Variant<>(session)));
        return new DBusPath(request);
    }

    @Override
    public DBusPath BindShortcuts(DBusPath s, List<Shortcut> shortcuts, String parentWindow,
                                  Map<String, Variant<?>> options) {
        for (Shortcut sc : shortcuts) {
            bound.add(new Bound(s.getPath(), sc.getId(), String.valueOf(sc.getProperties().get("description").getValue()),
                    String.valueOf(sc.getProperties().get("preferred_trigger").getValue())));
        }
        String request = path("request", options, "handle_token");
        answer(request, Map.of());
        return new DBusPath(request);
    }

    private void answer(String request, Map<String, Variant<?>> results) {
        if (silent) {
            return;
        }
        try {
            bus.sendMessage(new Request.Response(request, new UInt32(0), results));
        } catch (DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user presses the keys bound to {@code id} (or the portal misbehaves with another id). */
    void press(String id) throws DBusException {
        bus.sendMessage(new Activated(ShortcutPortalBus.PATH, new DBusPath(session), id, new UInt64(0), Map.of()));
    }

    /** The session the agent made, as this portal named it. */
    String session() {
        return session;
    }

    @SuppressWarnings("unchecked")
    @Override
    public <A> A Get(String iface, String property) {
        if (GlobalShortcuts.NAME.equals(iface) && "version".equals(property)) {
            return (A) new UInt32(1);
        }
        throw new IllegalArgumentException("no property " + iface + "." + property);
    }

    @Override
    public <A> void Set(String iface, String property, A value) {
        throw new IllegalArgumentException("read-only");
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        return Map.of("version", new Variant<>(new UInt32(1)));
    }

    @Override
    public String getObjectPath() {
        return ShortcutPortalBus.PATH;
    }

    @Override
    public void close() throws Exception {
        bus.close();
    }
}
