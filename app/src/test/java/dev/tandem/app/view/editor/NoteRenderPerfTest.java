package dev.tandem.app.view.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.note.NoteDocument;
import dev.tandem.app.text.note.NoteParser;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.engine.Db;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What showing a note rendered costs: parsing (off the FX thread for long notes) and laying it out on the
 * FX thread (the blocks on screen), and jumping to other places in the note, for notes of 900 characters, 13 KB and 700 KB (12,800 blocks), against the same text in a text
 * area (alternated run by run) and, for the long note, every block laid out at once. Prints medians and
 * minimums in milliseconds; run with -Pperf.
 */
@Tag("perf")
class NoteRenderPerfTest {
    private static final String NOTE = """
            # Lisbon, 12–16 May

            Flights with **TAP**, seats *by the window*. Check-in opens 36 h before: run `tandem list --tag trip`.

            ## Packing
            - [x] Passports
            - [x] Adapters (type F)
            - [ ] Sunscreen
            - [ ] Rain jacket

            ## Places
            1. Time Out Market
            2. Belém tower, early
            3. [Tram 28](https://www.carris.pt/en/) from Martim Moniz

            > Pastéis de nata at Manteigaria, not the famous queue.

            | Day | Plan |
            |:----|:-----|
            | Fri | Alfama |
            | Sat | Sintra |

            """;

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double min(long[] nanos) {
        return Arrays.stream(nanos).min().orElse(0) / 1e6;
    }

    /** Every block of {@code d} laid out at once in a box in a scroll pane; returns the nanoseconds it took. */
    private static long allAtOnce(StackPane root, EditorViewModel editor, NoteDocument d) {
        long t0 = System.nanoTime();
        VBox box = new VBox();
        box.getStyleClass().add(Styles.NOTE_VIEW);
        NoteNodes nodes = new NoteNodes(editor.notes(), (c, e) -> { }, new SimpleDoubleProperty(600));
        d.blocks().forEach(b -> box.getChildren().add(nodes.block(b)));
        ScrollPane pane = new ScrollPane(box);
        pane.setFitToWidth(true);
        root.getChildren().setAll(pane);
        root.applyCss();
        root.layout();
        return System.nanoTime() - t0;
    }

    @Test
    void parseAndLayOut_smallMediumAndHugeNotes() throws Exception {
        FxToolkit.registerPrimaryStage();
        TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC());
        Async async = new Async(Runnable::run, FxExecutor.INSTANCE, e -> { });
        EditorViewModel editor = new EditorViewModel(store, async, new UndoManager(async));
        NoteView view = fx(() -> new NoteView(editor.notes()));
        TextArea area = fx(TextArea::new);
        StackPane root = fx(() -> new StackPane(view));
        Stage stage = fx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(root, 340, 700);
            scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
            s.setScene(scene);
            s.show();
            return s;
        });
        for (int copies : new int[] {2, 30, 1_600}) {
            String text = NOTE.repeat(copies);
            long[] parse = new long[15];
            NoteDocument doc = null;
            for (int r = -3; r < parse.length; r++) {
                long t0 = System.nanoTime();
                doc = NoteParser.parse(text);
                if (r >= 0) {
                    parse[r] = System.nanoTime() - t0;
                }
            }
            NoteDocument d = doc;
            long[] layout = new long[15];
            long[] asText = new long[15];
            long[] allAtOnce = new long[15];
            for (int r = -2; r < layout.length; r++) {
                long took = fx(() -> {
                    root.getChildren().setAll(view);
                    view.show(NoteDocument.EMPTY);
                    root.applyCss();
                    root.layout();
                    long t0 = System.nanoTime();
                    view.show(d);
                    root.applyCss();
                    root.layout();
                    return System.nanoTime() - t0;
                });
                // The baseline, alternated run by run: the same text in the text area (the notes' text view).
                long text0 = fx(() -> {
                    root.getChildren().setAll(area);
                    area.setText("");
                    root.applyCss();
                    root.layout();
                    long t0 = System.nanoTime();
                    area.setText(text);
                    root.applyCss();
                    root.layout();
                    return System.nanoTime() - t0;
                });
                // For the short notes, also every block at once in a plain box (what the list saves on a long one).
                long all0 = copies > 100 ? 0 : fx(() -> allAtOnce(root, editor, d));
                if (r >= 0) {
                    layout[r] = took;
                    asText[r] = text0;
                    allAtOnce[r] = all0;
                }
            }
            fx(() -> root.getChildren().setAll(view));
            long[] scroll = new long[copies > 100 ? 15 : 3];
            for (int r = 0; r < scroll.length; r++) {
                int to = (int) ((r + 1) * (long) d.blocks().size() / (scroll.length + 1));
                scroll[r] = fx(() -> {
                    long t0 = System.nanoTime();
                    view.scrollToBlock(to);
                    root.applyCss();
                    root.layout();
                    return System.nanoTime() - t0;
                });
            }
            if (copies > 100) {
                allAtOnce[0] = fx(() -> allAtOnce(root, editor, d));
                Arrays.fill(allAtOnce, allAtOnce[0]);
            }
            fx(() -> root.getChildren().setAll(view));
            System.out.printf("note %,d chars, %,d blocks: parse %.1f ms (min %.1f), first layout on the FX thread"
                    + " %.1f ms (min %.1f), a jump to a new place %.1f ms (min %.1f); as text in the text area %.1f ms"
                    + " (min %.1f); every block at once in a box %.1f ms (min %.1f)%n", text.length(), d.blocks().size(),
                    median(parse), min(parse), median(layout), min(layout), median(scroll), min(scroll), median(asText),
                    min(asText), median(allAtOnce), min(allAtOnce));
            assertTrue(median(layout) < 1_000);
        }
        fx(() -> {
            stage.close();
            return null;
        });
        store.close();
    }
}
