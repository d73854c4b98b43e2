package dev.tandem.app.view;

import dev.tandem.app.vm.NotesViewModel;
import dev.tandem.app.vm.note.NoteBlock;
import dev.tandem.app.vm.note.NoteDocument;
import dev.tandem.ui.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * A note rendered as Markdown: the view-model's document laid out top to bottom, in a scroll pane.
 *
 * <p>Laying out costs about a millisecond a block on the FX thread (CSS, then text layout), so a long
 * note is laid out as it is read: the first {@link #BATCH} blocks at once (more than the pane shows), the
 * next batch when the reader scrolls near the end, with the scroll position kept in pixels. A note of
 * thousands of blocks opens as fast as a short one, and nothing is laid out that nobody scrolls to.
 * After a box is ticked the note is laid out again, as far as it was, and the box that had the keyboard
 * focus gets it back.
 */
final class NoteView extends ScrollPane {
    /** Blocks laid out at a time. */
    static final int BATCH = 40;
    /** How far down (0 to 1) the reader scrolls before the next batch is laid out. */
    private static final double NEAR_END = 0.8;

    private final VBox content = new VBox();
    private final Label empty = new Label("No notes yet. Press Edit (Ctrl+Shift+M) to write some.");
    private final List<CheckBox> boxes = new ArrayList<>();
    private final NoteNodes nodes;
    private List<NoteBlock> pending = List.of();
    private int next;

    NoteView(NotesViewModel vm) {
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
        vvalueProperty().addListener((o, a, v) -> {
            if (v.doubleValue() >= NEAR_END && hasMore()) {
                more();
            }
        });
        show(vm.documentProperty().get());
    }

    /** Lays out {@code doc} as far as the last document was laid out (at least one batch). */
    void show(NoteDocument doc) {
        int focusedBox = focusedBox();
        int shown = Math.max(BATCH, next);
        boxes.clear();
        content.getChildren().clear();
        pending = doc.blocks();
        next = 0;
        if (doc.isEmpty()) {
            content.getChildren().add(empty);
            return;
        }
        add(shown);
        if (focusedBox >= 0 && focusedBox < boxes.size()) {
            boxes.get(focusedBox).requestFocus();
        }
    }

    /** The next batch, keeping what the reader sees where it is. */
    private void more() {
        double viewport = getViewportBounds().getHeight();
        double before = content.getHeight();
        double offset = getVvalue() * Math.max(0, before - viewport);
        add(BATCH);
        content.applyCss();
        content.layout();
        content.resize(content.getWidth(), content.prefHeight(content.getWidth()));
        double after = content.getHeight();
        setVvalue(after > viewport ? Math.min(1, offset / (after - viewport)) : 0);
    }

    private void add(int most) {
        List<Node> made = new ArrayList<>();
        while (next < pending.size() && made.size() < most) {
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

    /** The check boxes laid out so far, in document order (tests and the window's focus). */
    List<CheckBox> checkBoxes() {
        return List.copyOf(boxes);
    }

    /** True while blocks further down are not laid out yet. */
    boolean hasMore() {
        return next < pending.size();
    }
}
