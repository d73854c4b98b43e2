package dev.tandem.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every shipped language has every key of English, with the same arguments, and every pattern formats. */
@Tag("unit")
class CatalogueTest {
    private static final Pattern ARG = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");

    @Test
    void shippedLanguages_everyBaseKey_present() {
        List<String> missing = new ArrayList<>();
        for (String area : Catalogue.AREAS) {
            Map<String, String> base = Catalogue.file(area, "");
            for (Language l : Language.shipped()) {
                if (l == Language.ENGLISH) {
                    continue;
                }
                Map<String, String> own = Catalogue.file(area, l.tag());
                for (String key : base.keySet()) {
                    if (!own.containsKey(key)) {
                        missing.add(l.tag() + ": " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "keys of English missing from a shipped language");
    }

    @Test
    void shippedLanguages_noKeyEnglishLacks() {
        List<String> extra = new ArrayList<>();
        for (String area : Catalogue.AREAS) {
            Map<String, String> base = Catalogue.file(area, "");
            for (Language l : Language.shipped()) {
                for (String key : Catalogue.file(area, l == Language.ENGLISH ? "" : l.tag()).keySet()) {
                    if (!base.containsKey(key) || !key.startsWith(area + ".")) {
                        extra.add(l.tag() + ": " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), extra, "keys English lacks, or in the wrong area's file");
    }

    @Test
    void everyPattern_sameArgumentsAsEnglish() {
        List<String> wrong = new ArrayList<>();
        for (String area : Catalogue.AREAS) {
            if (area.equals("formats") || area.equals("quickadd")) {
                continue;
            }
            Map<String, String> base = Catalogue.file(area, "");
            for (Language l : Language.shipped()) {
                Map<String, String> own = Catalogue.file(area, l == Language.ENGLISH ? "" : l.tag());
                own.forEach((key, p) -> {
                    if (base.containsKey(key) && !arguments(p).equals(arguments(base.get(key)))) {
                        wrong.add(l.tag() + ": " + key + " uses " + arguments(p) + ", English " + arguments(base.get(key)));
                    }
                });
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyPattern_formatsAlikeOnBothPaths() {
        List<String> wrong = new ArrayList<>();
        for (String area : Catalogue.AREAS) {
            if (area.equals("quickadd")) {
                continue;
            }
            for (Language l : Language.values()) {
                Map<String, String> patterns = Messages.patterns(l, area);
                patterns.forEach((key, p) -> {
                    Object[] args = sampleArgs(p);
                    try {
                        String icu = new com.ibm.icu.text.MessageFormat(p, l.locale()).format(args);
                        String ours = Message.format(p, l.locale(), args);
                        if (!icu.equals(ours)) {
                            wrong.add(l.tag() + ": " + key + " gives \"" + ours + "\", ICU \"" + icu + "\"");
                        }
                    } catch (RuntimeException e) {
                        wrong.add(l.tag() + ": " + key + " does not format: " + e.getMessage());
                    }
                });
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyFormPattern_manyCountsAndEveryWord_sameAsIcu() {
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (String area : Catalogue.AREAS) {
            if (area.equals("quickadd")) {
                continue;
            }
            for (Language l : Language.values()) {
                for (Map.Entry<String, String> e : Messages.patterns(l, area).entrySet()) {
                    String p = e.getValue();
                    if (!Message.choosesForm(p)) {
                        continue;
                    }
                    com.ibm.icu.text.MessageFormat icu = new com.ibm.icu.text.MessageFormat(p, l.locale());
                    for (Object[] args : argumentsToTry(p)) {
                        String theirs = icu.format(args);
                        String ours = Message.format(p, l.locale(), args);
                        compared++;
                        if (!theirs.equals(ours)) {
                            wrong.add(l.tag() + ": " + e.getKey() + " " + java.util.Arrays.toString(args) + " gives \""
                                    + ours + "\", ICU \"" + theirs + "\"");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(compared > 1000, "compared " + compared);
    }

    @Test
    void everyFormPattern_shippedLanguages_formattedWithoutIcu() {
        List<String> left = new ArrayList<>();
        for (String area : Catalogue.AREAS) {
            for (Language l : Language.values()) {
                Messages.patterns(l, area).forEach((key, p) -> {
                    if (Message.choosesForm(p) && Forms.format(p, l.locale(), sampleArgs(p)) == null) {
                        left.add(l.tag() + ": " + key);
                    }
                });
            }
        }
        assertEquals(List.of(), left, "patterns that would load ICU");
    }

    @Test
    void text_pluralPattern_choosesTheLanguagesForm() {
        String p = "{0, plural, one {# change waiting} other {# changes waiting}}";
        assertEquals("1 change waiting", Message.format(p, Language.ENGLISH.locale(), 1));
        assertEquals("2 changes waiting", Message.format(p, Language.ENGLISH.locale(), 2));
        // French counts 0 as singular; English does not.
        String fr = "{0, plural, one {# modification en attente} other {# modifications en attente}}";
        assertEquals("0 modification en attente", Message.format(fr, Language.FRENCH.locale(), 0));
        assertEquals("0 changes waiting", Message.format(p, Language.ENGLISH.locale(), 0));
    }

    @Test
    void simple_apostrophesAndNumbers_asIcuDoes() {
        assertEquals("l'élément 1.234 de Marie", Message.format("l'élément {0} de {1}", Language.GERMAN.locale(), 1234, "Marie"));
        assertEquals("it's 5", Message.format("it''s {0}", Language.ENGLISH.locale(), 5));
    }

    @Test
    void pseudoLong_accentedLongerAndArgumentsKept() {
        String p = Pseudo.pattern(Language.PSEUDO_LONG, "Sync now {0}");
        assertTrue(p.startsWith("[") && p.endsWith("]"), p);
        assertTrue(p.contains("{0}"), p);
        assertTrue(p.length() >= "Sync now {0}".length() * 1.3, p);
        assertTrue(!p.contains("Sync"), p);
        String plural = Pseudo.pattern(Language.PSEUDO_LONG, "{0, plural, one {# item} other {# items}}");
        String one = Message.format(plural, Language.ENGLISH.locale(), 1);
        assertTrue(one.startsWith("[1 íţém ") && one.endsWith("·]"), one);
    }

    @Test
    void forTag_posixAndRegionalForms_findTheLanguage() {
        assertEquals(Language.GERMAN, Language.forTag("de_DE.UTF-8").orElseThrow());
        assertEquals(Language.GERMAN, Language.forTag("de-AT").orElseThrow());
        assertEquals(Language.FRENCH, Language.forTag("FR").orElseThrow());
        assertEquals(Language.PSEUDO_LONG, Language.forTag("en-XA").orElseThrow());
        assertTrue(Language.forTag("C").isEmpty());
        assertTrue(Language.forTag("ja_JP").isEmpty());
    }

    @Test
    void negotiate_qualitiesAndUnknowns_bestShipped() {
        assertEquals(Language.GERMAN, Language.negotiate("de-CH,de;q=0.9,en;q=0.8"));
        assertEquals(Language.FRENCH, Language.negotiate("ja,fr;q=0.5,en;q=0.4"));
        assertEquals(Language.ENGLISH, Language.negotiate("ja,zh"));
        assertEquals(Language.ENGLISH, Language.negotiate("en-XA"));
        assertEquals(Language.ENGLISH, Language.negotiate(",".repeat(100_000) + "de"));
    }

    @Test
    void formats_germanAndFrench_ownOrderAndNames() {
        java.time.LocalDate d = java.time.LocalDate.of(2026, 11, 27);
        assertEquals("Fri 27 Nov 2026", Formats.format(Language.ENGLISH, "formats.dayYear", d));
        assertEquals("Fr., 27. Nov. 2026", Formats.format(Language.GERMAN, "formats.dayYear", d));
        assertEquals("ven. 27 nov. 2026", Formats.format(Language.FRENCH, "formats.dayYear", d));
    }

    private static Set<Integer> arguments(String p) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = ARG.matcher(p);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static final Object[] COUNTS = {0, 1, 2, 3, 5, 11, 21, 100, 1000, 1001L, 1234567L};

    /** Every count of {@link #COUNTS} for a plural, every word the pattern names for a select, text elsewhere. */
    private static List<Object[]> argumentsToTry(String p) {
        Set<Integer> used = arguments(p);
        int n = used.isEmpty() ? 0 : ((TreeSet<Integer>) used).last() + 1;
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[n]);
        List<Object> words = new ArrayList<>();
        Matcher m = Pattern.compile("([\\p{L}\\w]+)\\s*\\{").matcher(p);
        while (m.find()) {
            words.add(m.group(1));
        }
        words.add("zzz");
        List<List<Object>> values = new ArrayList<>();
        long all = 1;
        for (int i = 0; i < n; i++) {
            values.add(Pattern.compile("\\{\\s*" + i + "\\s*,\\s*(plural|selectordinal)").matcher(p).find()
                    ? List.of(COUNTS)
                    : Pattern.compile("\\{\\s*" + i + "\\s*,\\s*select").matcher(p).find() ? words
                    : List.of("x" + i + " it's {0} #"));
            all *= values.get(i).size();
        }
        if (all > 150) {
            // Every value of every argument, beside values of the others that shift from one pass to the next.
            int longest = values.stream().mapToInt(List::size).max().orElse(1);
            out.clear();
            for (int shift = 0; shift < n; shift++) {
                for (int k = 0; k < longest; k++) {
                    Object[] a = new Object[n];
                    for (int j = 0; j < n; j++) {
                        a[j] = values.get(j).get((k + shift * j) % values.get(j).size());
                    }
                    out.add(a);
                }
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            List<Object[]> next = new ArrayList<>();
            for (Object[] a : out) {
                for (Object v : values.get(i)) {
                    Object[] b = a.clone();
                    b[i] = v;
                    next.add(b);
                }
            }
            out = next;
        }
        return out;
    }

    private static Object[] sampleArgs(String p) {
        Set<Integer> used = arguments(p);
        int n = used.isEmpty() ? 0 : ((TreeSet<Integer>) used).last() + 1;
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            // A plural or select needs its own kind of value; others take text.
            args[i] = Pattern.compile("\\{\\s*" + i + "\\s*,\\s*(plural|selectordinal)").matcher(p).find() ? (Object) 3
                    : Pattern.compile("\\{\\s*" + i + "\\s*,\\s*select").matcher(p).find() ? "other" : "x" + i;
        }
        return args;
    }
}
