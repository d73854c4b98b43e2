package dev.tandem.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * German and French say in their own words what English says in words those languages have their own for. Some
 * English words are right in them too ("Name", "Tags", "Agenda", "Notes", "Proxy"), so a value equal to English is
 * wrong only where it holds a word of {@link #MUST_TRANSLATE}: the menus, views and key names people met in English
 * on a German or French screen ("Space", "Delete", "Settings", "Inbox"). Key names are checked inside any sentence too,
 * written as the keyboard's English names: German says Strg, Umschalt, Entf, Leertaste, Esc; French Maj, Suppr,
 * Espace, Échap, Entrée.
 */
@Tag("unit")
class TranslatedWordsTest {
    /** Words with a word of their own in German and in French (lower case). */
    private static final Set<String> MUST_TRANSLATE = Set.of("settings", "inbox", "space", "delete", "escape", "back",
            "page", "down", "shift", "list", "lists", "today", "tomorrow", "done", "cancel", "save", "close", "open",
            "more", "last", "restore", "failed", "conflict", "conflicts", "dismiss", "lost", "kept", "system",
            "language", "shortcut", "search", "new", "smart", "week", "month", "day", "remove", "add", "edit", "undo",
            "move", "share", "every", "none", "folder", "test", "connection", "home", "end", "insert");
    /** German has its own word for these too; French writes "Ctrl", "Date" and "Note" as English does. */
    private static final Set<String> MUST_TRANSLATE_DE = Set.of("ctrl", "date", "time", "note", "notes");
    /** The keyboard's English key names, as the toolkit writes them, in any sentence. */
    private static final Pattern KEY_NAMES = Pattern.compile("\\b(Space|Escape|Delete|Back ?[Ss]pace|Page (Down|Up)|Enter|Shift)\\b");
    private static final Pattern KEY_NAMES_DE = Pattern.compile("\\bCtrl\\b");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** An argument ({0}, {0, plural, …}) or a command line's option (--list): never a word a person reads. */
    private static final Pattern NOT_PROSE = Pattern.compile("\\{\\s*\\d+[^{}]*}|--?[a-z][a-z-]*");

    @Test
    void germanAndFrench_valueEqualToEnglish_noWordTheyTranslate() {
        List<String> found = new ArrayList<>();
        for (String area : Catalogue.AREAS) {
            Map<String, String> english = Catalogue.file(area, "");
            for (Language l : List.of(Language.GERMAN, Language.FRENCH)) {
                Map<String, String> own = Catalogue.file(area, l.tag());
                english.forEach((key, value) -> {
                    if (value.equals(own.get(key)) && !key.startsWith("cli.help.")) {
                        for (String w : words(value)) {
                            if (MUST_TRANSLATE.contains(w) || l == Language.GERMAN && MUST_TRANSLATE_DE.contains(w)) {
                                found.add(l.tag() + ": " + key + "=" + value + " (“" + w + "”)");
                            }
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), found, "German or French values left as the English words");
    }

    @Test
    void germanAndFrench_anyValue_noEnglishKeyName() {
        List<String> found = new ArrayList<>();
        for (String area : Catalogue.AREAS) {
            for (Language l : List.of(Language.GERMAN, Language.FRENCH)) {
                Catalogue.file(area, l.tag()).forEach((key, value) -> {
                    String prose = NOT_PROSE.matcher(value).replaceAll(" ");
                    for (Pattern p : l == Language.GERMAN ? List.of(KEY_NAMES, KEY_NAMES_DE) : List.of(KEY_NAMES)) {
                        Matcher m = p.matcher(prose);
                        while (m.find()) {
                            found.add(l.tag() + ": " + key + " says “" + m.group() + "”");
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), found, "English key names in German or French");
    }

    private static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(NOT_PROSE.matcher(value).replaceAll(" "));
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
