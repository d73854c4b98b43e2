package dev.tandem.app.text;

import static dev.tandem.engine.testing.GoldenOut.obj;

import dev.tandem.app.testing.KeptVectors;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import dev.tandem.ui.messages.WeekStart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of quick add in English, German and French: what {@link TodoDraft#parse} reads from a phrase on a
 * fixed day in that language, and the chips quick add shows for it (each token's kind and label), for the phone
 * page's own quick add (the JS core's app/quick-add.js, with the language's table) to read and show the same. The phrases are those the text tests use for the constructs the page reads
 * (in German and French every phrase of the language's parser table but those {@code GERMAN_LEFT_OUT} and
 * {@code FRENCH_LEFT_OUT} name), and 400 seeded random combinations of the language's words
 * ({@link QuickAddGoldenWords}): tags and "remind …" and "every …" anywhere, and after the title a priority, a
 * date, a time, a length, a bare repeat word and a list in any order; in every language {@code WHEN}'s start,
 * deadline, Someday and impossible dates, and each language's own; and no-break spaces where spaces are typed
 * ({@code NO_BREAK}, read as spaces: {@link TypedSpaces}), and what only JavaScript calls white space, which stays in its
 * word ({@code NOT_SPACES}); "am" or "pm" after a space ({@code AM_PM}, and German's "am" after an hour). Each vector holds the warning quick add says
 * (TodoDraft.warning: "“feb 30” is not a date"). Next week ({@code NEXT}) is read on Monday's weeks and again on
 * Sunday's and Saturday's. Constructs the page does not read yet (a date inside the title, a part of the day) are
 * left out rather than compared loosely. Written with
 * {@code -Dtandem.writeVectors=true}, else compared.
 */
@Tag("unit")
class QuickAddGoldenTest {
    static final Path VECTORS = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "test",
            "vectors", "quick-add-en.json");
    /** A Wednesday. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /** Phrases of the text tests, for the constructs the page reads. */
    static final List<String> KNOWN = List.of("#L1 #L2", "Ask @bob, then call the bank", "Birthday card every year",
            "Buy 2", "Buy bread for 2", "Buy milk #Groceries @errands @Shop tomorrow", "Buy milk @home, @errand. tomorrow",
            "Buy milk p2 tomorrow 18:00 #Groceries", "Buy milk", "Call Ann (@phone)", "Call Noonan",
            "Call Sam remind 9am", "Call remind 9am", "Call the bank 2pm", "Call the bank remind 9am tomorrow 2pm",
            "Call the bank remind 9am", "Call the bank", "Choir every 2 weeks on Monday", "Choir every other monday",
            "Clean every 2 weeks", "Clean windows fortnightly", "Daily standup notes",
            "Email bob@example.com about p5 and everyone", "Email team about p2 project p1 tomorrow",
            "Email team about p2 project", "Fix #123 crash p1 #Work", "Lunch at noon", "Mail bob@example.com",
            "Meet Sam at 9", "Pack for 3 days", "Pay monthly fee tomorrow", "Sort @a.b files",
            "Standup every weekday", "Stretch every day", "Take out bins tomorrow 18:00", "Walk for 45m",
            "Water my plants p2", "Water plants daily", "Water plants every 2nd day", "Water plants every monday p2 @home",
            "Water plants every other day", "Write @e-mail!", "Write report weekly p2 #Work @office fri",
            "Write weekly report every 2 weeks", "Write weekly report", "every day", "for 30 min",
            "note: Standup p1 every monday remind 9am @team #Work", "tomorrow 9", "weekly",
            "Water plants every monday p2 @home #Garden remind 9am", "Call the bank tomorrow 2pm p1 #Errands",
            "Call the bank tomorrow 2pm for 30 min", "Buy milk tomorrow at 9", "Review fri at 14 p1",
            "Pay rent every month on the 1st", "Stretch every mon, wed and fri", "Report in 3 days", "Report in 2 weeks",
            "Dinner dec 24 at 19", "Fireworks 31/12", "Pay rent on the 1st every month", "Pay rent on the 31st every month",
            "Pay rent on the 15th every 2 months", "Pay rent on the 1st", "Party feb 29", "Party feb 30", "Party 31/2 p2",
            "Be available 24/7", "Split the bill 50/50", "Taxes 1/3 p1", "Party 2026-02-30", "Party 2999-12-31",
            "Party 3000-01-01 p2");

    /**
     * A start, a deadline, Someday and dates that are none, in English (read beside every language), with the
     * warnings: a date that is none, out of range, a start after the deadline; and look-alikes that keep their words.
     */
    static final List<String> WHEN = List.of("Plan trip start mon", "Plan trip starts dec 3 due dec 24",
            "Plan trip starting tomorrow p2 #Travel", "Learn Italian someday", "Learn Italian @fun someday #Langs",
            "Start the car", "Someday I'll learn Italian", "Due diligence", "Write report start sat due fri",
            "Write report start dec 24 due dec 20", "Write report start fri due dec 1", "Write report start dec 24 due fri",
            "Report p1 due fri", "Pay rent due the 15th every month", "Call Ann deadline tomorrow 2pm",
            "Plan trip start mon someday", "Plan trip start", "Party apr 31st", "Party Feb 30.", "Party 31/4 start mon",
            "Party 31.4.", "Party 31 avril", "Party 30 février", "Party 30. Februar", "Party 0000-01-01",
            "Party feb 30 start dec 24 due dec 20", "Start dec 24 due dec 20", "Plan start dec 24 due dec 20 someday");
    /** German's own: a start, a deadline, Someday and dates that are none. */
    static final List<String> GERMAN_WHEN = List.of("Umzug ab Montag fällig Freitag", "Umzug ab 24.12. bis 20.12.",
            "Umzug beginnt Samstag fällig Freitag", "Steuer spätestens 31.4.", "Party 31.4.", "Party am 31.4.",
            "Party 30. Februar", "Party 31/4", "Klavier lernen eines Tages", "Ab Montag", "Irgendwann mal");
    /** French's own. */
    static final List<String> FRENCH_WHEN = List.of("Déménager dès lundi échéance vendredi",
            "Déménager à partir du 24/12 avant le 20 décembre", "Déménager commence samedi échéance vendredi",
            "Fête 31 avril", "Fête le 31 avril", "Fête 30 février", "Fête 31/4", "Piano un de ces jours",
            "Un jour", "Dès lundi");

    /**
     * No-break spaces where a space is typed (U+00A0, and the narrow U+202F of French typing and of times copied
     * from a calendar), read as spaces: in English beside every language, then each language's own.
     */
    static final List<String> NO_BREAK = List.of("Call Ann tomorrow\u00a02pm", "Dinner dec\u00a024 at\u202f19",
            "Party feb\u202f30", "Meeting fri\u202f9:41pm", "Report in\u00a03\u00a0days", "Call @bob\u00a0now tomorrow",
            "Walk for 45\u00a0min", "Stretch every\u00a0mon, wed and\u202ffri", "\u00a0note: ideas for tomorrow",
            "Buy milk\u00a0p1 #Groceries\u00a0", "Pay rent every month on the\u202f1st", "Ask\u00a0Paul\u00a0?",
            "Call remind\u00a09am", "\u202f", "Call Ann dec\u200924", "Lunch\u3000tomorrow");
    /**
     * What JavaScript's {@code \s} and {@code trim} read as white space and Java's {@code \s} (ASCII's six) does not, nor
     * a no-break space: a zero-width no-break space (U+FEFF), a line or paragraph separator, an information separator
     * (U+001F, white space to Java's {@code strip} only). Each stays in its word, at the ends of the text too.
     */
    static final List<String> NOT_SPACES = List.of("Party dec\ufeff24", "Buy milk tomorrow\ufeff", "\ufeffBuy milk tomorrow",
            "Call Ann tomorrow\u20282pm", "Email @bob\ufeffsmith now", "\u001fnote: ideas", "\u2028note: ideas for tomorrow",
            "Walk for 45\ufeffmin", "Walk for 1\u2029h", "Stretch every mon,\ufeffwed", "Buy milk every\ufeffday",
            "Meet at 9\ufeffam tomorrow", "Plan every day\u001f", "Call remind 9am\u2028");
    /**
     * "am" or "pm" after a space, as a calendar writes a time ("9:41 PM", with CLDR's narrow space too), read beside
     * every language; "PM" not right after a number stays a word ("Call PM about budget").
     */
    static final List<String> AM_PM = List.of("Meeting fri 9:41 PM", "Meeting fri\u202f9:41\u202fPM", "Call Ann tomorrow 9 pm",
            "Call Ann tomorrow at 9 am", "Standup 9 am - 9:30 am", "Standup 9-10 am",
            "Call remind 9 PM", "Call PM about budget", "Call the PM tomorrow", "Call 13 pm", "Meet Sam at PM", "Lunch 12 pm p2 #Work",
            "Wake up 12 am", "Meet Sam at 9 PM", "Email PM 9 am");
    /**
     * Next week and its days, which count from the week's first day ({@link WeekStart#ofPhrases}: the day chosen in
     * Settings, else Monday): read on Monday's weeks with the rest, and again on Sunday's and Saturday's
     * ({@code WEEK_STARTS}), each such vector saying its {@code weekStart} (1 Monday … 7 Sunday). English beside every
     * language, then each language's own.
     */
    static final List<String> NEXT = List.of("Plan trip start next week", "Report next fri", "Report due next sun",
            "Plan trip start next mon due next fri", "Call Ann next week", "Party next sat p2", "Party next Sat",
            "Report next tue at 9am", "Plan trip starting next wed");
    static final List<String> GERMAN_NEXT = List.of("Umzug vorbereiten ab nächste Woche", "Präsentation nächsten Freitag",
            "Präsentation nächster Dienstag", "Urlaub planen nächste Woche", "Gartenarbeit kommenden Samstag",
            "Umzug ab nächsten Montag fällig nächsten Freitag", "Party nächsten Samstag");
    static final List<String> FRENCH_NEXT = List.of("Préparer le déménagement dès la semaine prochaine",
            "Présentation vendredi prochain", "Entretien lundi prochain", "Préparer les vacances la semaine prochaine",
            "Jardinage samedi prochain", "Déménager dès lundi prochain échéance vendredi prochain", "Fête samedi prochain");
    static final List<DayOfWeek> WEEK_STARTS = List.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY);
    /** German's "am" (on the) after an hour: "um 9 am Montag" is at 9 on Monday. */
    static final List<String> GERMAN_AM = List.of("Treffen um 9 am Montag", "Treffen um 15 am Montag", "Treffen am Montag um 9",
            "Zahnarzt um 9 Uhr am Freitag", "Treffen 9 am 24.12.", "Treffen um 9 am 24. Dezember");
    /** German's own. */
    static final List<String> GERMAN_NO_BREAK = List.of("Zahnarzt morgen um 14\u00a0Uhr", "Zahnarzt am 24.\u00a0Dezember",
            "Party 30.\u202fFebruar", "Joggen jeden\u00a0Montag", "Zahnarzt übermorgen für 30\u202fMinuten",
            "Umzug ab\u00a0Montag fällig\u202fFreitag", "Joggen jeden\u2028Montag",
            "Zahnarzt am 24.\ufeffDezember");
    /** French's own. */
    static final List<String> FRENCH_NO_BREAK = List.of("Dentiste vendredi 18\u202fh", "Fête 12\u00a0déc.",
            "Fête le 24\u00a0décembre", "Fête 31\u00a0avril", "Piano tous les\u00a0lundis",
            "Dentiste demain pour 30\u202fminutes", "Appeler Paul\u00a0: devis 18\u00a0h\u00a030", "Fête 12\ufeffdéc.",
            "Piano tous les\u2028lundis", "Dentiste vendredi 18\ufeffh");

    /**
     * Phrases of the German parser tests the page does not read yet: a part of the day ("heute Abend", "morgen
     * früh"), a date or time inside the title ("Sam morgen anrufen").
     */
    static final Set<String> GERMAN_LEFT_OUT = Set.of(
            // A part of the day.
            "Mama anrufen heute Abend", "Kuchen backen morgen früh", "Brötchen holen morgen früh um 7", "Yoga morgen Abend",
            "Joggen Samstag früh", "Zahnarzt heute morgen",
            // A date or time inside the title.
            "Termin am Freitag absagen", "Zahnarzt morgen um 14 Uhr xyz", "Sam morgen anrufen", "Am Freitag Zahnarzt anrufen",
            "Morgen um 9 Zahnarzt anrufen", "Mama heute Abend anrufen", "Training nächsten Dienstag um 18 Uhr mit Jan",
            "Reifen in zwei Wochen wechseln", "Urlaub im Januar planen", "Miete am 1. überweisen",
            "Meeting am 3. Dezember vorbereiten", "Fahrrad 24.12. abholen", "Besprechung Montag 9-10 Uhr im Büro",
            "Wäsche um halb drei abholen", "Um 14 Uhr Zahnarzt anrufen", "Auto übermorgen früh in die Werkstatt bringen");
    /** Likewise for French ("ce soir", "demain à 14h pour …"). */
    static final Set<String> FRENCH_LEFT_OUT = Set.of(
            // A part of the day.
            "Payer le loyer ce soir", "Sieste cet après-midi", "Courir demain matin", "Dîner vendredi soir",
            // A date or time inside the title.
            "Appeler Paul demain à 14h pour le devis", "Réunion lundi 9h-10h salle B", "Partir en janvier avec Ana",
            "Appeler maman ce soir pour le dîner", "Marché samedi matin avec Léa", "Rendez-vous le 3 décembre chez le dentiste",
            "Dentiste à 14h30 avec Léa", "Déjeuner demain midi avec Paul", "Payer le loyer le 1er sans faute");

    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
        WeekStart.choose(Optional.empty());
    }

    @Test
    void parse_everyPhrase_readAsTheVectorsSay() throws IOException {
        assertVectors(Language.ENGLISH, "en", join(KNOWN, WHEN, NO_BREAK, NOT_SPACES, AM_PM, NEXT), NEXT, QuickAddGoldenWords.ENGLISH, 20261129L);
    }

    @Test
    void parse_everyGermanPhrase_readAsTheVectorsSay() throws IOException {
        assertVectors(Language.GERMAN, "de", join(QuickAddGoldenWords.tablePhrases("quickadd-de.txt", GERMAN_LEFT_OUT), WHEN, GERMAN_WHEN, NO_BREAK, NOT_SPACES, GERMAN_NO_BREAK, AM_PM, GERMAN_AM, NEXT),
                join(NEXT, GERMAN_NEXT), QuickAddGoldenWords.GERMAN, 20261201L);
    }

    @Test
    void parse_everyFrenchPhrase_readAsTheVectorsSay() throws IOException {
        assertVectors(Language.FRENCH, "fr", join(QuickAddGoldenWords.tablePhrases("quickadd-fr.txt", FRENCH_LEFT_OUT), WHEN, FRENCH_WHEN, NO_BREAK, NOT_SPACES, FRENCH_NO_BREAK, AM_PM, NEXT),
                join(NEXT, FRENCH_NEXT), QuickAddGoldenWords.FRENCH, 20261202L);
    }

    @SafeVarargs
    private static List<String> join(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }

    /**
     * The vectors of one language: the known phrases, then 400 seeded combinations of its words, on Monday's weeks;
     * then {@code next} on each of {@code WEEK_STARTS}.
     */
    private static void assertVectors(Language language, String tag, List<String> known, List<String> next,
            QuickAddGoldenWords words, long seed) throws IOException {
        Messages.use(language);
        WeekStart.choose(Optional.empty());
        Path file = VECTORS.resolveSibling("quick-add-" + tag + ".json");
        Set<String> phrases = new LinkedHashSet<>(known);
        Random random = new Random(seed);
        while (phrases.size() < known.size() + 400) {
            phrases.add(random(random, words));
        }
        List<Object> cases = new ArrayList<>();
        for (String p : phrases) {
            cases.add(read(p));
        }
        for (DayOfWeek first : WEEK_STARTS) {
            WeekStart.choose(Optional.of(first));
            for (String p : next) {
                Map<String, Object> c = new LinkedHashMap<>(read(p));
                c.put("weekStart", first.getValue());
                cases.add(c);
            }
        }
        WeekStart.choose(Optional.empty());
        String text = GoldenOut.json(obj("today", TODAY.toString(), "lang", tag, "cases", cases)) + "\n";
        KeptVectors.writeOrCompare(file, text, "quick-add.js");
    }

    /**
     * What quick add read from {@code phrase}, each field as the page's parser answers it, and its chips as the
     * desktop's {@code POST /api/parse} answers them (ApiRoutes.parse: each token's kind and label, in the language
     * in effect) with its warning, which the page as its own device answers too.
     */
    static Map<String, Object> read(String phrase) {
        TodoDraft d = TodoDraft.parse(phrase, TODAY);
        List<Object> chips = new ArrayList<>();
        for (QuickAddToken t : d.tokens()) {
            chips.add(obj("kind", t.kind().name(), "label", t.label()));
        }
        return obj("text", phrase, "title", d.title(), "due", str(d.due()), "time", str(d.time()), "minutes", d.minutes(),
                "repeat", d.repeat() == null ? null : d.repeat().toRule(), "priority", d.priority(),
                "tags", d.tags(), "list", d.listName(), "remind", str(d.remindTime()), "start", str(d.start()),
                "someday", d.someday(), "note", d.note(), "chips", chips, "warning", d.warning());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** A title, then its details in any order; tags, "remind …" and "every …" anywhere. */
    static String random(Random r, QuickAddGoldenWords w) {
        List<String> words = new ArrayList<>();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            words.add(pick(r, w.title()));
        }
        List<String> trailing = new ArrayList<>();
        boolean every = r.nextInt(4) == 0;
        if (r.nextInt(2) == 0) {
            trailing.add(pick(r, w.priority()));
        }
        if (r.nextInt(3) < 2) {
            trailing.add(pick(r, w.date()));
        }
        if (r.nextInt(3) == 0) {
            trailing.add(pick(r, w.time()));
        }
        if (r.nextInt(4) == 0) {
            trailing.add(pick(r, w.length()));
        }
        if (!every && r.nextInt(5) == 0) {
            trailing.add(pick(r, w.bareRepeat()));
        }
        if (r.nextInt(3) == 0) {
            trailing.add(pick(r, w.list()));
        }
        Collections.shuffle(trailing, r);
        words.addAll(trailing);
        for (int n = r.nextInt(3); n > 0; n--) {
            words.add(r.nextInt(words.size() + 1), pick(r, w.tags()));
        }
        if (r.nextInt(5) == 0) {
            words.add(r.nextInt(words.size() + 1), pick(r, w.remind()));
        }
        if (every) {
            words.add(r.nextInt(words.size() + 1), pick(r, w.every()));
        }
        return String.join(" ", words);
    }

    private static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
