package dev.tandem.ui.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The patterns that choose a form ({@code plural}, {@code selectordinal}, {@code select}) formatted without ICU where ICU's answer is
 * known: ICU4J's first {@code MessageFormat} of a process costs about 170 ms (its classes and locale data), which a
 * command such as {@code tandem attach} paid to print one sentence.
 *
 * <p>Served here: text, {@code ''}, simple arguments, and {@code plural}, {@code selectordinal} and {@code select}
 * arguments, nested, for an integer count of zero or more in a language whose rules for integers are written below
 * (CLDR's cardinal and ordinal rules of English, German and French); an exact {@code =N} wins over a rule's form,
 * and a missing form is {@code other}. {@code #} is the count in the locale's digits, directly inside a counted
 * form, as in ICU. Anything else gives null and ICU formats it: another language, a fraction or a negative count,
 * an offset or another style, and any quoting that ICU reads as syntax (an apostrophe before a brace, {@code #} or
 * {@code |}). The catalogue test formats every pattern that chooses a form in every language over
 * many counts and every word, here and with ICU, and fails on any difference.
 */
final class Forms {
    /** Languages whose rules for integers {@link #cardinal} and {@link #ordinal} hold. */
    private static final Set<String> RULED = Set.of("en", "de", "fr");

    private final String p;
    private final Locale locale;
    private final Object[] args;
    private int i;

    private Forms(String pattern, Locale locale, Object[] args) {
        this.p = pattern;
        this.locale = locale;
        this.args = args;
    }

    /** The pattern formatted, or null where ICU must format it (see the class comment). */
    static String format(String pattern, Locale locale, Object... args) {
        if (!RULED.contains(locale.getLanguage()) || quotesSyntax(pattern)) {
            return null;
        }
        Forms f = new Forms(pattern, locale, args);
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        return f.message(out, null, false) && f.i == pattern.length() ? out.toString() : null;
    }

    /** Whether an apostrophe starts quoted text, which ICU reads before a brace, {@code #} or {@code |}. */
    private static boolean quotesSyntax(String p) {
        for (int k = p.indexOf('\''); k >= 0 && k + 1 < p.length(); k = p.indexOf('\'', k + 1)) {
            char next = p.charAt(k + 1);
            if (next == '\'') {
                k++;
            } else if (next == '{' || next == '}' || next == '#' || next == '|') {
                return true;
            }
        }
        return false;
    }

    /** CLDR's cardinal form of an integer count: English and German {@code one} for 1, French for 0 and 1. */
    private String cardinal(long n) {
        return (locale.getLanguage().equals("fr") ? n == 0 || n == 1 : n == 1) ? "one" : "other";
    }

    /**
     * CLDR's ordinal form of an integer: English 1st, 2nd, 3rd (not 11th to 13th), French 1er, German none.
     */
    private String ordinal(long n) {
        switch (locale.getLanguage()) {
            case "en" -> {
                long ten = n % 10;
                long hundred = n % 100;
                return ten == 1 && hundred != 11 ? "one" : ten == 2 && hundred != 12 ? "two"
                        : ten == 3 && hundred != 13 ? "few" : "other";
            }
            case "fr" -> {
                return n == 1 ? "one" : "other";
            }
            default -> {
                return "other";
            }
        }
    }

    /**
     * Text up to the closing brace of a form ({@code nested}) or the end; {@code count} is the plural's count where
     * {@code #} stands for it, else null.
     */
    private boolean message(StringBuilder out, Long count, boolean nested) {
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '}') {
                return nested;
            } else if (c == '\'') {
                out.append('\'');
                i += i + 1 < p.length() && p.charAt(i + 1) == '\'' ? 2 : 1;
            } else if (c == '#' && count != null) {
                out.append(Message.value(count, locale));
                i++;
            } else if (c == '{') {
                i++;
                if (!argument(out)) {
                    return false;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return !nested;
    }

    /** After an argument's opening brace: the argument, its closing brace read. */
    private boolean argument(StringBuilder out) {
        space();
        int start = i;
        while (i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '9') {
            i++;
        }
        if (start == i || i - start > 4) {
            return false;
        }
        int index = Integer.parseInt(p, start, i, 10);
        space();
        if (i < p.length() && p.charAt(i) == '}') {
            i++;
            out.append(index < args.length ? Message.value(args[index], locale) : "{" + index + "}");
            return true;
        }
        if (!comma()) {
            return false;
        }
        String style = word();
        boolean counted = style.equals("plural") || style.equals("selectordinal");
        if (!comma() || index >= args.length || !(counted || style.equals("select"))) {
            return false;
        }
        Object arg = args[index];
        Long count = null;
        String keyword;
        if (counted) {
            if (!(arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte)
                    || ((Number) arg).longValue() < 0) {
                return false;
            }
            count = ((Number) arg).longValue();
            keyword = style.equals("plural") ? cardinal(count) : ordinal(count);
        } else {
            if (arg == null) {
                return false;
            }
            keyword = arg.toString();
        }
        // The forms, each as its key and the place of its text; an exact =N wins over a keyword wherever it stands.
        List<String> keys = new ArrayList<>();
        List<Integer> bodies = new ArrayList<>();
        while (true) {
            space();
            if (i >= p.length()) {
                return false;
            }
            if (p.charAt(i) == '}') {
                i++;
                break;
            }
            String key;
            if (p.charAt(i) == '=') {
                i++;
                String n = number();
                key = n.isEmpty() ? "" : "=" + n;
            } else {
                key = word();
            }
            space();
            if (key.isEmpty() || i >= p.length() || p.charAt(i) != '{') {
                return false;
            }
            keys.add(key);
            bodies.add(++i);
            if (!skipForm()) {
                return false;
            }
            i++;
        }
        int chosen = count != null ? keys.indexOf("=" + count) : -1;
        if (chosen < 0) {
            chosen = keys.indexOf(keyword);
        }
        if (chosen < 0) {
            chosen = keys.indexOf("other");
        }
        if (chosen < 0) {
            return false;
        }
        int after = i;
        i = bodies.get(chosen);
        if (!message(out, count, true)) {
            return false;
        }
        i = after;
        return true;
    }

    /** From a form's first character to its closing brace (left there). */
    private boolean skipForm() {
        int depth = 1;
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return true;
            }
        }
        return false;
    }

    private boolean comma() {
        space();
        if (i < p.length() && p.charAt(i) == ',') {
            i++;
            space();
            return true;
        }
        return false;
    }

    private String word() {
        int start = i;
        while (i < p.length() && (Character.isLetterOrDigit(p.charAt(i)) || p.charAt(i) == '_' || p.charAt(i) == '-')) {
            i++;
        }
        return p.substring(start, i);
    }

    private String number() {
        int start = i;
        while (i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '9') {
            i++;
        }
        return start == i || i - start > 18 ? "" : Long.toString(Long.parseLong(p, start, i, 10));
    }

    private void space() {
        while (i < p.length() && Character.isWhitespace(p.charAt(i))) {
            i++;
        }
    }
}
