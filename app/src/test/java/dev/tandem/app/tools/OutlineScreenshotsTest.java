package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;

import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.view.MainView;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screenshots/outline.png} and {@code outline-dark.png}: a list with sections, subtasks two levels deep
 * with their progress, a folded parent, a start date and a Someday todo. Run with the other screenshots
 * ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class OutlineScreenshotsTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        ScreenshotsFixture.setUp();
    }

    @AfterAll
    static void tearDown() throws Exception {
        ScreenshotsFixture.tearDown();
    }

    private static Item add(TodoStore s, String title, TodoList l, Item parent, TodoDetails d) {
        return s.add(title, null, l.id(), parent == null ? null : parent.id(), null, d).item();
    }

    /** The list "Move house" as a person who planned a move would have it. */
    static TodoList seed(TodoStore s) {
        ScreenshotsFixture.seedRich(s);
        TodoList l = s.createList("Move house");
        SectionStore sections = new SectionStore(s);
        OutlineStore outline = new OutlineStore(s);
        Section week = sections.create(l.id(), "This week");
        Section later = sections.create(l.id(), "Later");
        TodoDetails none = TodoDetails.NONE;
        Item van = add(s, "Book the van", l, null, new TodoDetails(1, List.of(), null, null));
        s.update(van.id(), i -> i.withDue(s.today().plusDays(2)));
        Item quotes = add(s, "Get three quotes", l, van, none);
        add(s, "Ask Sam about his cousin's van", l, quotes, none);
        Item compare = add(s, "Compare insurance", l, quotes, none);
        s.setDone(compare.id(), true);
        add(s, "Confirm the pick-up time", l, van, none);
        Item internet = add(s, "Cancel the internet", l, null, none);
        s.update(internet.id(), i -> i.withDue(s.today().plusDays(3)));
        Item boxes = add(s, "Pack the kitchen", l, null, new TodoDetails(null, List.of("home"), null, null));
        for (String t : List.of("Plates and bowls", "Glasses", "Pots and pans")) {
            add(s, t, l, boxes, none);
        }
        s.setDone(s.allItems().stream().filter(i -> "Glasses".equals(i.title())).findFirst().orElseThrow().id(), true);
        for (Item i : List.of(van, internet, boxes)) {
            outline.move(i.id(), new OutlineStore.Target(l.id(), null, week.id(), null));
        }
        Item address = add(s, "Change the address at the bank", l, null, none);
        s.update(address.id(), i -> i.withStart(s.today().plusDays(5)).withDue(s.today().plusDays(12)));
        Item forms = add(s, "Forward the post", l, address, none);
        add(s, "Fill in the form", l, forms, none);
        outline.setCollapsed(forms.id(), true);
        for (Item i : List.of(address)) {
            outline.move(i.id(), new OutlineStore.Target(l.id(), null, later.id(), null));
        }
        Item plants = add(s, "Give the big plants to the neighbours", l, null, none);
        s.update(plants.id(), i -> i.withSomeday(true));
        outline.move(plants.id(), new OutlineStore.Target(l.id(), null, later.id(), null));
        add(s, "Measure the new living room", l, null, none);
        return l;
    }

    @Test
    void outlineLightAndDark() throws Exception {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            Device d = Device.open("laptop", tmp.resolve("outline-" + theme), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
            try (d) {
                TodoList list = seed(d.store());
                Stage stage = fx(Stage::new);
                MainView v = fx(() -> {
                    MainView m = MainWindow.create(d, theme, null);
                    Scene scene = new Scene(m, 1280, 800);
                    scene.getStylesheets().setAll(theme.stylesheets());
                    stage.setScene(scene);
                    stage.show();
                    m.start();
                    return m;
                });
                fx(() -> {
                    v.viewModel().select(new Listing.UserListing(list.id()));
                    return null;
                });
                waitFor(() -> v.viewModel().items().size() >= 10);
                settle();
                save(snapshot(v.getScene()), "outline" + (theme == Theme.LIGHT ? "" : "-dark") + ".png");
                fx(() -> {
                    v.close();
                    stage.close();
                    return null;
                });
            }
        }
    }
}
