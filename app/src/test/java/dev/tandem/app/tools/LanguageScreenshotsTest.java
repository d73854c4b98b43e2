package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.AppStage;
import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.ScreenText;
import dev.tandem.app.view.MainView;
import dev.tandem.app.view.settings.SettingsDialog;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screenshots/languages/*.png}: the main window, the calendar and Settings in German, French
 * and both pseudo-languages, at 1366×768 and at the narrowest 760 px; with a check that no label,
 * button or heading is cut short. The sample todos are written in the language, as a person would.
 * Run with the screenshot command ({@code -Pscreenshots}).
 */
@Tag("screenshots")
class LanguageScreenshotsTest {
    /** Rows, chips and fields show the user's words and may shorten them; the app's own words may not be. */
    private static final Set<String> DATA = Set.of("item-cell", "list-cell", "sidebar-entry", "text-field", "text-area",
            "calendar-block", "calendar-chip", "agenda-row", "chip", "token-chip",
            // The header's title is mostly a list's name, and gives way to the header's controls by design.
            "title");

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void setUp() throws Exception {
        ScreenshotsFixture.setUp();
        out = Files.createDirectories(ScreenshotsFixture.out.resolve("languages"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        Messages.use(Language.ENGLISH);
        ScreenshotsFixture.tearDown();
    }

    @Test
    void mainCalendarAndSettings_everyLanguage_nothingCutOff() throws Exception {
        List<String> cut = new ArrayList<>();
        for (Language language : List.of(Language.GERMAN, Language.FRENCH, Language.PSEUDO_LONG, Language.PSEUDO_RTL)) {
            Messages.use(language);
            try (Device d = Device.open("Laptop", tmp.resolve(language.tag()), FxExecutor.INSTANCE, null, Duration.ofSeconds(3))) {
                seed(d.store(), language);
                for (double[] size : new double[][] {{1366, 768}, {760, 640}}) {
                    String suffix = language.tag() + (size[0] == 760 ? "-760" : "-1366x768");
                    shoot(d, size, suffix, language, cut);
                }
            }
        }
        Messages.use(Language.ENGLISH);
        assertEquals(List.of(), cut, "words cut short on screen");
    }

    private void shoot(Device d, double[] size, String suffix, Language language, List<String> cut) throws Exception {
        Stage stage = fx(Stage::new);
        MainView v = fx(() -> {
            MainView m = MainWindow.create(d, Theme.LIGHT, null);
            Scene scene = new Scene(m, size[0], size[1]);
            AppStage.orient(scene);
            scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
            stage.setScene(scene);
            stage.show();
            m.start();
            return m;
        });
        String list = listName(language);
        waitFor(() -> v.viewModel().lists().stream().anyMatch(l -> l.name().equals(list)));
        fx(() -> {
            v.viewModel().select(new Listing.UserListing(
                    v.viewModel().lists().stream().filter(l -> l.name().equals(list)).findFirst().orElseThrow().id()));
            return null;
        });
        waitFor(() -> !v.viewModel().items().isEmpty());
        fx(() -> {
            v.itemList().getSelectionModel().select(0);
            return null;
        });
        settle();
        save(snapshot(stage.getScene()), "languages/main-" + suffix + ".png");
        check(v, "main " + suffix, language, cut);
        fx(() -> {
            v.viewModel().selectCalendar(CalendarRange.Mode.WEEK);
            return null;
        });
        waitFor(() -> v.viewModel().calendar().loadedProperty().get());
        settle();
        save(snapshot(stage.getScene()), "languages/calendar-" + suffix + ".png");
        check(v, "calendar " + suffix, language, cut);
        SettingsDialog dialog = fx(() -> {
            SyncSettings s = SyncSettings.webDav(new SyncSettings.Dav("https://cloud.example.com/remote.php/dav/files/sam/Tandem",
                    "sam", "xK3pq-Wm9Tz-4bLfR-aE7yN-2cHsD", ""), "", 30);
            SettingsViewModel vm = new SettingsViewModel(s, new Async(Runnable::run, FxExecutor.INSTANCE, e -> { }),
                    x -> new ConnectionCheck(List.of()));
            SettingsDialog dlg = new SettingsDialog(stage, vm, Theme.LIGHT.stylesheets());
            AppStage.orient(dlg.getDialogPane().getScene());
            dlg.show();
            return dlg;
        });
        settle();
        save(snapshot(dialog.getDialogPane().getScene()), "languages/settings-" + suffix + ".png");
        check(dialog.getDialogPane(), "settings " + suffix, language, cut);
        fx(() -> {
            dialog.setResult(null);
            dialog.close();
            v.close();
            stage.close();
            return null;
        });
    }

    private static void check(Parent root, String where, Language language, List<String> cut) throws Exception {
        if (language.pseudo()) {
            // The long pseudo-language is for finding words the catalogue lacks and seeing where text grows;
            // only the real languages must fit.
            return;
        }
        fx(() -> {
            ScreenText.cutOff(root, DATA).forEach(s -> cut.add(where + ": " + s));
            return null;
        });
    }

    private static String listName(Language language) {
        return switch (language) {
            case GERMAN -> "Arbeit";
            case FRENCH -> "Travail";
            default -> "Work";
        };
    }

    /** A person's todos in their own language: data is never translated, so each language gets its own. */
    private static void seed(TodoStore s, Language language) {
        String[][] words = switch (language) {
            case GERMAN -> new String[][] {{"Arbeit", "Privat"}, {"Quartalsbericht abschicken", "Steuererklärung",
                "Präsentation für Montag vorbereiten", "Zahnarzt", "Geschenk für Oma kaufen", "Fenster putzen"}, {"büro", "zuhause"}};
            case FRENCH -> new String[][] {{"Travail", "Perso"}, {"Envoyer le rapport trimestriel", "Déclaration d’impôts",
                "Préparer la présentation de lundi", "Dentiste", "Acheter un cadeau pour mamie", "Laver les vitres"}, {"bureau", "maison"}};
            default -> new String[][] {{"Work", "Home"}, {"Send the quarterly report", "Tax return", "Prepare Monday's talk",
                "Dentist", "Buy a present for Gran", "Clean the windows"}, {"office", "home"}};
        };
        TodoList work = s.createList(words[0][0]);
        TodoList home = s.createList(words[0][1]);
        String[] t = words[1];
        s.add(t[0], null, work.id(), s.today(), new TodoDetails(1, List.of(words[2][0]), null, null));
        s.add(t[1], null, work.id(), s.today().plusDays(3), new TodoDetails(2, List.of(), null, null));
        s.add(t[2], null, work.id(), s.today().plusDays(1),
                new TodoDetails(null, List.of(words[2][0]), Recurrence.every(Recurrence.Freq.WEEKLY, 1), null, false,
                        LocalTime.of(9, 30), 60));
        s.add(t[3], null, home.id(), s.today().plusDays(2),
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(14, 0), 30));
        s.add(t[4], null, home.id(), s.today().plusDays(5), new TodoDetails(3, List.of(words[2][1]), null, null));
        s.add(t[5], null, home.id(), null, new TodoDetails(null, List.of(words[2][1]), null, null));
    }
}
