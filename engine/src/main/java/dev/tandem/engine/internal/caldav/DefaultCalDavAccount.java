package dev.tandem.engine.internal.caldav;

import static dev.tandem.engine.internal.caldav.DavProps.CALDAV;
import static dev.tandem.engine.internal.caldav.DavProps.CS;
import static dev.tandem.engine.internal.caldav.DavProps.DAV;

import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.CalendarChanges;
import dev.tandem.engine.caldav.CalendarObject;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.internal.dav.DavClient;
import dev.tandem.engine.internal.dav.DavErrors;
import dev.tandem.engine.internal.dav.DavResponse;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.WebDavSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CalDAV over the WebDAV remote's {@link DavClient}.
 *
 * <p>Discovery runs once, on first use, and settles either a calendar home (whose calendars are
 * listed) or a single calendar (when the address names one). It starts at the address the user
 * gave and, when that is neither, asks it and then {@code /.well-known/caldav} for the
 * {@code current-user-principal}, whose {@code calendar-home-set} names the home. Redirects are read
 * by hand (the client follows none), and only to the same server, so credentials never travel to
 * another host.
 *
 * <p>Only writes are conditional; a sync token the server forgot is not an error but a full listing.
 */
public final class DefaultCalDavAccount implements CalDavAccount {
    static final long MAX_LISTING = 64L << 20;
    private static final int MULTIGET_CHUNK = 200;
    private static final String XML = "application/xml; charset=utf-8";
    private static final String CALENDAR_PROPS = "<d:resourcetype/><d:displayname/><d:sync-token/><cs:getctag/>"
            + "<c:supported-calendar-component-set/>";

    private final DavClient client;
    private String home;
    private TaskCalendar single;

    public DefaultCalDavAccount(WebDavSettings settings) {
        this(new DavClient(settings));
    }

    /** An account over {@code client}, e.g. one with a shorter answer deadline. */
    DefaultCalDavAccount(DavClient client) {
        this.client = client;
    }

    @Override
    public synchronized List<TaskCalendar> calendars() {
        discover();
        if (single != null) {
            DavProps.Answer a = propfind(single.href(), "0", CALENDAR_PROPS, "list the task lists");
            List<TaskCalendar> one = calendarsOf(a);
            return one.isEmpty() ? List.of(single) : one;
        }
        return calendarsOf(propfind(home, "1", CALENDAR_PROPS, "list the task lists"));
    }

    @Override
    public synchronized TaskCalendar createCalendar(String name) {
        discover();
        if (single != null) {
            throw new SyncException(SyncException.Reason.NOT_FOUND, client.head("create the task list “" + name + "”")
                    + "the address names one calendar, not an account; give the server's or the account's address to "
                    + "connect more lists");
        }
        Set<String> taken = calendars().stream().map(TaskCalendar::href).collect(Collectors.toSet());
        String slug = slug(name);
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"" + CALDAV
                + "\"><d:set><d:prop><d:displayname>" + escape(name) + "</d:displayname>"
                + "<c:supported-calendar-component-set><c:comp name=\"VTODO\"/></c:supported-calendar-component-set>"
                + "</d:prop></d:set></c:mkcalendar>";
        for (int n = 1; n < 100; n++) {
            String href = home + slug + (n == 1 ? "" : "-" + n) + "/";
            if (taken.contains(href)) {
                continue;
            }
            DavResponse r = client.send("MKCALENDAR", client.resolve(href), Map.of(), bytes(body), XML, 1 << 20,
                    "create the task list “" + name + "”");
            if (r.status() == 201 || r.status() == 200) {
                return new TaskCalendar(href, name, "", true);
            }
            if (r.status() != 405 && r.status() != 409 && r.status() != 412) {
                throw DavErrors.status(client.head("create the task list “" + name + "”"), r);
            }
        }
        throw new SyncException(SyncException.Reason.IO, client.head("create the task list “" + name + "”")
                + "every name tried is taken");
    }

    @Override
    public synchronized CalendarChanges changes(TaskCalendar calendar, String syncToken) {
        String action = "read the changes of “" + calendar.name() + "”";
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>"
                + (syncToken == null ? "" : escape(syncToken)) + "</d:sync-token><d:sync-level>1</d:sync-level>"
                + "<d:prop><d:getetag/></d:prop></d:sync-collection>";
        DavResponse r = client.send("REPORT", client.resolve(calendar.href()), Map.of(), bytes(body), XML,
                MAX_LISTING, action);
        if (r.status() == 207) {
            DavProps.Answer a = DavProps.parse(client.head(action), r.body(), client.resolve(calendar.href()));
            Map<String, String> changed = new LinkedHashMap<>();
            List<String> removed = new ArrayList<>();
            for (DavProps.Response resp : a.responses()) {
                if (isCollection(resp, calendar.href())) {
                    continue;
                }
                if (resp.status() == 404) {
                    removed.add(resp.path());
                } else {
                    changed.put(resp.path(), resp.text(DAV, "getetag"));
                }
            }
            return new CalendarChanges(a.syncToken(), changed, syncToken == null ? List.of() : removed,
                    syncToken == null);
        }
        int s = r.status();
        if (s == 401 || s == 404 || s == 429 || s == 503 || s == 511 || s == -1 || s < 400 && s != 207) {
            throw DavErrors.status(client.head(action), r);
        }
        // 403/409 (valid-sync-token) or a 500 (Xandikos, for a token it does not know): the server
        // forgot the token. 400/405/501: it has no RFC 6578. Either way a listing of every entity
        // tag, compared by the caller with what it knew, says the same; if that fails too, its error stands.
        return listing(calendar, action);
    }

    private CalendarChanges listing(TaskCalendar calendar, String action) {
        DavProps.Answer a = propfind(calendar.href(), "1", "<d:resourcetype/><d:getetag/><d:sync-token/>", action);
        Map<String, String> changed = new LinkedHashMap<>();
        String token = null;
        for (DavProps.Response resp : a.responses()) {
            if (isCollection(resp, calendar.href())) {
                token = resp.path().equals(calendar.href()) ? resp.text(DAV, "sync-token") : token;
                continue;
            }
            changed.put(resp.path(), resp.text(DAV, "getetag"));
        }
        return new CalendarChanges(token, changed, List.of(), true);
    }

    @Override
    public synchronized List<CalendarObject> read(TaskCalendar calendar, Collection<String> hrefs) {
        List<String> all = new ArrayList<>(hrefs);
        List<CalendarObject> objects = new ArrayList<>();
        String action = "read the tasks of “" + calendar.name() + "”";
        for (int from = 0; from < all.size(); from += MULTIGET_CHUNK) {
            StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><c:calendar-multiget"
                    + " xmlns:d=\"DAV:\" xmlns:c=\"" + CALDAV + "\"><d:prop><d:getetag/><c:calendar-data/></d:prop>");
            for (String href : all.subList(from, Math.min(all.size(), from + MULTIGET_CHUNK))) {
                body.append("<d:href>").append(escape(client.resolve(href).getRawPath())).append("</d:href>");
            }
            body.append("</c:calendar-multiget>");
            DavResponse r = client.send("REPORT", client.resolve(calendar.href()), Map.of("Depth", "1"),
                    bytes(body.toString()), XML, MAX_LISTING, action);
            if (r.status() != 207) {
                throw DavErrors.status(client.head(action), r);
            }
            for (DavProps.Response resp : DavProps.parse(client.head(action), r.body(),
                    client.resolve(calendar.href())).responses()) {
                String data = resp.text(CALDAV, "calendar-data");
                if (data != null && (resp.status() == 0 || resp.status() / 100 == 2)) {
                    // Longer than DavProps.MAX_TEXT: not handed on cut (whether half a todo parses is
                    // up to the reader) but empty, which no reader takes for a task: the sync names it.
                    boolean cut = resp.prop(CALDAV, "calendar-data").cut();
                    objects.add(new CalendarObject(resp.path(), resp.text(DAV, "getetag"), cut ? "" : data));
                }
            }
        }
        return objects;
    }

    @Override
    public synchronized Optional<String> write(String href, String ics, String ifMatch) {
        Map<String, String> headers = ifMatch == null ? Map.of("If-None-Match", "*") : Map.of("If-Match", ifMatch);
        DavResponse r = client.send("PUT", client.resolve(href), headers, bytes(ics), "text/calendar; charset=utf-8",
                1 << 20, "save the task " + lastSegment(href));
        if (r.status() == 412) {
            return Optional.empty();
        }
        if (!r.success()) {
            throw DavErrors.status(client.head("save the task " + lastSegment(href)), r);
        }
        String etag = r.etag();
        return Optional.of(etag == null ? "" : etag);
    }

    @Override
    public synchronized boolean delete(String href, String ifMatch) {
        DavResponse r = client.send("DELETE", client.resolve(href), ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch),
                null, null, 1 << 20, "delete the task " + lastSegment(href));
        if (r.status() == 412) {
            return false;
        }
        if (!r.success() && r.status() != 404 && r.status() != 410) {
            throw DavErrors.status(client.head("delete the task " + lastSegment(href)), r);
        }
        return true;
    }

    @Override
    public String where() {
        return client.where();
    }

    @Override
    public long requestsSent() {
        return client.requestsSent();
    }

    @Override
    public void close() {
        client.close();
    }

    private void discover() {
        if (home != null || single != null) {
            return;
        }
        // Decoded, as every path given to propfind and client.resolve is: the raw "/sam/My%20Tasks/"
        // would be encoded again into "My%2520Tasks", a calendar that does not exist.
        String start = client.root().getPath();
        Discovery.Found found = new Discovery(client, this::propfind).find(start);
        home = found.home();
        single = found.single();
    }

    DavProps.Answer propfind(String path, String depth, String props, String action) {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\" xmlns:c=\"" + CALDAV
                + "\" xmlns:cs=\"" + CS + "\"><d:prop>" + props + "</d:prop></d:propfind>";
        URI uri = client.resolve(path);
        DavResponse r = client.send("PROPFIND", uri, Map.of("Depth", depth), bytes(body), XML, MAX_LISTING, action);
        if (r.status() != 207) {
            throw DavErrors.status(client.head(action), r);
        }
        return DavProps.parse(client.head(action), r.body(), uri);
    }

    private static List<TaskCalendar> calendarsOf(DavProps.Answer a) {
        List<TaskCalendar> list = new ArrayList<>();
        for (DavProps.Response resp : a.responses()) {
            DavProps.Prop type = resp.prop(DAV, "resourcetype");
            if (type == null || !type.children().contains("{" + CALDAV + "}calendar")) {
                continue;
            }
            DavProps.Prop comps = resp.prop(CALDAV, "supported-calendar-component-set");
            boolean tasks = comps == null || comps.compNames().isEmpty() || comps.compNames().contains("VTODO");
            boolean events = comps == null || comps.compNames().isEmpty() || comps.compNames().contains("VEVENT");
            String version = resp.text(DAV, "sync-token");
            version = version == null ? resp.text(CS, "getctag") : version;
            String href = resp.path().endsWith("/") ? resp.path() : resp.path() + "/";
            list.add(new TaskCalendar(href, resp.text(DAV, "displayname"), version, tasks, events));
        }
        return list;
    }

    private static boolean isCollection(DavProps.Response resp, String calendarHref) {
        DavProps.Prop type = resp.prop(DAV, "resourcetype");
        String p = resp.path().endsWith("/") ? resp.path() : resp.path() + "/";
        return p.equals(calendarHref) || type != null && type.children().contains("{" + DAV + "}collection");
    }

    /** A path segment from a list name: lower-case letters, digits and dashes; "tasks" when nothing is left. */
    static String slug(String name) {
        String s = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        s = s.length() > 40 ? s.substring(0, 40) : s;
        return s.isEmpty() ? "tasks" : s;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String lastSegment(String href) {
        String h = href.endsWith("/") ? href.substring(0, href.length() - 1) : href;
        return h.substring(h.lastIndexOf('/') + 1);
    }
}
