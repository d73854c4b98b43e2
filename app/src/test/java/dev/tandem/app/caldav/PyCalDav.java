package dev.tandem.app.caldav;

import dev.tandem.engine.testing.CalDavServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A phone that is python3-caldav 0.11, the client library Debian ships, driven by short scripts
 * under Debian's Python: what it writes is what the library writes, not what a test expects.
 * Calendars are found by display name and tasks by summary, as a person picks them. The scripts run in one
 * Python kept running ({@link PythonWorker}), each as its own program would.
 */
final class PyCalDav {
    /** How the library completes a task: its three ways. */
    enum Completion {
        /** {@code complete()}: the same UID marked COMPLETED, RRULE kept (as Thunderbird completes a whole task). */
        PLAIN,
        /** {@code complete(handle_rrule=True)}: a completed copy under a new UID; the series' DTSTART and DUE move on. */
        SAFE,
        /** {@code rrule_mode="thisandfuture"}: RECURRENCE-ID overrides, one completed and one open from the next date. */
        THIS_AND_FUTURE
    }

    private static final String PRELUDE = String.join("\n",
            "import sys, datetime, caldav",
            "from caldav.elements import dav",
            "url, user, password = sys.argv[1:4]",
            "args = sys.argv[4:]",
            "principal = caldav.DAVClient(url, username=user, password=password).principal()",
            "def cal(name):",
            "    for c in principal.calendars():",
            "        if c.get_properties([dav.DisplayName()]).get('{DAV:}displayname') == name:",
            "            return c",
            "    raise SystemExit('no calendar %s among %s' % (name, [c.url for c in principal.calendars()]))",
            "def task(c, summary):",
            "    found = [t for t in c.todos(include_completed=True)",
            "             if str(t.icalendar_component.get('summary')) == summary",
            "             and str(t.icalendar_component.get('status', 'NEEDS-ACTION')) not in ('COMPLETED', 'CANCELLED')]",
            "    if len(found) != 1:",
            "        raise SystemExit('%d open tasks %r in %s' % (len(found), summary, c.url))",
            "    return found[0]",
            "");

    private final CalDavServer server;

    PyCalDav(CalDavServer server) {
        this.server = server;
    }

    /** Runs {@code script} after the prelude, as {@code python3 -c} with the server's URL, user and password first. */
    private String run(String script, String... args) {
        List<String> argv = new ArrayList<>(List.of(server.url(), server.user(), CalDavServer.PASSWORD));
        argv.addAll(List.of(args));
        return PythonWorker.run(PRELUDE + script, argv);
    }

    /** Adds a task the way the library makes one ({@code save_todo} with a summary): a UID of its own. */
    void add(String cal, String summary) {
        run("cal(args[0]).save_todo(summary=args[1])\n", cal, summary);
    }

    /** Puts a copy of the open task {@code summary} of calendar {@code from} into {@code to}, same UID: a move's first half. */
    void copy(String from, String to, String summary) {
        run("t = task(cal(args[0]), args[2])\ncal(args[1]).save_todo(t.data)\n", from, to, summary);
    }

    /** Deletes the open task {@code summary} of calendar {@code cal}. */
    void delete(String cal, String summary) {
        run("task(cal(args[0]), args[1]).delete()\n", cal, summary);
    }

    /** Moves a task as the library's users (and DAVx5, Apple Reminders) do: PUT into the new calendar, then DELETE the old. */
    void move(String from, String to, String summary) {
        run("c = cal(args[0])\nt = task(c, args[2])\ncal(args[1]).save_todo(t.data)\nt.delete()\n", from, to, summary);
    }

    /** Takes the open task {@code summary} out of {@code cal}: deletes it and returns its text, a move's DELETE first. */
    String take(String cal, String summary) {
        return run("t = task(cal(args[0]), args[1])\nsys.stdout.write(t.data)\nt.delete()\n", cal, summary);
    }

    /**
     * Sets property {@code name} of the open task {@code summary} to {@code value} and stamps
     * LAST-MODIFIED with the time now, as a phone app saves an edit; {@code value} null removes it.
     */
    void edit(String cal, String summary, String name, String value) {
        run(String.join("\n",
                "t = task(cal(args[0]), args[1])",
                "c = t.icalendar_component",
                "c.pop(args[2], None)",
                "if len(args) > 3:",
                "    c.add(args[2], args[3])",
                "c.pop('LAST-MODIFIED', None)",
                "c.add('LAST-MODIFIED', datetime.datetime.now(datetime.timezone.utc))",
                "t.save()", ""), value == null ? new String[] {cal, summary, name} : new String[] {cal, summary, name, value});
    }

    /**
     * One step of a random phone: {@code op} (add, edit, complete, cancel, move, delete) on the task
     * whose SUMMARY begins with the word {@code label}, in whichever of {@code cals} holds it; {@code arg}
     * is the calendar to add to, or the word an edit appends. Edits and cancels stamp LAST-MODIFIED
     * as apps do; {@code complete()} (which refuses a task done already: left as it is) and moves
     * are the library's own. Returns what it did, or "absent" when no calendar holds the task.
     */
    String act(List<String> cals, String op, String label, String arg) {
        return run(String.join("\n",
                "op, label, arg, names = args[0], args[1], args[2], args[3].split(',')",
                "cs = dict((n, cal(n)) for n in names)",
                "if op == 'add':",
                "    cs[arg].save_todo(summary=label)",
                "    print('added to ' + arg)",
                "    sys.exit(0)",
                "found = [(n, t) for n in names for t in cs[n].todos(include_completed=True)",
                "         if (str(t.icalendar_component.get('summary', '')) + ' ').split(' ')[0] == label]",
                "if not found:",
                "    print('absent')",
                "    sys.exit(0)",
                "n, t = found[0]",
                "c = t.icalendar_component",
                "def stamp():",
                "    c.pop('LAST-MODIFIED', None)",
                "    c.add('LAST-MODIFIED', datetime.datetime.now(datetime.timezone.utc))",
                "if op == 'edit':",
                "    c.pop('SUMMARY', None)",
                "    c.add('SUMMARY', label + ' ' + arg)",
                "    stamp()",
                "    t.save()",
                "elif op == 'complete' and str(c.get('STATUS', 'NEEDS-ACTION')) in ('COMPLETED', 'CANCELLED'):",
                "    op = 'complete (done already)'",
                "elif op == 'complete':",
                "    t.complete()",
                "elif op == 'cancel':",
                "    c.pop('STATUS', None)",
                "    c.add('STATUS', 'CANCELLED')",
                "    stamp()",
                "    t.save()",
                "elif op == 'move':",
                "    cs[[m for m in names if m != n][0]].save_todo(t.data)",
                "    t.delete()",
                "elif op == 'delete':",
                "    t.delete()",
                "else:",
                "    raise SystemExit('no such step ' + op)",
                "print('%s in %s%s' % (op, n, '' if len(found) == 1 else ' (%d copies)' % len(found)))", ""),
                op, label, arg, String.join(",", cals)).strip();
    }

    /**
     * Sets the open task's DTSTART and DUE (each "2026-11-24T15:00" read in {@code zone}, written with its TZID
     * as the library writes a zoned time; null leaves the property out) and drops DURATION, stamping
     * LAST-MODIFIED as a phone app saves an edit.
     */
    void setTimes(String cal, String summary, String start, String due, String zone) {
        run(String.join("\n",
                "import zoneinfo",
                "t = task(cal(args[0]), args[1])",
                "c = t.icalendar_component",
                "z = zoneinfo.ZoneInfo(args[4])",
                "for name, value in (('DTSTART', args[2]), ('DUE', args[3])):",
                "    c.pop(name, None)",
                "    if value:",
                "        c.add(name, datetime.datetime.fromisoformat(value).replace(tzinfo=z))",
                "c.pop('DURATION', None)",
                "c.pop('LAST-MODIFIED', None)",
                "c.add('LAST-MODIFIED', datetime.datetime.now(datetime.timezone.utc))",
                "t.save()", ""), cal, summary, start == null ? "" : start, due == null ? "" : due, zone);
    }

    /**
     * The open task's DTSTART, DUE and DURATION as the library reads them, "|"-separated: a date-time in
     * UTC ("2026-11-24T14:00:00+00:00"), a date ("2026-11-24"), a duration in seconds, or "" for none.
     */
    String times(String cal, String summary) {
        return run(String.join("\n",
                "c = task(cal(args[0]), args[1]).icalendar_component",
                "def show(name):",
                "    if name not in c:",
                "        return ''",
                "    v = c[name].dt",
                "    if isinstance(v, datetime.timedelta):",
                "        return str(int(v.total_seconds()))",
                "    if isinstance(v, datetime.datetime):",
                "        return v.astimezone(datetime.timezone.utc).isoformat()",
                "    return v.isoformat()",
                "sys.stdout.write('|'.join(show(n) for n in ('DTSTART', 'DUE', 'DURATION')))", ""), cal, summary).strip();
    }

    /** Puts {@code ics} into {@code cal} under its own UID. */
    void put(String cal, String ics) {
        run("cal(args[0]).save_todo(args[1])\n", cal, ics);
    }

    /**
     * Every task of {@code cal} as the library reads it, one line each: UID, summary, status and due
     * date of its latest instance (an override with the latest RECURRENCE-ID, else the task itself).
     */
    List<String> tasks(String cal) {
        String out = run(String.join("\n",
                "for t in cal(args[0]).todos(include_completed=True):",
                "    comps = list(t.icalendar_instance.walk('VTODO'))",
                "    last = max(comps, key=lambda c: str(c['RECURRENCE-ID'].dt) if 'RECURRENCE-ID' in c else '')",
                "    status = str(last.get('STATUS', 'COMPLETED' if 'COMPLETED' in last else 'NEEDS-ACTION'))",
                "    due = last['DUE'].dt.isoformat()[:10] if 'DUE' in last else ''",
                "    print('%s|%s|%s|%s' % (comps[0]['UID'], comps[0].get('SUMMARY', ''), status, due))", ""), cal);
        return out.lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** The lines of {@link #tasks} for {@code summary} whose latest instance is open. */
    List<String> open(String cal, String summary) {
        return tasks(cal).stream().filter(l -> l.split("\\|", -1)[1].equals(summary))
                .filter(l -> !l.contains("|COMPLETED|") && !l.contains("|CANCELLED|")).toList();
    }

    /** Completes the open task {@code summary} at 10:00 UTC on {@code on}, the library's way {@code how}. */
    void complete(String cal, String summary, Completion how, LocalDate on) {
        String call = switch (how) {
            case PLAIN -> "t.complete(completion_timestamp=at)";
            case SAFE -> "t.complete(completion_timestamp=at, handle_rrule=True)";
            case THIS_AND_FUTURE -> "t.complete(completion_timestamp=at, handle_rrule=True, rrule_mode='thisandfuture')";
        };
        run("t = task(cal(args[0]), args[1])\nat = datetime.datetime.fromisoformat(args[2] + 'T10:00:00+00:00')\n"
                + call + "\n", cal, summary, on.toString());
    }

    /**
     * Adds {@code summary} as a subtask of the open task {@code parent}, the library's way:
     * {@code set_relation(parent, 'PARENT', set_reverse=False)}. What this version saves is a RELATED-TO
     * without RELTYPE (its REL-TYPE parameter does not reach the server), which RFC 5545 reads as PARENT.
     * Its reverse (set_reverse=True) would put the same bare RELATED-TO on the parent, naming the child:
     * read by the RFC, each would be the other's parent, so tests leave it out.
     */
    void addChild(String cal, String summary, String parent) {
        run(String.join("\n",
                "c = cal(args[0])",
                "p = task(c, args[2])",
                "t = c.save_todo(summary=args[1])",
                "t.set_relation(p, 'PARENT', set_reverse=False)",
                "t.save()", ""), cal, summary, parent);
    }

    /**
     * Puts the open task {@code summary} under {@code parent} (null: takes it out of every parent), as a
     * phone re-parents: its parent relations removed, the new one set by {@code set_relation} without the
     * reverse, LAST-MODIFIED stamped.
     */
    void setParent(String cal, String summary, String parent) {
        run(String.join("\n",
                "c = cal(args[0])",
                "t = task(c, args[1])",
                "comp = t.icalendar_component",
                "rels = comp.get('RELATED-TO')",
                "rels = [] if rels is None else rels if isinstance(rels, list) else [rels]",
                "keep = [r for r in rels if str(r.params.get('RELTYPE', r.params.get('REL-TYPE', 'PARENT'))).upper() != 'PARENT']",
                "comp.pop('RELATED-TO', None)",
                "for r in keep:",
                "    comp.add('RELATED-TO', r)",
                "if len(args) > 2:",
                "    t.set_relation(task(c, args[2]), 'PARENT', set_reverse=False)",
                "comp.pop('LAST-MODIFIED', None)",
                "comp.add('LAST-MODIFIED', datetime.datetime.now(datetime.timezone.utc))",
                "t.save()", ""), parent == null ? new String[] {cal, summary} : new String[] {cal, summary, parent});
    }

    /** The open task's RELATED-TO lines as the library reads them, "TYPE|UID" each (TYPE "" when none), sorted. */
    List<String> relations(String cal, String summary) {
        String out = run(String.join("\n",
                "rels = task(cal(args[0]), args[1]).icalendar_component.get('RELATED-TO')",
                "rels = [] if rels is None else rels if isinstance(rels, list) else [rels]",
                "for r in rels:",
                "    print('%s|%s' % (r.params.get('RELTYPE', r.params.get('REL-TYPE', '')), str(r)))", ""), cal, summary);
        return out.lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** The UID of the open task {@code summary}. */
    String uid(String cal, String summary) {
        return run("sys.stdout.write(str(task(cal(args[0]), args[1]).icalendar_component['UID']))\n", cal, summary);
    }
}
