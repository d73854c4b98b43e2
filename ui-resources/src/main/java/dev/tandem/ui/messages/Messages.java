package dev.tandem.ui.messages;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every word Tandem shows: {@code Messages.text("main.sidebar.inbox")},
 * {@code Messages.text("page.waiting", count)}. The language is the process's: chosen once at start
 * ({@code --lang}, {@code TANDEM_LANG}, Settings → Language, else the system's) through
 * {@link #use}; a server answering in several languages passes one to {@link #text(Language, String, Object...)}.
 *
 * <p>A key missing from a language's file falls back to English, so a half-done translation
 * shows English words, never keys; a key missing from English is a bug and throws.
 */
public final class Messages {
    private static volatile Language current = Language.forLocale(Locale.getDefault());

    private Messages() {
    }

    /** Sets the language of this process's words and formats. */
    public static void use(Language language) {
        current = language;
    }

    public static Language language() {
        return current;
    }

    public static String text(String key, Object... args) {
        return text(current, key, args);
    }

    public static String text(Language language, String key, Object... args) {
        String english = Catalogue.pattern(Language.ENGLISH, key)
                .orElseThrow(() -> new IllegalArgumentException("no message for key " + key));
        String pattern = language.pseudo() ? Pseudo.pattern(language, english)
                : Catalogue.pattern(language, key).orElse(english);
        return Message.format(pattern, language.locale(), args);
    }

    /**
     * An area's patterns in a language, unformatted, for the web page, which formats them itself
     * with the same rules. Keys the language lacks come in English.
     */
    public static Map<String, String> patterns(Language language, String area) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : Catalogue.file(area, "").keySet()) {
            String english = Catalogue.file(area, "").get(key);
            out.put(key, language.pseudo() ? Pseudo.pattern(language, english)
                    : Catalogue.pattern(language, key).orElse(english));
        }
        return out;
    }
}
