package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.web.AccessToken;
import dev.tandem.app.web.AccessTokens;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code tandem tokens add NAME [--read-only] [--lists A,B] | list [--json] | revoke NAME}: the personal access
 * tokens scripts call {@code tandem serve}'s API with (docs/API.md). They live in this profile's data dir, beside the
 * paired browsers, never synced; a server running on the profile reads the file again at its next request, so a
 * revoked token is refused at once. The secret is printed once, alone on standard output (for
 * {@code TOKEN=$(tandem tokens add ci)}); the sentence about it goes to standard error.
 */
final class TokenCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    TokenCommands(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int tokens(TodoStore store, Path dir, Args a) {
        List<String> words = a.positional();
        AccessTokens tokens = new AccessTokens(new SettingsStore(dir), clock);
        String what = words.isEmpty() ? "" : words.get(0);
        boolean named = words.size() == 2;
        if (what.equals("add") && named) {
            return add(store, tokens, words.get(1), a);
        }
        if (what.equals("list") && words.size() == 1 && !a.flags().contains("--read-only")
                && !a.options().containsKey("--lists")) {
            return list(store, tokens, a.flags().contains("--json"));
        }
        if (what.equals("revoke") && named && a.flags().isEmpty() && a.options().isEmpty()) {
            if (!tokens.revoke(words.get(1))) {
                throw new Failure(Messages.text("cli.tokens.noSuchToken", words.get(1)));
            }
            out.println(Messages.text("cli.tokens.revoked", words.get(1)));
            return 0;
        }
        throw new UsageError(Messages.text("cli.tokens.usage"));
    }

    private int add(TodoStore store, AccessTokens tokens, String name, Args a) {
        if (a.flags().contains("--json")) {
            throw new UsageError(Messages.text("cli.tokens.usage"));
        }
        if (!AccessTokens.validName(name)) {
            throw new UsageError(Messages.text("cli.tokens.badName", name));
        }
        if (tokens.all().stream().anyMatch(t -> t.name().equals(name))) {
            throw new Failure(Messages.text("cli.tokens.taken", name));
        }
        List<String> listIds = null;
        if (a.options().containsKey("--lists")) {
            listIds = new ArrayList<>();
            List<String> names = Arrays.stream(a.options().get("--lists").split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            if (names.isEmpty()) {
                throw new UsageError(Messages.text("cli.tokens.noSuchList", ""));
            }
            for (String n : names) {
                TodoList l = store.findList(n).orElseThrow(() -> new UsageError(Messages.text("cli.tokens.noSuchList", n)));
                if (!listIds.contains(l.id())) {
                    listIds.add(l.id());
                }
            }
        }
        String secret = tokens.add(name, a.flags().contains("--read-only"), listIds);
        err.println(Messages.text("cli.tokens.added", name));
        out.println(secret);
        return 0;
    }

    private int list(TodoStore store, AccessTokens tokens, boolean json) {
        List<AccessToken> all = tokens.all();
        if (json) {
            out.println("[" + all.stream().map(t -> json(store, t)).collect(Collectors.joining(",\n ")) + "]");
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        for (AccessToken t : all) {
            String used = t.lastUsed() == null ? Messages.text("cli.tokens.neverUsed")
                    : Messages.text("cli.tokens.used", when(t.lastUsed(), today), String.valueOf(t.address()));
            out.println(Messages.text("cli.tokens.line", t.name(), when(t.created(), today), scope(store, t), used));
        }
        out.println(Messages.text("cli.tokens.count", all.size()));
        return 0;
    }

    private String when(Instant at, LocalDate today) {
        return Formats.dayTime(LocalDateTime.ofInstant(at, clock.getZone()), today);
    }

    private static String scope(TodoStore store, AccessToken t) {
        if (t.listIds() == null) {
            return Messages.text(t.readOnly() ? "cli.tokens.scopeReadOnly" : "cli.tokens.scopeAll");
        }
        return Messages.text(t.readOnly() ? "cli.tokens.scopeListsReadOnly" : "cli.tokens.scopeLists",
                String.join(", ", names(store, t)));
    }

    /** The names of a token's lists; a list deleted since is named by its id. */
    private static List<String> names(TodoStore store, AccessToken t) {
        return t.listIds().stream().map(id -> store.list(id).map(TodoList::name).orElse(id)).toList();
    }

    private static String json(TodoStore store, AccessToken t) {
        return "{\"name\":" + Json.str(t.name()) + ",\"created\":" + Json.str(t.created().toString())
                + ",\"readOnly\":" + t.readOnly()
                + ",\"lists\":" + (t.listIds() == null ? "null"
                        : "[" + names(store, t).stream().map(Json::str).collect(Collectors.joining(",")) + "]")
                + ",\"lastUsed\":" + (t.lastUsed() == null ? "null" : Json.str(t.lastUsed().toString()))
                + ",\"address\":" + (t.address() == null ? "null" : Json.str(t.address())) + "}";
    }
}
