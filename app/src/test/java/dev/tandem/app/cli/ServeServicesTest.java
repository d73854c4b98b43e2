package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.backup.BackupService;
import dev.tandem.app.caldav.CalDavService;
import dev.tandem.app.feeds.FeedSource;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.CalDavServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem serve} on an always-on machine runs what the window runs besides the page: at start it makes the
 * profile's backup (none was there, so one is due) into the profile's backup folder, and syncs the CalDAV task
 * lists the profile connected, here with Radicale, a todo added while nothing ran reaching the server; it says
 * both at start, and how many subscribed calendars it reads. Run in this JVM and stopped by the end of its standard input ({@code --stdin}).
 */
@Tag("server")
class ServeServicesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void serve_profileWithBackupsAndCalDav_backsUpAndSyncsTheTaskLists() throws Exception {
        Path profile = Files.createDirectories(tmp.resolve("nas"));
        Path backups = tmp.resolve("backups");
        String title = "Milk " + UUID.randomUUID();
        CalDavServer server = CalDavServer.forTest(CalDavServer.Kind.RADICALE);
        // The window connected the Groceries list (its password saved in the profile), then closed; a todo was
        // added after, which only a running CalDAV bridge brings to the server.
        SettingsStore settings = new SettingsStore(profile);
        settings.put(BackupService.FOLDER, backups.toString());
        try (TodoStore store = TodoStore.open(Schema.database(profile.resolve("tandem.db")), Clock.systemUTC(),
                ZoneId.systemDefault())) {
            TodoList groceries = store.createList("Groceries");
            try (CalDavService window = new CalDavService(store, settings, ZoneId.systemDefault(),
                    r -> store.replica().onCommit(events -> r.run()))) {
                window.start();
                window.connect(server.url(), server.user(), CalDavServer.PASSWORD, List.of("Groceries"))
                        .get(30, TimeUnit.SECONDS);
            }
            store.add(title, groceries.id(), null);
        }
        // A calendar subscribed on this device (by the window or `tandem calendars add`), read by serve each hour.
        Path ics = Files.writeString(tmp.resolve("team.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
        try (EventStore events = EventStore.open(Optional.of(profile.resolve("tandem.db")))) {
            events.add(CalendarSubscription.of("Team", FeedSource.of(ics.toString()).stored(), "", ""));
        }
        assertFalse(onServer(server, title), "not on the server before serve runs");

        PipedOutputStream stdin = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(stdin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> new Cli(in, outStream,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC())
                .run(List.of("--data-dir", profile.toString(), "serve", "--listen", "127.0.0.1:0", "--no-mdns",
                        "--stdin")));
        try {
            String said = Await.until("serve ready", WAIT, () -> out.toString(StandardCharsets.UTF_8),
                    s -> s.contains("Paired browsers:") || serving.isDone());
            assertTrue(said.contains("Daily backups: to " + backups), said);
            assertTrue(said.contains("CalDAV task lists: syncing with " + server.url() + " (1 list)"), said);
            assertTrue(said.contains("Calendars: 1 calendar shown on the page, read each hour."), said);
            Await.until("the daily backup in the profile's backup folder", WAIT,
                    () -> !new BackupService(null, profile, settings, Clock.systemDefaultZone(), Map.of())
                            .list(backups).isEmpty());
            Await.until("the todo on the CalDAV server", WAIT, () -> onServer(server, title));
        } finally {
            stdin.close();
        }
        assertEquals(0, serving.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Stopping"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void serve_backupFolderUnusable_saysTheBackupFailedAndServesOn() throws Exception {
        Path profile = Files.createDirectories(tmp.resolve("nas"));
        // A folder that cannot be made: a file is where its parent should be.
        Path blocker = Files.writeString(tmp.resolve("not-a-folder"), "x");
        new SettingsStore(profile).put(BackupService.FOLDER, blocker.resolve("backups").toString());
        PipedOutputStream stdin = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(stdin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> new Cli(in,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), Clock.systemUTC()).run(List.of("--data-dir", profile.toString(), "serve", "--listen",
                "127.0.0.1:0", "--no-mdns", "--stdin")));
        try {
            String started = Await.until("serve ready", WAIT, () -> out.toString(StandardCharsets.UTF_8),
                    s -> s.contains("Paired browsers:") || serving.isDone());
            assertTrue(started.contains("CalDAV task lists: none connected"), started);
            assertTrue(started.contains("Calendars: none subscribed"), started);
            String said = Await.until("the failed backup said", WAIT, () -> err.toString(StandardCharsets.UTF_8),
                    s -> s.contains("Backup failed:") || serving.isDone());
            assertTrue(said.contains("Backup failed:"), said);
            assertFalse(serving.isDone(), "still serving");
        } finally {
            stdin.close();
        }
        assertEquals(0, serving.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    /** Whether the server stores a task titled {@code title}: Radicale's own files, as it wrote them. */
    private static boolean onServer(CalDavServer server, String title) {
        try (Stream<Path> files = Files.walk(server.storage())) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.readString(f).contains("SUMMARY:" + title);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A file Radicale moved while the walk passed it: look again.
            return false;
        }
    }
}
