package dev.tandem.app.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words {@link QuickAddGoldenTest} combines into phrases, one set per language: titles, tags, reminders,
 * repeats anywhere, and after the title a priority, a date, a time, a length, a bare repeat word and a list. Only
 * constructs the page's quick add reads: no start, deadline or Someday words, no part of the day ("heute Abend",
 * "ce soir"), no "next …" ("nächsten Freitag", "la semaine prochaine"), no deadline word ("bis Freitag", "fällig
 * 31.5.", "avant vendredi": read anywhere after the title, it ends the details otherwise). English words are in each language's
 * sets too, as quick add reads English in every language.
 */
record QuickAddGoldenWords(List<String> title, List<String> tags, List<String> remind, List<String> every,
        List<String> priority, List<String> date, List<String> time, List<String> length, List<String> bareRepeat,
        List<String> list) {

    private static final List<String> PRIORITY = List.of("p1", "p2", "p3", "p4", "P2");

    static final QuickAddGoldenWords ENGLISH = new QuickAddGoldenWords(
            List.of("Buy", "milk", "Call", "the", "bank", "Water", "plants", "Email", "team", "report", "Pay", "rent", "Fix",
                    "bike", "Plan", "trip"),
            List.of("@home", "@errand", "@Phone", "@2027", "@shop,"),
            List.of("remind 9am", "remind me at 8:15pm", "remind 18:00", "remind noon"),
            List.of("every monday", "every day", "every week", "every 2 weeks", "every other day", "every weekday",
                    "every month", "every year", "every other friday", "every fri", "every month on the 15th",
                    "every 3 months"),
            PRIORITY,
            List.of("today", "tomorrow", "tmr", "fri", "friday", "monday", "wed", "Sun", "2026-12-24", "in 3 days",
                    "in 2 weeks", "on monday", "by fri", "dec 24", "jan 3rd", "31/12", "on the 15th", "in march", "weekend"),
            List.of("2pm", "9:30am", "18:00", "noon", "at 9am", "at 14:30", "9-11am", "from 7pm to 9pm", "half past four",
                    "2pm-3:30pm"),
            List.of("for 30 min", "for 1h", "for 2 hours", "for 45m", "for 1h 30m"),
            List.of("daily", "weekly", "monthly", "yearly"),
            List.of("#Garden", "#Work", "#Inbox"));

    static final QuickAddGoldenWords GERMAN = new QuickAddGoldenWords(
            List.of("Milch", "kaufen", "Bank", "anrufen", "Pflanzen", "gießen", "Bericht", "schreiben", "Miete", "zahlen",
                    "Rad", "reparieren", "Reise", "planen", "Oma", "besuchen"),
            List.of("@Haus", "@Einkauf", "@Telefon", "@2027", "@Laden,"),
            List.of("erinnere mich um 8 Uhr", "Erinnerung 19 Uhr", "erinnern 9:30", "erinnere mich 18.30 Uhr",
                    "erinnere um halb drei", "remind 9am"),
            List.of("jeden Montag", "jeden Tag", "jede Woche", "alle 2 Wochen", "jeden zweiten Tag", "jeden 2. Tag",
                    "jeden Werktag", "jeden Monat", "jedes Jahr", "jeden 2. Montag", "jeden Montag und Mittwoch",
                    "alle 3 Monate", "jeden Monat am 15.", "alle 2 Wochen am Freitag", "immer Dienstag", "every day"),
            PRIORITY,
            List.of("heute", "morgen", "übermorgen", "Freitag", "am Montag", "Di.", "diesen Samstag", "Wochenende",
                    "am Wochenende", "in 3 Tagen", "in zwei Wochen", "in einer Woche", "in 6 Monaten", "24. Dezember",
                    "am 24. Dezember", "31. Dez", "24.12.", "31.5.", "3.7.2027", "am 1.", "zum 15.", "im Januar",
                    "2026-12-24", "tomorrow"),
            List.of("um 14 Uhr", "14 Uhr", "9:30", "14.30 Uhr", "um 9:30 Uhr", "mittags", "um halb drei",
                    "viertel nach vier", "um viertel vor acht", "9-10 Uhr", "von 9 bis 10 Uhr", "9:00-10:30", "2pm"),
            List.of("für 30 Minuten", "für 1 Stunde", "für 15 Min.", "für 1,5 Stunden", "Dauer 2 Std.", "für 45 min",
                    "for 1h"),
            List.of("täglich", "wöchentlich", "monatlich", "jährlich", "werktags", "vierzehntägig"),
            List.of("#Garten", "#Arbeit", "#Inbox"));

    static final QuickAddGoldenWords FRENCH = new QuickAddGoldenWords(
            List.of("Acheter", "lait", "Appeler", "banque", "Arroser", "plantes", "Écrire", "rapport", "Payer", "loyer",
                    "Réparer", "vélo", "Préparer", "voyage", "Voir", "Léa"),
            List.of("@maison", "@courses", "@Téléphone", "@2027", "@marché,"),
            List.of("rappel 9h", "rappelle-moi à 8h", "me rappeler 18h30", "rappel à 7 h 15", "rappel midi",
                    "remind 9am"),
            List.of("tous les jours", "chaque jour", "toutes les semaines", "tous les 2 jours", "toutes les 2 semaines",
                    "tous les lundis", "chaque lundi", "tous les lundis et mercredis", "un lundi sur deux",
                    "tous les mois le 15", "le 1er de chaque mois", "tous les ans", "tous les 3 mois",
                    "tous les jours ouvrés", "tous les quinze jours", "every week"),
            PRIORITY,
            List.of("aujourd'hui", "aujourd’hui", "demain", "après-demain", "lundi", "ce vendredi", "samedi", "ven.",
                    "dans 3 jours", "dans deux semaines", "dans 6 mois", "24 décembre", "le 24 décembre", "1er janvier",
                    "31/12", "3/7/2027", "le 15", "le 1er", "en mars", "au mois de mai", "ce week-end", "2026-12-24",
                    "pour vendredi", "tomorrow"),
            List.of("15h", "à 15h", "14h30", "à 9 h", "9:30", "midi", "à midi", "18 heures", "de 9h à 11h", "9h-10h",
                    "4h et demie", "vers 16h", "2pm"),
            // No length in whole hours: "pendant 1h à 15h" reads as a span from 1:00 ("à" is "to" as well as "at").
            List.of("pendant 30 minutes", "pour 45 min", "durant 20 min", "pendant 90 mn", "pendant 1,5 heure",
                    "for 30 min"),
            List.of("quotidiennement", "hebdomadaire", "mensuel", "annuel"),
            List.of("#Jardin", "#Travail", "#Inbox"));

    /**
     * The typed phrases of a language's parser test table ({@code quickadd-de.txt}, {@link QuickAddLanguagesTest}),
     * those in {@code leftOut} (constructs the page does not read yet) aside.
     */
    static List<String> tablePhrases(String file, Set<String> leftOut) {
        List<String> out = new ArrayList<>();
        try (InputStream in = QuickAddGoldenWords.class.getResourceAsStream(file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String typed = line.split("\\|", -1)[0];
                if (!line.isBlank() && !line.startsWith("#") && !leftOut.contains(typed)) {
                    out.add(typed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String p : leftOut) {
            // A phrase set aside that the table no longer has would keep nothing out: the list stays the table's.
            if (!tableHas(file, p)) {
                throw new IllegalStateException(file + " has no phrase \"" + p + "\" to leave out");
            }
        }
        return out;
    }

    private static boolean tableHas(String file, String typed) {
        try (InputStream in = QuickAddGoldenWords.class.getResourceAsStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().anyMatch(l -> l.startsWith(typed + "|"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
