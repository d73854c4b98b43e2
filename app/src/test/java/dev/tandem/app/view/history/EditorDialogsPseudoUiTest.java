package dev.tandem.app.view.history;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.testing.ScreenText;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.history.AsOfViewModel;
import dev.tandem.app.vm.history.VersionsViewModel;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor's dialogs (versions, as of) in the long pseudo-language: every word they show comes from
 * the catalogue, so none is in plain letters. The user's data is accented, so it never counts.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EditorDialogsPseudoUiTest {
    @TempDir
    Path tmp;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage s) {
        Messages.use(Language.PSEUDO_LONG);
        stage = s;
        s.setScene(new Scene(new StackPane(), 400, 300));
        s.show();
    }

    @AfterEach
    void close() throws Exception {
        try {
            FxToolkit.cleanupStages();
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void versionsAndAsOf_pseudoLanguage_noPlainWords() throws Exception {
        TodoStore store = new TodoStore(Schema.database(tmp.resolve("t.db")).build(), Clock.systemUTC());
        open.add(store);
        Item trip = store.add("Ŀisbon", null, null);
        store.update(trip.id(), i -> i.withNotes("Ƒlights: ĿH 123\nĤotel: Àlfama"));
        store.update(trip.id(), i -> i.withNotes("òops"));
        ExecutorService io = Async.backgroundExecutor("test-io");
        open.add(io::shutdownNow);
        Async async = new Async(io, FxExecutor.INSTANCE, e -> { });
        ItemVersions versions = new ItemVersions(store, new Authors(store));
        VersionsViewModel vm = new VersionsViewModel(versions, new UndoManager(async), async, ZoneOffset.UTC,
                id -> "ĺist", trip.id(), "Ŀisbon");
        Dialog<?> dialog = onFx(() -> {
            VersionsDialog d = new VersionsDialog(stage, vm, Theme.LIGHT.stylesheets());
            d.show();
            return d;
        });
        waitFor(() -> vm.shownProperty().get() != null);
        List<String> plain = new ArrayList<>(onFx(() -> ScreenText.plain(dialog.getDialogPane())));
        onFx(() -> {
            dialog.close();
            return null;
        });

        AsOfViewModel asOf = new AsOfViewModel(store, versions, new UndoManager(async), async, Clock.systemUTC());
        Dialog<?> asOfDialog = onFx(() -> {
            AsOfDialog d = new AsOfDialog(stage, asOf, Theme.LIGHT.stylesheets());
            d.show();
            return d;
        });
        waitFor(() -> !asOf.lists().isEmpty() || !asOf.messageProperty().get().isEmpty());
        plain.addAll(onFx(() -> ScreenText.plain(asOfDialog.getDialogPane())));
        assertEquals(List.of(), plain, "words on screen in plain letters: written in the code, not the catalogue");
    }
}
