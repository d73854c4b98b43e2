package dev.tandem.app.view.editor;

import dev.tandem.app.text.note.NoteBlock;
import dev.tandem.app.text.note.NoteDocument;
import dev.tandem.app.vm.editor.NotesViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A note rendered as Markdown: the view-model's document, top to bottom.
 *
 * <p>Laying a block out costs about a millisecond on the FX thread (CSS, then text layout). A note of up
 * to {@link #ALL_AT_ONCE} blocks, which is most notes, is laid out whole in a scroll pane: the quickest
 * way for a few blocks. A longer one goes into a virtualized list, one block per row, where only the
 * blocks on screen get nodes, so a note of 12,000 blocks opens and scrolls like a short one; there a tick
 * or a synced edit replaces only the rows whose blocks changed. After a tick, the box that had the
 * keyboard focus gets it back.
 */
final class NoteView extends StackPane {
    /** Longer notes go into the virtualized list. */
    static final int ALL_AT_ONCE = 60;
    /** The cell's padding and the scroll bar: what a row's content leaves of the list's width. */
    private static final double CHROME = 28;
    /** What the view's border, the padding and a scroll bar leave an image of the view's width. */
    static final double IMAGE_CHROME = 36;
    /** What the view's border and padding leave an image of the view's height. */
    static final double IMAGE_CHROME_V = 24;
    /** An image is never made lower than this to fit the box: a box lower than it scrolls. */
    static final double MIN_IMAGE_HEIGHT = 24;

    private final NoteNodes nodes;
    private final VBox whole = new VBox();
    private final ScrollPane wholePane = new ScrollPane(whole);
    private final ListView<NoteBlock> rows = new ListView<>();
    private final Label empty = new Label(Messages.text("editor.notes.empty"));
    /** The line of the box to give the focus to when it is made again; -1 for none. */
    private int focusLine = -1;

    NoteView(NotesViewModel vm) {
        // An image is at most as wide as the note's text: the view less its border, padding and scroll bar.
        // And at most as high as the box shows: a short box (a low window) shows the whole image, smaller,
        // rather than a strip of it.
        this.nodes = new NoteNodes(vm, this::boxMade, Bindings.createDoubleBinding(
                () -> Math.max(16, getWidth() - IMAGE_CHROME), widthProperty()),
                Bindings.createDoubleBinding(() -> Math.max(MIN_IMAGE_HEIGHT,
                        getHeight() - IMAGE_CHROME_V), heightProperty()));
        setId("notes-rendered");
        getStyleClass().add(Styles.NOTES_RENDERED);
        whole.getStyleClass().add(Styles.NOTE_VIEW);
        wholePane.setFitToWidth(true);
        wholePane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        wholePane.setFocusTraversable(false);
        rows.getStyleClass().add(Styles.NOTE_VIEW);
        rows.setFocusTraversable(false);
        rows.setCellFactory(lv -> new BlockCell());
        empty.getStyleClass().add(Styles.NOTE_EMPTY);
        empty.setWrapText(true);
        whole.getChildren().add(empty);
        getChildren().add(wholePane);
        vm.documentProperty().addListener((o, a, doc) -> show(doc));
        show(vm.documentProperty().get());
    }

    /** Shows {@code doc}: whole when it is short, else in the list (changed rows only, for the same note). */
    void show(NoteDocument doc) {
        focusLine = checkBoxes().stream().filter(CheckBox::isFocused).findFirst()
                .map(c -> (Integer) c.getUserData()).orElse(-1);
        List<NoteBlock> blocks = doc.blocks();
        if (blocks.size() <= ALL_AT_ONCE) {
            rows.getItems().clear();
            List<Node> made = new ArrayList<>();
            blocks.forEach(b -> made.add(nodes.block(b)));
            whole.getChildren().setAll(made.isEmpty() ? List.of(empty) : made);
            getChildren().setAll(wholePane);
            return;
        }
        whole.getChildren().clear();
        ObservableList<NoteBlock> shown = rows.getItems();
        if (shown.size() == blocks.size()) {
            for (int i = 0; i < blocks.size(); i++) {
                if (!shown.get(i).equals(blocks.get(i))) {
                    shown.set(i, blocks.get(i));
                }
            }
        } else {
            shown.setAll(blocks);
        }
        getChildren().setAll(rows);
    }

    /** Scrolls block {@code index} into view (the perf test jumps around a long note). */
    void scrollToBlock(int index) {
        if (!rows.getItems().isEmpty()) {
            rows.scrollTo(index);
        } else if (!whole.getChildren().isEmpty()) {
            wholePane.setVvalue((double) index / whole.getChildren().size());
        }
    }

    private void boxMade(CheckBox box, NoteBlock.Entry entry) {
        box.setUserData(entry.line());
        if (entry.line() == focusLine) {
            focusLine = -1;
            box.requestFocus();
        }
    }

    /** The check boxes on screen, in document order (tests and the window's focus). */
    List<CheckBox> checkBoxes() {
        List<CheckBox> out = new ArrayList<>();
        for (Node n : lookupAll("." + Styles.NOTE_CHECK)) {
            if (n instanceof CheckBox c && c.getUserData() instanceof Integer && c.getScene() != null) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt(c -> (Integer) c.getUserData()));
        return out;
    }

    /**
     * One block of a long note. Its content is as wide as the list, so paragraphs wrap instead of scrolling
     * sideways; a labeled cell asks its graphic for a height without a width, so the box answers for its
     * own width.
     */
    private final class BlockCell extends ListCell<NoteBlock> {
        private final VBox box = new VBox() {
            @Override
            protected double computePrefHeight(double width) {
                return super.computePrefHeight(width < 0 ? getPrefWidth() : width);
            }
        };

        BlockCell() {
            box.prefWidthProperty().bind(rows.widthProperty().subtract(CHROME));
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
