package dev.tandem.ui.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language Tandem speaks: the shipped ones, and two pseudo-languages for testing layouts (one 40 %
 * longer with accents, one right to left). A language's tag names its message files:
 * {@code AREA_de.properties}; English is the base files themselves.
 */
public enum Language {
    ENGLISH("en", "English", Locale.ENGLISH, false, false),
    GERMAN("de", "Deutsch", Locale.GERMAN, false, false),
    FRENCH("fr", "Français", Locale.FRENCH, false, false),
    /** English made about 40 % longer and accented: text that stays plain was never translatable. */
    PSEUDO_LONG("en-XA", "[Ƥşéúđó Łóñĝ]", Locale.ENGLISH, true, false),
    /** English words in a window and page laid out mirrored, as for Arabic or Hebrew. */
    PSEUDO_RTL("ar-XB", "Pseudo RTL", Locale.ENGLISH, true, true);

    private final String tag;
    private final String nativeName;
    private final Locale locale;
    private final boolean pseudo;
    private final boolean rightToLeft;

    Language(String tag, String nativeName, Locale locale, boolean pseudo, boolean rightToLeft) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.locale = locale;
        this.pseudo = pseudo;
        this.rightToLeft = rightToLeft;
    }

    /** The BCP 47 tag: {@code de}, {@code en-XA}. */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, as a language menu shows it. */
    public String nativeName() {
        return nativeName;
    }

    /** The locale that formats dates, numbers and plural forms. */
    public Locale locale() {
        return locale;
    }

    public boolean pseudo() {
        return pseudo;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** The languages a person can choose: translated ones, not the pseudo-languages. */
    public static List<Language> shipped() {
        List<Language> out = new ArrayList<>();
        for (Language l : values()) {
            if (!l.pseudo) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The language a tag or a POSIX locale names ({@code de}, {@code de-AT}, {@code de_DE.UTF-8},
     * {@code FR}, {@code en-XA}), or empty when Tandem does not speak it.
     */
    public static Optional<Language> forTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.strip();
        int cut = indexOfAny(t, ".@");
        if (cut >= 0) {
            t = t.substring(0, cut);
        }
        t = t.replace('_', '-').toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        for (Language l : values()) {
            if (l.pseudo && l.tag.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(l);
            }
        }
        String primary = t.contains("-") ? t.substring(0, t.indexOf('-')) : t;
        for (Language l : values()) {
            if (!l.pseudo && l.tag.equals(primary)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The language for a locale (the system's): a shipped one, else English. */
    public static Language forLocale(Locale locale) {
        return locale == null ? ENGLISH : forTag(locale.toLanguageTag()).orElse(ENGLISH);
    }

    /**
     * The best shipped language for an HTTP {@code Accept-Language} header ({@code de-CH,
     * de;q=0.9, en;q=0.8}), by quality then order; English when none is spoken. Bounded: at most
     * 32 entries of a header are read.
     */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        Language best = null;
        double bestQ = 0;
        String[] parts = acceptLanguage.split(",", 33);
        for (int i = 0; i < Math.min(parts.length, 32); i++) {
            String[] p = parts[i].split(";");
            double q = 1;
            for (int j = 1; j < p.length; j++) {
                String param = p[j].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            Optional<Language> l = forTag(p[0]).filter(x -> !x.pseudo);
            if (l.isPresent() && q > bestQ) {
                best = l.get();
                bestQ = q;
            }
        }
        return best == null ? ENGLISH : best;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
