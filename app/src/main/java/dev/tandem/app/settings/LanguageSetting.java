package dev.tandem.app.settings;

import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which language a process speaks, first match wins: {@code --lang CODE}, {@code TANDEM_LANG},
 * the profile's choice (Settings → Language, {@code ui.language} in settings.properties), then the
 * system's ({@code LANG}, {@code LC_MESSAGES}, as the JVM reads them). A code Tandem does not speak
 * in the flag or the variable is an error the user sees; in the settings file it is ignored.
 */
public final class LanguageSetting {
    public static final String KEY = "ui.language";

    private LanguageSetting() {
    }

    /** The profile's chosen language; empty for "the system's". */
    public static Optional<Language> saved(SettingsStore store) {
        return Language.forTag(store.get(KEY, ""));
    }

    /** Saves the profile's choice; empty means "the system's language". */
    public static void save(SettingsStore store, Optional<Language> language) {
        store.put(KEY, language.map(Language::tag).orElse(""));
    }

    /**
     * The language to speak. {@code store} may be null (no profile yet).
     *
     * @throws IllegalArgumentException naming the code, when the flag or TANDEM_LANG names a language Tandem lacks
     */
    public static Language choose(String flag, Map<String, String> env, SettingsStore store, Locale system) {
        if (flag != null) {
            return known(flag, "--lang");
        }
        String fromEnv = env.get("TANDEM_LANG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return known(fromEnv, "TANDEM_LANG");
        }
        if (store != null) {
            Optional<Language> s = saved(store);
            if (s.isPresent()) {
                return s.get();
            }
        }
        return Language.forLocale(system);
    }

    /**
     * What chose the language over the profile's choice, if anything did: {@code "--lang"} when {@code flag} is
     * given, {@code "TANDEM_LANG"} when that variable is set, else empty (the profile's choice or the system's).
     */
    public static Optional<String> forcedBy(String flag, Map<String, String> env) {
        if (flag != null) {
            return Optional.of("--lang");
        }
        String fromEnv = env.get("TANDEM_LANG");
        return fromEnv != null && !fromEnv.isBlank() ? Optional.of("TANDEM_LANG") : Optional.empty();
    }

    /**
     * How this process came to its language: the system's own language (read before the app sets the JVM's
     * default locale to the language it speaks) and what forced another, if anything did.
     */
    public record Start(Language system, Optional<String> forcedBy) {
    }

    private static volatile Start start = new Start(Language.forLocale(Locale.getDefault()), Optional.empty());

    /** Records how the process came to its language; the window's start does this once. */
    public static void started(Start s) {
        start = s;
    }

    /** How this process came to its language ({@link #started}); the JVM's locale and nothing forced, before. */
    public static Start start() {
        return start;
    }

    private static Language known(String code, String where) {
        return Language.forTag(code).orElseThrow(() -> new IllegalArgumentException(Messages.text(
                "common.language.unknown", where, code,
                String.join(", ", Language.shipped().stream().map(Language::tag).toList()))));
    }

    /**
     * The system's language as the user set it: the first of {@code LC_ALL}, {@code LC_MESSAGES},
     * {@code LANG} that is set decides (POSIX's order), else the JVM's default. Read from the
     * environment because the JVM falls back to en_US when the named locale is not installed (a
     * container, a minimal server), while Tandem carries its own words and formats for it.
     */
    public static Locale system(Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Language.forTag(value).map(Language::locale).orElse(Locale.getDefault());
            }
        }
        return Locale.getDefault();
    }
}
