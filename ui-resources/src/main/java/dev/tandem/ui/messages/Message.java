package dev.tandem.ui.messages;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Formats one pattern of the catalogue. Patterns are ICU message format: {@code {0}} inserts an
 * argument, {@code {0, plural, one {# change} other {# changes}}} and {@code select} choose a
 * form, {@code ''} is an apostrophe.
 *
 * <p>Why two paths: ICU4J's {@code MessageFormat} and plural rules cost about 70–190 ms the first
 * time a process uses them (they load ICU's locale data), more than a whole {@code tandem list}.
 * So ICU formats only the patterns that need it, those with {@code plural}, {@code selectordinal}
 * or {@code select}; the others (almost all) are read here, with the same rules: simple arguments,
 * numbers in the locale's digits and grouping, {@code ''} for an apostrophe. Of those that choose a
 * form, {@link Forms} formats the ones whose answer it knows (a count's form in English, German and
 * French), so the shipped languages' patterns never load ICU. The catalogue test checks the paths
 * agree on every pattern of every language.
 */
public final class Message {
    private static final Map<String, com.ibm.icu.text.MessageFormat> ICU = new ConcurrentHashMap<>();

    private Message() {
    }

    /** Whether a pattern needs ICU: it chooses a form by number or by value. */
    public static boolean choosesForm(String pattern) {
        if (pattern.indexOf('{') < 0) {
            return false;
        }
        String p = pattern.replace(" ", "");
        return p.contains(",plural,") || p.contains(",select,") || p.contains(",selectordinal,");
    }

    public static String format(String pattern, Locale locale, Object... args) {
        if (choosesForm(pattern)) {
            String known = Forms.format(pattern, locale, args);
            if (known != null) {
                return known;
            }
            com.ibm.icu.text.MessageFormat f = ICU.computeIfAbsent(locale.toLanguageTag() + "\u0000" + pattern,
                    k -> new com.ibm.icu.text.MessageFormat(pattern, locale));
            synchronized (f) {
                return f.format(args);
            }
        }
        return simple(pattern, locale, args);
    }

    /** The plain path: {@code {N}} arguments and {@code ''}; anything else in braces is an error. */
    static String simple(String pattern, Locale locale, Object[] args) {
        if (pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\'' && i + 1 < n && pattern.charAt(i + 1) == '\'') {
                out.append('\'');
                i += 2;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed argument in message: " + pattern);
                }
                String name = pattern.substring(i + 1, close).strip();
                int index;
                try {
                    index = Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("argument {" + name + "} is not a number in: " + pattern, e);
                }
                if (index < args.length) {
                    out.append(value(args[index], locale));
                } else {
                    out.append('{').append(index).append('}');
                }
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static String value(Object arg, Locale locale) {
        if (arg instanceof Number num && !(arg instanceof Double) && !(arg instanceof Float)) {
            return NumberFormat.getIntegerInstance(locale).format(num.longValue());
        }
        if (arg instanceof Number num) {
            return NumberFormat.getInstance(locale).format(num.doubleValue());
        }
        return String.valueOf(arg);
    }
}
