package dev.tandem.app.cli;

import dev.tandem.app.caldav.CalDavReport;
import dev.tandem.app.caldav.CalDavState;
import dev.tandem.app.caldav.CalDavSync;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code tandem caldav sync [URL] [--lists A,B] [--drop C]} and {@code tandem caldav status}: the CalDAV task
 * lists, for scripts and for trying an account. The address and user name are kept in the
 * profile's CalDAV state, so later syncs need only the password; the password itself is never
 * written by the command line (TANDEM_CALDAV_PASSWORD each time).
 */
final class CalDavCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    CalDavCommands(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int caldav(TodoStore store, Args a) {
        List<String> words = a.positional();
        if (words.isEmpty() || !(words.get(0).equals("sync") || words.get(0).equals("status"))) {
            throw new UsageError(Messages.text("cli.caldav.expected"));
        }
        try (CalDavState state = CalDavState.open(store.replica().file())) {
            return words.get(0).equals("sync") ? sync(store, state, words, a) : status(state);
        }
    }

    private int sync(TodoStore store, CalDavState state, List<String> words, Args a) {
        if (words.size() > 2) {
            throw new UsageError(Messages.text("cli.caldav.oneUrl"));
        }
        String url = words.size() == 2 ? words.get(1) : state.setting("url").orElseThrow(() -> new UsageError(
                Messages.text("cli.caldav.needsUrl")));
        String user = env.getOrDefault("TANDEM_CALDAV_USER", state.setting("user").orElse(""));
        String password = env.getOrDefault("TANDEM_CALDAV_PASSWORD", "");
        if (!user.isBlank() && password.isEmpty()) {
            throw new UsageError(Messages.text("cli.caldav.needsPassword"));
        }
        WebDavSettings settings;
        try {
            settings = new WebDavSettings(url, user, password, env.getOrDefault("TANDEM_CALDAV_TRUST", ""));
        } catch (IllegalArgumentException e) {
            throw new UsageError(Messages.text("cli.caldav.usage", e.getMessage()));
        }
        List<String> lists = names(a, "--lists");
        List<String> drop = names(a, "--drop");
        // Compared as sent: "…/My Tasks" and "…/My%20Tasks" are one account.
        if (!WebDavSettings.encodeUrl(state.setting("url").orElse(url)).equals(settings.url())) {
            throw new UsageError(Messages.text("cli.caldav.otherServer", state.setting("url").get()));
        }
        err.println(Messages.text("cli.caldav.plainText"));
        drop(store, state, drop);
        try (CalDavAccount account = CalDavAccount.connect(settings)) {
            CalDavReport r = CalDavSync.run(store, account, state, lists, ZoneId.systemDefault());
            state.setting("url", settings.url());
            state.setting("user", user);
            state.setting("synced", Instant.ofEpochMilli(store.clock().millis()).toString());
            r.notices().forEach(err::println);
            out.println(r.summary());
            r.unreadable().forEach(h -> err.println(Messages.text("cli.caldav.unreadable", h)));
            return r.unreadable().isEmpty() ? 0 : Cli.SYNCED_WITH_PROBLEMS;
        }
    }

    private static List<String> names(Args a, String option) {
        return a.options().containsKey(option) ? Arrays.stream(a.options().get(option).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
    }

    /** Disconnects the lists {@code names} on this device before the sync, which then leaves them out. */
    private void drop(TodoStore store, CalDavState state, List<String> names) {
        for (String name : names) {
            String listId;
            try {
                listId = CalDavSync.listIdOf(store, name);
            } catch (IllegalArgumentException e) {
                throw new UsageError(Messages.text("cli.caldav.dropUsage", e.getMessage().replaceFirst("^list: ", "")));
            }
            if (state.links().stream().noneMatch(l -> l.listId().equals(listId))) {
                throw new UsageError(Messages.text("cli.caldav.notConnected", name));
            }
            state.turnOff(listId);
            err.println(Messages.text("cli.caldav.disconnected", name));
        }
    }

    private int status(CalDavState state) {
        if (state.setting("url").isEmpty()) {
            out.println(Messages.text("cli.caldav.noAccount"));
            return 0;
        }
        String user = state.setting("user").orElse("");
        out.println(user.isEmpty() ? Messages.text("cli.caldav.server", state.setting("url").get())
                : Messages.text("cli.caldav.serverAs", state.setting("url").get(), user));
        out.println(Messages.text("cli.caldav.lastSync", state.setting("synced")
                .map(t -> Formats.dayYearTime(LocalDateTime.ofInstant(Instant.parse(t), ZoneId.systemDefault())))
                .orElse(Messages.text("cli.caldav.never"))));
        for (CalDavState.Link l : state.links()) {
            out.println(Messages.text("cli.caldav.link", l.listId().isEmpty() ? CalDavSync.INBOX_NAME : l.name(),
                    l.href(), state.tasks(l.listId()).size()));
        }
        for (CalDavState.Link l : state.offLinks()) {
            out.println(Messages.text("cli.caldav.offLink", l.listId().isEmpty() ? CalDavSync.INBOX_NAME : l.name(),
                    l.href()));
        }
        return 0;
    }
}
