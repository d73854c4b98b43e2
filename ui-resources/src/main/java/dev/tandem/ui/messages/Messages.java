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
    /** A language for one piece of work on one thread ({@link #in}): a server answering a request. */
    private static final ThreadLocal<Language> SCOPED = new ThreadLocal<>();

    /** Work that may throw, run by {@link #in}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private Messages() {
    }

    /** Sets the language of this process's words and formats. */
    public static void use(Language language) {
        current = language;
    }

    /** The language in effect on this thread: one set by {@link #in}, else the process's. */
    public static Language language() {
        Language scoped = SCOPED.get();
        return scoped != null ? scoped : current;
    }

    /**
     * Runs {@code work} on this thread in {@code language}, whatever the process speaks: every word,
     * format and quick-add phrase inside it is that language's. A server answers each request in its
     * browser's language so.
     */
    public static <T, E extends Exception> T in(Language language, Work<T, E> work) throws E {
        Language before = SCOPED.get();
        SCOPED.set(language);
        try {
            return work.run();
        } finally {
            if (before == null) {
                SCOPED.remove();
            } else {
                SCOPED.set(before);
            }
        }
    }

    public static String text(String key, Object... args) {
        return text(language(), key, args);
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
