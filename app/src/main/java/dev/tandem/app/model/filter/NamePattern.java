package dev.tandem.app.model.filter;

import dev.tandem.ui.messages.Catalogue;
import dev.tandem.ui.messages.Language;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list's or a tag's name as a query names it ({@code #Work}, {@code @urg*}): compared without regard
 * to case, each {@code *} standing for any characters, as in Todoist. And the Inbox's own names: in
 * Todoist {@code #Inbox} is the Inbox, so here {@code #Inbox} and the Inbox's name in every language
 * Tandem speaks ("Eingang", "Boîte de réception") name it, on every device whatever it speaks, so a
 * saved filter reads alike everywhere.
 *
 * <p>Case is compared as SQLite's {@code NOCASE} and {@code LIKE} compare it, ASCII letters only, so
 * what the compiled SQL finds and what {@link #matches} says agree.
 */
public final class NamePattern {
    /** The Inbox's names, lower case: English's, each language's sidebar word, and words earlier versions used. */
    private static final Set<String> INBOX = inboxNames();

    private NamePattern() {
    }

    private static Set<String> inboxNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add("inbox");
        for (Language l : Language.shipped()) {
            for (String key : List.of("main.sidebar.inbox", "main.menu.inbox", "page.view.inbox")) {
                Catalogue.pattern(l, key).ifPresent(n -> names.add(lower(n.strip())));
            }
        }
        // French named it "Réception" before "Boîte de réception", the word Apple and Todoist use; a filter
        // saved then keeps its meaning.
        names.add(lower("R\u00e9ception"));
        names.add(lower("Bo\u00eete de r\u00e9ception"));
        return Set.copyOf(names);
    }

    /** Whether the name holds a wildcard. */
    public static boolean wild(String pattern) {
        return pattern.indexOf('*') >= 0;
    }

    /** Whether {@code name} is what {@code pattern} says: case aside (ASCII), each {@code *} any characters. */
    public static boolean matches(String pattern, String name) {
        if (name == null) {
            return false;
        }
        if (!wild(pattern)) {
            return lower(pattern).equals(lower(name));
        }
        String re = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(re, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(name).matches();
    }

    /** Whether the pattern names the Inbox: it is, or matches, one of the Inbox's names. */
    public static boolean namesInbox(String pattern) {
        return INBOX.stream().anyMatch(n -> matches(pattern, n));
    }

    /** The pattern as SQL's {@code LIKE} takes it with {@code ESCAPE '\'}: {@code *} as {@code %}, the rest literal. */
    public static String like(String pattern) {
        StringBuilder b = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                b.append('%');
            } else {
                if (c == '%' || c == '_' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The literal characters before the first {@code *}: every name the pattern matches starts with them (case aside). */
    public static String prefix(String pattern) {
        int star = pattern.indexOf('*');
        return star < 0 ? pattern : pattern.substring(0, star);
    }

    /** Lower case as SQLite's NOCASE folds it: ASCII letters only. */
    static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
