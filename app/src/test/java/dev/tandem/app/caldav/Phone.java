package dev.tandem.app.caldav;

import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.CalendarObject;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.CalDavServer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The phone's side of a test: writes VTODOs as DAVx5 with Tasks.org and Apple Reminders do (their
 * own X- properties, a whole object each time, If-Match on the entity tag it read), through its own
 * connection to the same server.
 */
final class Phone implements AutoCloseable {
    final CalDavAccount account;

    Phone(CalDavServer server) {
        account = CalDavAccount.connect(new WebDavSettings(server.url(), server.user(), CalDavServer.PASSWORD));
    }

    TaskCalendar calendar(String name) {
        return account.calendars().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no calendar " + name + " in " + account.calendars()));
    }

    List<CalendarObject> tasks(TaskCalendar cal) {
        return account.read(cal, account.changes(cal, null).changed().keySet());
    }

    CalendarObject task(TaskCalendar cal, String summary) {
        // calendar-data travels inside XML, whose parser turns CRLF into LF.
        return tasks(cal).stream().filter(o -> o.ics().replace("\r\n", "\n").contains("SUMMARY:" + summary + "\n"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task " + summary + " in " + tasks(cal).stream()
                        .map(CalendarObject::ics).collect(Collectors.joining("\n"))));
    }

    /** A new task as Tasks.org writes it; returns its path. */
    String add(TaskCalendar cal, String uid, String summary, String extra) {
        String href = cal.href() + uid + ".ics";
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:+//IDN tasks.org//android-130802//EN\r\nBEGIN:VTODO\r\n"
                + "DTSTAMP:20261123T100000Z\r\nUID:" + uid + "\r\nCREATED:20261123T100000Z\r\n"
                + "LAST-MODIFIED:20261123T100000Z\r\nSUMMARY:" + summary + "\r\n" + extra
                + "X-APPLE-SORT-ORDER:42\r\nX-TASKS-ORG-ORDER:7\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
        account.write(href, ics, null).orElseThrow();
        return href;
    }

    /** Rewrites a task with one line replaced and a newer LAST-MODIFIED, as a phone app saves an edit. */
    void edit(CalendarObject o, String from, String to, String lastModified) {
        String ics = o.ics().replace(from, to).replaceAll("LAST-MODIFIED:[0-9TZ]+", "LAST-MODIFIED:" + lastModified);
        if (account.write(o.href(), ics, o.etag() == null ? "*" : o.etag()).isEmpty()) {
            throw new AssertionError("the phone's write was refused");
        }
    }

    void delete(CalendarObject o) {
        account.delete(o.href(), o.etag());
    }

    @Override
    public void close() {
        account.close();
    }
}
