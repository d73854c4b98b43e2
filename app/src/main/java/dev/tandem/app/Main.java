package dev.tandem.app;

import dev.tandem.app.cli.Cli;
import dev.tandem.app.cli.LogLines;
import dev.tandem.app.settings.LanguageSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.WeekStartSetting;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Entry point for both faces of the jar. A plain class (not an Application subclass) so the app
 * also starts from a fat jar or a jpackage image with JavaFX on the class path.
 *
 * <p>Dispatch: if the first argument that is not a global option ({@code --data-dir DIR}) is a CLI
 * verb ({@code add, list, done, edit, rm, sync, compact, check, conflicts, import, export, help}), the command line
 * runs and the process exits with its code; otherwise the desktop app starts.
 */
public final class Main {
    private Main() {
    }

    /** Held so the level sticks: the connection pool's INFO lines are noise for users. */
    private static volatile Logger hikari;

    /**
     * Before the first connection. Not in the desktop app's main thread: the first logger sets up
     * java.util.logging, which opens every jar on the class path looking for logging back ends, and
     * the main thread should be starting the toolkit instead.
     */
    static void quietConnectionPool() {
        Logger l = Logger.getLogger("com.zaxxer.hikari");
        l.setLevel(Level.WARNING);
        hikari = l;
    }

    /** The language TANDEM_LANG or the system names (the system's when TANDEM_LANG names none). */
    /** The language {@code lang} (--lang, or null) or the environment names, before the profile is read. */
    private static void useTypedLanguage(String lang) {
        try {
            Messages.use(LanguageSetting.choose(lang, System.getenv(), null, LanguageSetting.system(System.getenv())));
        } catch (IllegalArgumentException e) {
            Messages.use(Language.forLocale(LanguageSetting.system(System.getenv())));
        }
    }

    public static void main(String[] typed) {
        String[] args;
        try {
            args = ArgumentText.decode(typed);
        } catch (ArgumentText.Unreadable e) {
            // Refused before anything runs: stored, such text would reach every device as U+FFFD.
            useTypedLanguage(null);
            PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            err.println("tandem: " + (e.index() < 0 ? Messages.text("cli.args.unreadable")
                    : Messages.text("cli.args.notUtf8", e.index() + 1)));
            System.exit(2);
            return;
        }
        List<String> list = Arrays.asList(args);
        if (Cli.isCliInvocation(list)) {
            SqliteNativeCache.use(System.getenv());
            ConnectionWarmUp.start();
            quietConnectionPool();
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            LogLines.install(err);
            System.exit(new Cli(System.in, out, err, System.getenv()).run(list));
            return;
        }
        // The options' own errors come in the language --lang or the environment names; the profile's choice
        // applies once the options are read (a bad --lang or TANDEM_LANG is said then).
        useTypedLanguage(AppOptions.langIn(list));
        AppOptions options;
        try {
            options = AppOptions.parse(list, System.getenv());
        } catch (AppOptions.UsageException e) {
            System.err.println("tandem: " + e.getMessage());
            System.err.print(AppOptions.usage());
            System.exit(2);
            return;
        }
        try {
            SettingsStore settings = new SettingsStore(DataDirs.resolve(options.dataDir(), System.getenv()));
            Locale system = LanguageSetting.system(System.getenv());
            Messages.use(LanguageSetting.choose(options.lang(), System.getenv(), settings, system));
            // Settings → Language names the system's own language, not the one --lang asked for.
            LanguageSetting.started(new LanguageSetting.Start(Language.forLocale(system),
                    LanguageSetting.forcedBy(options.lang(), System.getenv())));
            WeekStartSetting.apply(settings, System.getenv());
            // JavaFX words its own buttons (OK, Cancel in a dialog) in the default locale's language.
            Locale.setDefault(Messages.language().locale());
        } catch (IllegalArgumentException e) {
            System.err.println("tandem: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(AppOptions.usage());
            return;
        }
        TandemApp.options = options;
        if (options.demo()) {
            // The demo opens its devices on its own thread; its start-up has no goal to protect.
            quietConnectionPool();
        }
        StartupTiming.mark("main");
        TandemApp.preopen(options);
        Application.launch(TandemApp.class, args);
    }
}
