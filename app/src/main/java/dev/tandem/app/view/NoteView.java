package dev.tandem.app.view;

import dev.tandem.app.vm.NotesViewModel;
import dev.tandem.app.vm.note.NoteBlock;
import dev.tandem.app.vm.note.NoteDocument;
import dev.tandem.ui.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * A note rendered as Markdown: the view-model's document laid out top to bottom, in a scroll pane.
 *
 * <p>A long note is laid out in slices: the first blocks at once, the rest a few milliseconds' worth per
 * frame, so the window keeps answering while a note of thousands of blocks fills in. After a box is
 * ticked the note is laid out again; the box that had the keyboard focus gets it back.
 */
final class NoteView extends ScrollPane {
    /** Blocks laid out before the first frame; the rest follow in slices. */
    static final int FIRST_SLICE = 150;
    private static final long SLICE_NANOS = 6_000_000;

    private final NotesViewModel vm;
    private final VBox content = new VBox();
    private final Label empty = new Label("No notes yet. Press the pencil (Ctrl+Shift+M) to write some.");
    private final List<CheckBox> boxes = new ArrayList<>();
    private final NoteNodes nodes;
    private List<NoteBlock> pending = List.of();
    private int next;
    private final AnimationTimer slices = new AnimationTimer() {
        @Override
        public void handle(long now) {
            addSlice(System.nanoTime() + SLICE_NANOS, Integer.MAX_VALUE);
            if (next >= pending.size()) {
                stop();
            }
        }
    };

    NoteView(NotesViewModel vm) {
        this.vm = vm;
        this.nodes = new NoteNodes(vm, boxes::add);
        setId("notes-rendered");
        getStyleClass().add(Styles.NOTES_RENDERED);
        content.getStyleClass().add(Styles.NOTE_VIEW);
        empty.getStyleClass().add(Styles.NOTE_EMPTY);
        empty.setWrapText(true);
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setFocusTraversable(false);
        vm.documentProperty().addListener((o, a, doc) -> show(doc));
        show(vm.documentProperty().get());
    }

    private void show(NoteDocument doc) {
        int focusedBox = focusedBox();
        slices.stop();
        boxes.clear();
        content.getChildren().clear();
        pending = doc.blocks();
        next = 0;
        if (doc.isEmpty()) {
            content.getChildren().add(empty);
            return;
        }
        addSlice(Long.MAX_VALUE, FIRST_SLICE);
        if (next < pending.size()) {
            slices.start();
        }
        if (focusedBox >= 0 && focusedBox < boxes.size()) {
            boxes.get(focusedBox).requestFocus();
        }
    }

    private void addSlice(long until, int most) {
        List<Node> made = new ArrayList<>();
        while (next < pending.size() && made.size() < most && System.nanoTime() < until) {
            made.add(nodes.block(pending.get(next++)));
        }
        content.getChildren().addAll(made);
    }

    /** Which check box has the keyboard focus, -1 if none. */
    private int focusedBox() {
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).isFocused()) {
                return i;
            }
        }
        return -1;
    }

    /** The check boxes shown so far, in document order (tests and the window's focus). */
    List<CheckBox> checkBoxes() {
        return List.copyOf(boxes);
    }

    /** True while blocks are still waiting to be laid out. */
    boolean filling() {
        return next < pending.size();
    }
}
