package dev.tandem.app.caldav;

import dev.tandem.engine.testing.CalDavServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A phone that is todoman 4.1 on a vdir kept in sync with the server by vdirsyncer 0.19, both as
 * Debian ships them, configured in a folder of the test's own: todoman edits files, and
 * {@link #sync()} (or {@link #sync(String)}, one calendar only, to order a move's two halves)
 * uploads them as vdirsyncer does. Tasks are found by summary among the open ones.
 */
final class Todoman {
    private final Path dir;
    private final Path vdir;
    private final Map<String, String> env;
    private final Path todomanConfig;

    Todoman(CalDavServer server, Path dir) {
        this.dir = dir;
        this.vdir = dir.resolve("calendars");
        try {
            Files.createDirectories(vdir);
            Files.createDirectories(dir.resolve("status"));
            Path config = Files.writeString(dir.resolve("vdirsyncer.conf"), String.join("\n",
                    "[general]",
                    "status_path = \"" + dir.resolve("status") + "/\"",
                    "[pair tasks]",
                    "a = \"tasks_local\"",
                    "b = \"tasks_remote\"",
                    "collections = [\"from a\", \"from b\"]",
                    "metadata = [\"displayname\"]",
                    "conflict_resolution = \"b wins\"",
                    "[storage tasks_local]",
                    "type = \"filesystem\"",
                    "path = \"" + vdir + "/\"",
                    "fileext = \".ics\"",
                    "[storage tasks_remote]",
                    "type = \"caldav\"",
                    "url = \"" + server.url() + "\"",
                    "username = \"" + server.user() + "\"",
                    "password = \"" + CalDavServer.PASSWORD + "\"",
                    "item_types = [\"VTODO\"]", ""));
            todomanConfig = Files.writeString(dir.resolve("todoman.py"), String.join("\n",
                    "path = \"" + vdir + "/*\"",
                    "date_format = \"%Y-%m-%d\"",
                    "time_format = \"%H:%M\"",
                    // A new task without --due has no due date (todoman's default is a day after now).
                    "default_due = 0",
                    "cache_path = \"" + dir.resolve("todoman-cache.sqlite3") + "\"", ""));
            env = Map.of("VDIRSYNCER_CONFIG", config.toString(), "XDG_CACHE_HOME", dir.resolve("cache").toString(),
                    "XDG_CONFIG_HOME", dir.resolve("config").toString(), "HOME", dir.toString(), "TZ", "UTC");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds new calendars on both sides and syncs every one, as {@code vdirsyncer discover && vdirsyncer sync}. */
    String sync() {
        vdirsyncer("y\n".repeat(50), "discover");
        vdirsyncer("", "metasync");
        // A calendar a move left empty is what the phone meant; vdirsyncer refuses that without --force-delete.
        return vdirsyncer("", "sync", "--force-delete");
    }

    /** Syncs the one calendar called {@code name} (its display name), as {@code vdirsyncer sync tasks/<collection>}. */
    String sync(String name) {
        return vdirsyncer("", "sync", "--force-delete", "tasks/" + collection(name));
    }

    /** {@code todo new --list <list> --start <start> [--due <due>] <summary>}: dates as "2026-11-24". */
    void add(String list, String summary, String start, String due) {
        List<String> args = new ArrayList<>(List.of("new", "--list", list, "--start", start));
        if (due != null) {
            args.addAll(List.of("--due", due));
        }
        args.add(summary);
        todoman(args.toArray(String[]::new));
    }

    /** {@code todo edit --start <date> <id>}: the task's start date (DTSTART). */
    void start(String summary, String date) {
        todoman("edit", "--start", date, id(summary));
    }

    void done(String summary) {
        todoman("done", id(summary));
    }

    void cancel(String summary) {
        todoman("cancel", id(summary));
    }

    /** {@code todo move --list <to>}: renames the file into the other calendar's folder. */
    void move(String summary, String to) {
        todoman("move", "--list", to, id(summary));
    }

    /** The open tasks as {@code todo --porcelain list} prints them (JSON). */
    String list() {
        return todoman("--porcelain", "list");
    }

    private String id(String summary) {
        String json = list();
        List<String> ids = new ArrayList<>();
        // Porcelain objects list their keys sorted: "id" comes before "summary".
        Matcher m = Pattern.compile("\"id\": (\\d+),[^{}]*\"summary\": \"([^\"]*)\"").matcher(json);
        while (m.find()) {
            if (m.group(2).equals(summary)) {
                ids.add(m.group(1));
            }
        }
        if (ids.size() != 1) {
            throw new AssertionError(ids.size() + " open tasks \"" + summary + "\" in todoman's list:\n" + json);
        }
        return ids.get(0);
    }

    private String collection(String name) {
        try (Stream<Path> cols = Files.list(vdir)) {
            for (Path c : cols.toList()) {
                Path display = c.resolve("displayname");
                if (Files.exists(display) && Files.readString(display).strip().equals(name)) {
                    return c.getFileName().toString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no calendar " + name + " in the vdir " + vdir);
    }

    private String vdirsyncer(String input, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ClientPrograms.VDIRSYNCER.toString()));
        cmd.addAll(List.of(args));
        return ClientPrograms.run(dir, env, input, cmd);
    }

    private String todoman(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ClientPrograms.TODOMAN.toString(), "--config",
                todomanConfig.toString(), "--color", "never"));
        cmd.addAll(List.of(args));
        return ClientPrograms.run(dir, env, "", cmd);
    }
}
