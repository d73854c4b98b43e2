package dev.tandem.app.caldav;

import dev.tandem.app.model.OutsideEdits;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.transfer.StableIds;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One two-way sync of the connected lists with a CalDAV account.
 *
 * <p>Which lists: those connected before; those named in {@code connect} (each joins the task
 * calendar of the same name, made with MKCALENDAR when there is none); and every task calendar on
 * the server that no list is connected to yet, which becomes a list here (joining a list of the same
 * name), so a task list made on the phone appears. A list made for a calendar gets an id derived
 * from the server and the calendar's path, so two devices that connect the same account make one
 * list, not two. A calendar deleted on the server disconnects its list, which stays here. A list
 * disconnected on its own ({@link CalDavState#turnOff}) keeps its calendar out of all this until it
 * is named in {@code connect} again, which resumes it where it stopped.
 *
 * <p>The CalDAV server sees the connected lists in plain text; Tandem's own remote stays end-to-end
 * encrypted and is not involved.
 */
public final class CalDavSync {
    private CalDavSync() {
    }

    /** The name the Inbox has on the server, and the list id ("") it stands for. */
    public static final String INBOX_NAME = "Inbox";

    public static CalDavReport run(TodoStore store, CalDavAccount account, CalDavState state,
                                   Collection<String> connect, ZoneId zone) {
        CalDavReport.Builder report = new CalDavReport.Builder();
        List<TaskCalendar> calendars = account.calendars().stream().filter(TaskCalendar::holdsTasks).toList();
        Map<String, TaskCalendar> byHref = new HashMap<>();
        calendars.forEach(c -> byHref.put(c.href(), c));
        Map<String, CalDavState.Link> links = new HashMap<>();
        for (CalDavState.Link l : state.links()) {
            if (byHref.containsKey(l.href())) {
                links.put(l.href(), l);
            } else {
                state.forget(l.listId());
                report.notice(Messages.text("common.caldav.listDeleted", l.name()));
            }
        }
        // Lists disconnected on their own: their calendars stay out until the list is connected again.
        Map<String, CalDavState.Link> off = new HashMap<>();
        for (CalDavState.Link l : state.offLinks()) {
            if (byHref.containsKey(l.href())) {
                off.put(l.listId(), l);
            } else {
                state.forget(l.listId()); // its calendar is gone: nothing left to resume
            }
        }
        Set<String> offHrefs = off.values().stream().map(CalDavState.Link::href).collect(Collectors.toSet());
        for (String name : connect) {
            String listId = listIdOf(store, name);
            if (links.values().stream().anyMatch(l -> l.listId().equals(listId))) {
                continue;
            }
            CalDavState.Link resumed = off.remove(listId);
            if (resumed != null) {
                // Its token and its tasks' bases were kept: changes on both sides meanwhile merge.
                state.save(resumed);
                offHrefs.remove(resumed.href());
                links.put(resumed.href(), resumed);
                continue;
            }
            TaskCalendar cal = calendars.stream().filter(c -> !links.containsKey(c.href()) && !offHrefs.contains(c.href()))
                    .filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                    .orElseGet(() -> account.createCalendar(name));
            byHref.put(cal.href(), cal);
            CalDavState.Link link = new CalDavState.Link(listId, cal.href(), name, null);
            state.save(link);
            links.put(cal.href(), link);
        }
        for (TaskCalendar cal : calendars) {
            if (links.containsKey(cal.href()) || offHrefs.contains(cal.href())) {
                continue;
            }
            String name = cal.name().isBlank() ? lastSegment(cal.href()) : cal.name();
            String listId = name.equalsIgnoreCase(INBOX_NAME) ? "" : store.findList(name).map(TodoList::id)
                    .orElseGet(() -> createList(store, account, cal, name));
            if (state.links().stream().anyMatch(l -> l.listId().equals(listId)) || off.containsKey(listId)) {
                continue; // that list is connected to another calendar already, or disconnected on purpose
            }
            CalDavState.Link link = new CalDavState.Link(listId, cal.href(), name, null);
            state.save(link);
            links.put(cal.href(), link);
        }
        // A task that left one calendar may have arrived in another (a move on the phone): deletes
        // are settled only once every connected list was read.
        Moves moves = new Moves(store, state, links.values().stream().map(CalDavState.Link::listId)
                .collect(Collectors.toSet()), off.keySet());
        ListSync sync = new ListSync(store, account, state, zone, report, moves);
        List<CalDavState.Link> again = new ArrayList<>();
        for (CalDavState.Link link : links.values()) {
            if (sync.run(link, byHref.get(link.href()))) {
                again.add(link);
            }
            report.list(link.name());
        }
        // Todos moved here from a list read only after theirs: every list is read now.
        for (CalDavState.Link link : again) {
            sync.run(state.links().stream().filter(l -> l.listId().equals(link.listId())).findFirst().orElse(link),
                    byHref.get(link.href()));
        }
        moves.finish(report);
        return report.build(account.requestsSent());
    }

    /** Whether anything changed on the server since the last sync: one request. */
    public static boolean changedOnServer(CalDavAccount account, CalDavState state) {
        Map<String, String> versions = new HashMap<>();
        account.calendars().forEach(c -> versions.put(c.href(), c.version()));
        for (CalDavState.Link l : state.links()) {
            String v = versions.get(l.href());
            // The version read when the last sync started, or the token it ended with: the token
            // covers the sync's own writes, and where the version is the RFC 6578 sync-token the two
            // are one value, so a sync that wrote does not make the next check see a change.
            if (v == null || v.isEmpty() || !v.equals(state.setting(ListSync.VERSION + l.href()).orElse(""))
                    && !v.equals(l.token())) {
                return true;
            }
        }
        return false;
    }

    /** The id of the list called {@code name} ("" for "Inbox"); an IllegalArgumentException names a command that shows the lists. */
    public static String listIdOf(TodoStore store, String name) {
        if (name.equalsIgnoreCase(INBOX_NAME)) {
            return "";
        }
        return store.findList(name).map(TodoList::id).orElseThrow(() -> new IllegalArgumentException(
                Messages.text("common.caldav.noSuchList", name)));
    }

    private static String createList(TodoStore store, CalDavAccount account, TaskCalendar cal, String name) {
        URI where = URI.create(account.where());
        String id = StableIds.derived("caldav-list\u0000" + where.getHost() + ":" + where.getPort() + cal.href()
                .toLowerCase(Locale.ROOT));
        new OutsideEdits(store).ensureList(id, name);
        return id;
    }

    private static String lastSegment(String href) {
        String h = href.endsWith("/") ? href.substring(0, href.length() - 1) : href;
        return h.substring(h.lastIndexOf('/') + 1);
    }
}
