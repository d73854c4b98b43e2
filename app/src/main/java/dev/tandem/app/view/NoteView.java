package dev.tandem.app.view;

import dev.tandem.app.vm.NotesViewModel;
import dev.tandem.app.vm.note.NoteBlock;
import dev.tandem.app.vm.note.NoteDocument;
import dev.tandem.ui.Styles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/**
 * A note rendered as Markdown: the view-model's document, one block per row of a virtualized list.
 *
 * <p>Laying a block out costs about a millisecond on the FX thread (CSS, then text layout), so only the
 * blocks on screen get nodes: a note of 12,000 blocks opens as fast as a short one and scrolls at the same
 * cost per row. After a box is ticked the note is shown again; the box that had the keyboard focus gets
 * it back.
 */
final class NoteView extends ListView<NoteBlock> {
    /** The cell's padding and the scroll bar: what a row's content leaves of the list's width. */
    private static final double CHROME = 28;

    private final NoteNodes nodes;
    /** The line of the box to give the focus to when its row is laid out again; -1 for none. */
    private int focusLine = -1;

    NoteView(NotesViewModel vm) {
        this.nodes = new NoteNodes(vm, this::boxMade);
        setId("notes-rendered");
        getStyleClass().addAll(Styles.NOTES_RENDERED, Styles.NOTE_VIEW);
        setFocusTraversable(false);
        Label empty = new Label("No notes yet. Press Edit (Ctrl+Shift+M) to write some.");
        empty.getStyleClass().add(Styles.NOTE_EMPTY);
        empty.setWrapText(true);
        setPlaceholder(empty);
        setCellFactory(lv -> new BlockCell());
        vm.documentProperty().addListener((o, a, doc) -> show(doc));
        show(vm.documentProperty().get());
    }

    /** Shows {@code doc}, keeping the scroll position when it is the same note again (a tick, a sync). */
    void show(NoteDocument doc) {
        focusLine = checkBoxes().stream().filter(CheckBox::isFocused).findFirst()
                .map(c -> (Integer) c.getUserData()).orElse(-1);
        getItems().setAll(doc.blocks());
    }

    private void boxMade(CheckBox box, NoteBlock.Entry entry) {
        box.setUserData(entry.box().line());
        if (entry.box().line() == focusLine) {
            focusLine = -1;
            box.requestFocus();
        }
    }

    /** The check boxes on screen, in document order (tests and the window's focus). */
    List<CheckBox> checkBoxes() {
        List<CheckBox> out = new ArrayList<>();
        for (Node n : lookupAll("." + Styles.NOTE_CHECK)) {
            if (n instanceof CheckBox c && c.getUserData() instanceof Integer && c.getParent() != null) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt(c -> (Integer) c.getUserData()));
        return out;
    }

    /**
     * One block. Its content is as wide as the list, so paragraphs wrap instead of scrolling sideways; a
     * labeled cell asks its graphic for a height without a width, so the box answers for its own width.
     */
    private final class BlockCell extends ListCell<NoteBlock> {
        private final VBox box = new VBox() {
            @Override
            protected double computePrefHeight(double width) {
                return super.computePrefHeight(width < 0 ? getPrefWidth() : width);
            }
        };

        BlockCell() {
            box.prefWidthProperty().bind(NoteView.this.widthProperty().subtract(CHROME));
            box.maxWidthProperty().bind(box.prefWidthProperty());
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(NoteBlock block, boolean empty) {
            super.updateItem(block, empty);
            setText(null);
            if (empty || block == null) {
                box.getChildren().clear();
                setGraphic(null);
                return;
            }
            box.getChildren().setAll(nodes.block(block));
            setGraphic(box);
        }
    }
}
