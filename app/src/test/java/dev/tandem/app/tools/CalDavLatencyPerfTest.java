package dev.tandem.app.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.caldav.CalDavService;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task written on the CalDAV server (Radicale, as a phone app writes it) to the todo in the
 * focused app's store, with the app's CalDAV service at its real pace, and the requests an idle
 * focused hour costs. The list on screen follows the store within a few milliseconds more
 * (PERFORMANCE.md, P2). Run: {@code mvn -pl app test -Pperf -Dtest=CalDavLatencyPerfTest}.
 */
@Tag("perf")
class CalDavLatencyPerfTest {
    private static final int TRIALS = 15;

    @TempDir
    Path tmp;

    @Test
    void serverWriteToStore_focusedApp_medianAndIdleRequests() throws Exception {
        try (CalDavServer server = CalDavServer.start(CalDavServer.Kind.RADICALE);
             TodoStore store = new TodoStore(Db.open(Files.createDirectories(tmp.resolve("p")).resolve("tandem.db")),
                     Clock.systemUTC(), ZoneOffset.UTC);
             CalDavService service = new CalDavService(store, new SettingsStore(tmp.resolve("p")), ZoneOffset.UTC,
                     r -> store.replica().onCommit(events -> r.run()));
             CalDavAccount phone = CalDavAccount.connect(new WebDavSettings(server.url(), CalDavServer.USER,
                     CalDavServer.PASSWORD))) {
            store.createList("Groceries");
            service.start();
            service.setFocused(true);
            service.connect(server.url(), CalDavServer.USER, CalDavServer.PASSWORD, List.of("Groceries"))
                    .get(30, TimeUnit.SECONDS);
            TaskCalendar cal = phone.calendars().stream().filter(c -> c.name().equals("Groceries")).findFirst()
                    .orElseThrow();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < TRIALS; i++) {
                // Anywhere in the check interval, as a person on the phone would be.
                Thread.sleep(ThreadLocalRandom.current().nextLong(5_000));
                String title = "Phone task " + i;
                String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//perf//EN\r\nBEGIN:VTODO\r\nUID:perf-" + i
                        + "\r\nDTSTAMP:20261123T100000Z\r\nSUMMARY:" + title + "\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
                long start = System.nanoTime();
                phone.write(cal.href() + "perf-" + i + ".ics", ics, null).orElseThrow();
                while (store.allItems().stream().noneMatch(it -> title.equals(it.title()))) {
                    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "not within 30 s: " + title);
                    Thread.sleep(20);
                }
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            Collections.sort(millis);
            Thread.sleep(6_000);
            long before = service.requestsSent();
            Thread.sleep(60_000);
            long idle = service.requestsSent() - before;
            System.out.printf("caldav server write -> store: n=%d p50=%d ms p95=%d ms max=%d ms; idle focused: %d requests"
                            + " in 60 s = %d per hour%n", TRIALS, millis.get(TRIALS / 2),
                    millis.get((int) Math.ceil(TRIALS * 0.95) - 1), millis.get(TRIALS - 1), idle, idle * 60);
        }
    }
}
