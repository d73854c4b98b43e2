package dev.tandem.engine.internal.caldav;

import static dev.tandem.engine.internal.caldav.DavProps.CALDAV;
import static dev.tandem.engine.internal.caldav.DavProps.DAV;

import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.internal.dav.DavClient;
import dev.tandem.engine.internal.dav.DavResponse;
import dev.tandem.engine.sync.SyncException;
import java.net.URI;
import java.util.Map;

/**
 * Finds the calendar home (or the one calendar) behind the address a person typed, in the order
 * RFC 6764 §6 and RFC 4791 §6.2 give: the address itself (a calendar, a home, a principal, or a
 * server that names the current user's principal), then {@code /.well-known/caldav}. At most one
 * redirect of the well-known address is followed, and only on the same server.
 */
final class Discovery {
    private static final String PROPS = "<d:resourcetype/><d:displayname/><d:current-user-principal/>"
            + "<c:calendar-home-set/><d:sync-token/><cs:getctag/><c:supported-calendar-component-set/>";

    @FunctionalInterface
    interface Propfind {
        DavProps.Answer run(String path, String depth, String props, String action);
    }

    /** Exactly one of {@code home} (ending in '/') and {@code single}. */
    record Found(String home, TaskCalendar single) {
    }

    private final DavClient client;
    private final Propfind propfind;

    Discovery(DavClient client, Propfind propfind) {
        this.client = client;
        this.propfind = propfind;
    }

    Found find(String start) {
        SyncException first;
        try {
            Found f = from(start, true);
            if (f != null) {
                return f;
            }
            first = null;
        } catch (SyncException e) {
            if (e.reason() != SyncException.Reason.NOT_FOUND && e.reason() != SyncException.Reason.IO) {
                throw e;
            }
            first = e;
        }
        String wellKnown = wellKnown();
        if (wellKnown != null && !wellKnown.equals(start)) {
            Found f = from(wellKnown, true);
            if (f != null) {
                return f;
            }
        }
        if (first != null) {
            throw first;
        }
        throw new SyncException(SyncException.Reason.NOT_FOUND, client.head("find the task lists")
                + "the server names no calendar home for this account; give the address of the account's calendars "
                + "(for Nextcloud https://HOST/remote.php/dav)");
    }

    /** What {@code path} tells: a calendar, a home, or (once) the principal to ask next; null when nothing. */
    private Found from(String path, boolean followPrincipal) {
        DavProps.Answer a = propfind.run(path, "0", PROPS, "find the task lists");
        if (a.responses().isEmpty()) {
            return null;
        }
        DavProps.Response r = a.responses().get(0);
        DavProps.Prop type = r.prop(DAV, "resourcetype");
        String self = r.path().endsWith("/") ? r.path() : r.path() + "/";
        if (type != null && type.children().contains("{" + CALDAV + "}calendar")) {
            DavProps.Prop comps = r.prop(CALDAV, "supported-calendar-component-set");
            boolean tasks = comps == null || comps.compNames().isEmpty() || comps.compNames().contains("VTODO");
            boolean events = comps == null || comps.compNames().isEmpty() || comps.compNames().contains("VEVENT");
            String version = r.text(DAV, "sync-token");
            return new Found(null, new TaskCalendar(self, r.text(DAV, "displayname"),
                    version == null ? r.text(DavProps.CS, "getctag") : version, tasks, events));
        }
        DavProps.Prop home = r.prop(CALDAV, "calendar-home-set");
        if (home != null && !home.hrefs().isEmpty()) {
            String h = home.hrefs().get(0);
            return new Found(h.endsWith("/") ? h : h + "/", null);
        }
        DavProps.Prop principal = r.prop(DAV, "current-user-principal");
        if (followPrincipal && principal != null && !principal.hrefs().isEmpty()
                && !principal.hrefs().get(0).equals(r.path())) {
            return from(principal.hrefs().get(0), false);
        }
        return null;
    }

    /** Where {@code /.well-known/caldav} leads on this server (its redirect's path, or itself); null when it has none. */
    private String wellKnown() {
        DavResponse r = client.send("PROPFIND", client.resolve("/.well-known/caldav"), Map.of("Depth", "0"),
                null, null, 1 << 16, "find the task lists");
        int s = r.status();
        if (s >= 300 && s < 400 && r.header("location") != null) {
            URI to = client.resolve("/.well-known/caldav").resolve(r.header("location"));
            URI root = client.root();
            boolean sameServer = to.getHost() != null && to.getHost().equalsIgnoreCase(root.getHost())
                    && to.getPort() == root.getPort() && to.getScheme().equalsIgnoreCase(root.getScheme());
            return sameServer ? (to.getPath().isEmpty() ? "/" : to.getPath()) : null;
        }
        return s == 207 ? "/.well-known/caldav" : null;
    }

}
