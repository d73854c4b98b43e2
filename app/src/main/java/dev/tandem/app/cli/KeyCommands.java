package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.KeyringStatus;
import dev.tandem.engine.sync.RemoteKeys;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The keys of an encrypted remote: {@code passphrase change|reset} and {@code keys
 * status|recovery-key|rotate}. Secrets come from environment variables so scripts can run these,
 * and are asked for at a terminal otherwise, never taken from arguments, which other users of the
 * machine can see in the process list. Where the remote is the app's saved one, a new passphrase
 * is saved too, or the app on this device would be locked out by its own change.
 */
final class KeyCommands {
    static final String PASSPHRASE = "TANDEM_PASSPHRASE";
    static final String NEW_PASSPHRASE = "TANDEM_NEW_PASSPHRASE";
    static final String RECOVERY_KEY = "TANDEM_RECOVERY_KEY";

    /** Re-encrypting a large remote takes minutes; a line a second shows it moves without flooding a log. */
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final SyncCommands syncs;
    private final Console console = System.console();

    KeyCommands(PrintStream out, PrintStream err, Map<String, String> env, SyncCommands syncs) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.syncs = syncs;
    }

    int passphrase(Path dir, Args a) {
        return switch (subcommand("passphrase", a, List.of("change", "reset"))) {
            case "change" -> change(dir, a);
            default -> reset(dir, a);
        };
    }

    int keys(TodoStore store, Path dir, Args a) {
        return switch (subcommand("keys", a, List.of("status", "recovery-key", "rotate"))) {
            case "status" -> status(dir, a);
            case "recovery-key" -> recoveryKey(dir, a);
            default -> rotate(store, dir, a);
        };
    }

    private int change(Path dir, Args a) {
        try (SyncEngine engine = syncs.engineFor(a, dir, b -> b.encrypted(currentPassphrase(dir, a)))) {
            RemoteKeys keys = engine.keys();
            // Opens the keyring first, so a wrong current passphrase is said before the new one is typed twice.
            keys.status();
            String fresh = secret(NEW_PASSPHRASE, "new", true);
            keys.changePassphrase(fresh);
            out.println(Messages.text("cli.keys.changed", engine.describe()));
            saveNewPassphrase(dir, a, fresh);
            return 0;
        }
    }

    private int reset(Path dir, Args a) {
        SyncEngine engine;
        try {
            engine = syncs.engineFor(a, dir, b -> b.recoveryKey(secret(RECOVERY_KEY, "recovery", false)));
        } catch (IllegalArgumentException e) {
            // A mistyped key is caught by its check characters at build(), before any request: the
            // message says which character, which is all a person needs to type it again.
            if (e.getMessage() != null && e.getMessage().startsWith("recoveryKey: ")) {
                throw new UsageError(e.getMessage());
            }
            throw e;
        }
        try (engine) {
            RemoteKeys keys = engine.keys();
            keys.status();
            String fresh = secret(NEW_PASSPHRASE, "new", true);
            keys.changePassphrase(fresh);
            out.println(Messages.text("cli.keys.reset", engine.describe()));
            saveNewPassphrase(dir, a, fresh);
            return 0;
        }
    }

    private int status(Path dir, Args a) {
        try (SyncEngine engine = open(dir, a)) {
            KeyringStatus s = engine.keys().status();
            out.println(Messages.text("cli.keys.statusTitle", engine.describe()));
            out.println(Messages.text("cli.keys.generation", String.valueOf(s.generation())));
            out.println(Messages.text("cli.keys.lastChange", words(s.lastEvent()), s.changedBy(),
                    s.changedAt() == null ? Messages.text("cli.keys.unknownTime")
                            : Formats.dayYearTime(LocalDateTime.ofInstant(s.changedAt(), ZoneId.systemDefault()))));
            out.println(Messages.text(s.recoveryKey() ? "cli.keys.recoveryYes" : "cli.keys.recoveryNo"));
            out.println(Messages.text(s.rotationUnfinished() ? "cli.keys.rotationYes" : "cli.keys.rotationNo"));
            out.println(Messages.text("cli.keys.stretch", String.valueOf(s.kdf())));
            out.println(Messages.text(s.legacyDescriptor() ? "cli.keys.legacyYes" : "cli.keys.legacyNo"));
            return 0;
        }
    }

    private int recoveryKey(Path dir, Args a) {
        try (SyncEngine engine = open(dir, a)) {
            String code = engine.keys().newRecoveryKey();
            printRecoveryKey(code);
            return 0;
        }
    }

    /**
     * Opens the remote's keyring with the current passphrase, so that {@code device forget --rotate-key} stops
     * before forgetting when the rotation could not run (no passphrase, a wrong one, a remote without encryption).
     */
    void checkRotatable(Path dir, Args a) {
        try (SyncEngine engine = open(dir, a)) {
            engine.keys().status();
        }
    }

    /** {@code tandem keys rotate}: also the second half of {@code tandem device forget NAME --rotate-key}. */
    int rotate(TodoStore store, Path dir, Args a) {
        try (SyncEngine engine = open(dir, a)) {
            RemoteKeys keys = engine.keys();
            if (keys.status().rotationUnfinished()) {
                // The earlier run already set the new passphrase and recovery key; starting over would
                // make a third key while objects still sit under two.
                RotationReport r = store.replica().resumeRotation(keys, progress());
                out.println(Messages.text(present(NEW_PASSPHRASE) ? "cli.keys.finishedRotationUnused"
                        : "cli.keys.finishedRotation", engine.describe()));
                printReport(r);
                return 0;
            }
            String fresh = secret(NEW_PASSPHRASE, "new", true);
            SyncProgress shown = progress();
            boolean[] saved = {false};
            RotationReport r = store.replica().rotate(keys, fresh, (phase, done, total) -> {
                if (phase.equals(SyncProgress.ROTATE) && total < 0 && !saved[0]) {
                    // The new keyring is written: only the new passphrase opens the remote from here on,
                    // so it is saved before re-encrypting, which an interruption may cut short.
                    saved[0] = true;
                    saveNewPassphrase(dir, a, fresh);
                }
                shown.onProgress(phase, done, total);
            });
            printRecoveryKey(r.recoveryKey());
            out.println(Messages.text("cli.keys.rotated", engine.describe()));
            printReport(r);
            if (!saved[0]) {
                saveNewPassphrase(dir, a, fresh);
            }
            return 0;
        }
    }

    /** The engine for keys that need the current passphrase; without one there are no keys to show. */
    private SyncEngine open(Path dir, Args a) {
        return syncs.engineFor(a, dir, b -> b.encrypted(currentPassphrase(dir, a)));
    }

    /** TANDEM_PASSPHRASE, else the saved one when the remote is the saved one, else typed. */
    private String currentPassphrase(Path dir, Args a) {
        if (present(PASSPHRASE)) {
            return env.get(PASSPHRASE);
        }
        if (a.options().get("--remote") == null) {
            SyncSettings saved = new SettingsStore(dir).loadSync();
            if (saved.encrypted()) {
                return saved.passphrase();
            }
        }
        if (console == null) {
            throw new UsageError(Messages.text("cli.keys.needPassphrase"));
        }
        return secret(PASSPHRASE, "current", false);
    }

    /**
     * A secret from {@code variable}, else typed at the terminal without echo (a new one twice, as a
     * typo there would lock every device out), else a usage error naming the variable. {@code what}:
     * new, recovery or current, which the prompts' words choose by.
     */
    private String secret(String variable, String what, boolean confirm) {
        if (present(variable)) {
            return env.get(variable);
        }
        if (console == null) {
            throw new UsageError(Messages.text("cli.keys.noTerminal", variable, what));
        }
        char[] first = console.readPassword("%s", Messages.text("cli.keys.prompt", what));
        if (first == null || first.length == 0) {
            throw new UsageError(Messages.text("cli.keys.noneTyped", what));
        }
        try {
            if (confirm) {
                char[] again = console.readPassword("%s", Messages.text("cli.keys.promptAgain", what));
                try {
                    if (!Arrays.equals(first, again)) {
                        throw new UsageError(Messages.text("cli.keys.differ", what));
                    }
                } finally {
                    if (again != null) {
                        Arrays.fill(again, '\0');
                    }
                }
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
        }
    }

    private boolean present(String variable) {
        String v = env.get(variable);
        return v != null && !v.isEmpty();
    }

    /**
     * Keeps the app on this device syncing: its saved settings would otherwise hold the old
     * passphrase, which no longer opens the remote. Only for the saved remote, and only when the
     * settings hold a passphrase (else it came from TANDEM_PASSPHRASE, which this cannot change).
     */
    private void saveNewPassphrase(Path dir, Args a, String fresh) {
        if (a.options().get("--remote") != null) {
            return;
        }
        SettingsStore store = new SettingsStore(dir);
        SyncSettings saved = store.loadSync();
        if (!saved.encrypted()) {
            err.println("tandem: " + Messages.text("cli.keys.noSavedPassphrase"));
            return;
        }
        try {
            store.saveSync(saved.withPassphrase(fresh));
            out.println(Messages.text("cli.keys.saved"));
        } catch (RuntimeException e) {
            // The remote already changed; say so rather than report the whole command as failed.
            err.println("tandem: " + Messages.text("cli.keys.saveFailed", e.getMessage()));
        }
    }

    private void printRecoveryKey(String code) {
        out.println(code);
        err.println(Messages.text("cli.keys.recoveryWarning"));
    }

    private void printReport(RotationReport r) {
        out.println(Messages.text("cli.keys.report", r.reencrypted(), r.bytesWritten(), r.alreadyCurrent(),
                String.format(Messages.language().locale(), "%.1f", r.took().toMillis() / 1000.0)));
        for (String u : r.unreadable()) {
            err.println("tandem: " + Messages.text("cli.keys.leftAsItWas", u));
        }
    }

    /** "re-encrypting N of M objects" on stderr, about once a second and at the end of each pass. */
    private SyncProgress progress() {
        long[] last = {System.nanoTime()};
        return (phase, done, total) -> {
            if (!phase.equals(SyncProgress.ROTATE) || total < 0) {
                return; // the compaction's push and pull, and the new keyring's mark, say nothing here
            }
            long now = System.nanoTime();
            if (done == total || now - last[0] >= PROGRESS_EVERY_NANOS) {
                last[0] = now;
                err.println("tandem: " + Messages.text("cli.keys.progress", done, total));
            }
        };
    }

    private static String words(KeyringStatus.Event e) {
        if (e == null) {
            return Messages.text("cli.keys.event.unknown");
        }
        return Messages.text(switch (e) {
            case CREATED -> "cli.keys.event.created";
            case UPGRADED -> "cli.keys.event.upgraded";
            case PASSPHRASE_CHANGED -> "cli.keys.event.passphraseChanged";
            case RECOVERY_KEY_CREATED -> "cli.keys.event.recoveryKeyCreated";
            case PASSPHRASE_RESET -> "cli.keys.event.passphraseReset";
            case ROTATION_STARTED -> "cli.keys.event.rotationStarted";
            case ROTATED -> "cli.keys.event.rotated";
        });
    }

    /** The one word after the verb, checked against {@code valid}. */
    private static String subcommand(String verb, Args a, List<String> valid) {
        List<String> p = a.positional();
        if (p.isEmpty()) {
            throw new UsageError(Messages.text("cli.keys.whatToDo", verb, String.join(", ", valid)));
        }
        if (!valid.contains(p.get(0))) {
            throw new UsageError(Messages.text("cli.keys.unknownSubcommand", verb, p.get(0), String.join(", ", valid)));
        }
        if (p.size() > 1) {
            throw new UsageError(Messages.text("cli.keys.unexpected", verb + " " + p.get(0), p.get(1)));
        }
        return p.get(0);
    }
}
