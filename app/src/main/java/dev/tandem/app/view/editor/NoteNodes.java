package dev.tandem.app.view.editor;

import dev.tandem.app.text.note.NoteBlock;
import dev.tandem.app.text.note.Span;
import dev.tandem.app.view.Icons;
import dev.tandem.app.vm.editor.NotesViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * Turns a note's blocks into nodes: a {@link TextFlow} of {@link Text} runs per paragraph or heading,
 * {@link Hyperlink}s for links, a {@link CheckBox} per checklist item, a {@link GridPane} per table.
 * Everything looks as {@code notes.css} says. Nothing is loaded from anywhere but the profile's own
 * attachments: an image whose address is {@code attachment:ID} shows inline ({@link NoteImage}), a
 * link to one opens the file; any other image is a link showing its alt text.
 */
final class NoteNodes {
    private final NotesViewModel vm;
    private final BiConsumer<CheckBox, NoteBlock.Entry> onBox;
    private final ObservableDoubleValue room;
    private final ObservableDoubleValue tallest;
    private final NoteImage.Images images = new NoteImage.Images();

    /** {@code onBox} hears of every check box made, with its entry; {@code room}: the widest an image may be. */
    NoteNodes(NotesViewModel vm, BiConsumer<CheckBox, NoteBlock.Entry> onBox, ObservableDoubleValue room) {
        this(vm, onBox, room, new SimpleDoubleProperty(Double.MAX_VALUE));
    }

    /** {@code tallest}: the highest an image may be, to show whole in the note's box. */
    NoteNodes(NotesViewModel vm, BiConsumer<CheckBox, NoteBlock.Entry> onBox, ObservableDoubleValue room,
              ObservableDoubleValue tallest) {
        this.tallest = tallest;
        this.vm = vm;
        this.onBox = onBox;
        this.room = room;
    }

    Node block(NoteBlock b) {
        if (b instanceof NoteBlock.Heading h) {
            TextFlow f = flow(h.spans());
            f.getStyleClass().add(Styles.noteHeading(h.level()));
            f.setAccessibleRole(AccessibleRole.TEXT);
            f.setAccessibleText(plain(h.spans()));
            return f;
        }
        if (b instanceof NoteBlock.Paragraph p) {
            TextFlow f = flow(p.spans());
            f.getStyleClass().add(Styles.NOTE_PARAGRAPH);
            return f;
        }
        if (b instanceof NoteBlock.ListBlock l) {
            return list(l);
        }
        if (b instanceof NoteBlock.Quote q) {
            VBox box = blocks(q.blocks());
            box.getStyleClass().add(Styles.NOTE_QUOTE);
            return box;
        }
        if (b instanceof NoteBlock.Code c) {
            TextFlow f = new TextFlow(text(c.text()));
            VBox box = new VBox(f);
            box.getStyleClass().add(Styles.NOTE_CODE_BLOCK);
            return box;
        }
        if (b instanceof NoteBlock.Table t) {
            return table(t);
        }
        if (b instanceof NoteBlock.Html h) {
            TextFlow f = new TextFlow(text(h.text()));
            f.getStyleClass().add(Styles.NOTE_HTML);
            return f;
        }
        Region rule = new Region();
        rule.getStyleClass().add(Styles.NOTE_RULE);
        return rule;
    }

    private VBox blocks(List<NoteBlock> blocks) {
        VBox box = new VBox();
        for (NoteBlock b : blocks) {
            box.getChildren().add(block(b));
        }
        return box;
    }

    private Node list(NoteBlock.ListBlock l) {
        VBox box = new VBox();
        box.getStyleClass().add(Styles.NOTE_LIST);
        int n = l.start();
        for (NoteBlock.Entry e : l.entries()) {
            Node marker;
            VBox body = blocks(e.blocks());
            body.setSpacing(l.tight() ? 2 : 6);
            if (e.hasBox()) {
                CheckBox check = new CheckBox();
                check.getStyleClass().add(Styles.NOTE_CHECK);
                check.setSelected(e.checked());
                check.setAccessibleText(e.blocks().isEmpty() ? Messages.text("editor.notes.checklistItem")
                        : text(e.blocks().get(0)));
                check.setOnAction(ev -> vm.setChecked(e, check.isSelected()));
                if (e.checked()) {
                    body.getStyleClass().add(Styles.NOTE_CHECKED);
                }
                onBox.accept(check, e);
                marker = check;
            } else {
                // A Text, not a Label: no skin to build, and lists are most of what a long note has.
                Text bullet = text(l.ordered() ? n + "." : "•");
                bullet.getStyleClass().add(Styles.NOTE_BULLET);
                bullet.setWrappingWidth(18);
                bullet.setTextAlignment(TextAlignment.RIGHT);
                marker = bullet;
            }
            n++;
            HBox row = new HBox(6, marker, body);
            row.setAlignment(Pos.TOP_LEFT);
            if (vm.canMakeSubtask(e)) {
                // The line becomes a todo of its own under the item, with its dates and details to come.
                MenuItem make = new MenuItem(
                        Messages.text("editor.notes.makeSubtask"));
                make.setOnAction(ev -> vm.makeSubtask(e));
                ContextMenu menu = new ContextMenu(make);
                row.setOnContextMenuRequested(ev -> menu.show(row, ev.getScreenX(), ev.getScreenY()));
            }
            HBox.setHgrow(body, Priority.ALWAYS);
            body.setMinWidth(0);
            box.getChildren().add(row);
        }
        return box;
    }

    private Node table(NoteBlock.Table t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.NOTE_TABLE);
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        int columns = t.header().size();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(halign(t.aligns().get(c)));
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
            grid.add(cell(t.header().get(c), t.aligns().get(c), Styles.NOTE_TABLE_HEADER), c, 0);
        }
        int r = 1;
        for (List<List<Span>> row : t.rows()) {
            for (int c = 0; c < Math.min(columns, row.size()); c++) {
                grid.add(cell(row.get(c), t.aligns().get(c), Styles.NOTE_TABLE_CELL), c, r);
            }
            for (int c = row.size(); c < columns; c++) {
                grid.add(cell(List.of(), t.aligns().get(c), Styles.NOTE_TABLE_CELL), c, r);
            }
            r++;
        }
        return grid;
    }

    private Node cell(List<Span> spans, NoteBlock.Align align, String style) {
        TextFlow f = flow(spans);
        f.setTextAlignment(switch (align) {
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
            case LEFT -> TextAlignment.LEFT;
        });
        f.getStyleClass().add(style);
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }

    private static HPos halign(NoteBlock.Align a) {
        return switch (a) {
            case CENTER -> HPos.CENTER;
            case RIGHT -> HPos.RIGHT;
            case LEFT -> HPos.LEFT;
        };
    }

    /** One paragraph's runs: text as {@link Text}, links as {@link Hyperlink}s that open through the view-model. */
    TextFlow flow(List<Span> spans) {
        TextFlow f = new TextFlow();
        for (Span s : spans) {
            if (s.image() && vm.isAttachment(s.link())) {
                f.getChildren().add(new NoteImage(vm.image(s.link(), s.text()), room, tallest, images));
            } else if (s.isLink() && vm.isAttachment(s.link())) {
                Hyperlink link = new Hyperlink(s.text(), Icons.of(MaterialDesignP.PAPERCLIP, 13));
                link.getStyleClass().add(Styles.NOTE_LINK);
                link.setTooltip(new Tooltip(Messages.text("editor.notes.openAttached")));
                link.setOnAction(e -> {
                    vm.openAttachment(s.link());
                    link.setVisited(false);
                });
                f.getChildren().add(link);
            } else if (s.isLink() && vm.opens(s.link())) {
                Hyperlink link = new Hyperlink(s.text());
                link.getStyleClass().add(Styles.NOTE_LINK);
                if (s.image()) {
                    link.getStyleClass().add(Styles.NOTE_IMAGE);
                    link.setGraphic(Icons.of(MaterialDesignI.IMAGE_OUTLINE, 14));
                }
                link.setTooltip(new Tooltip(s.link()));
                link.setOnAction(e -> {
                    vm.open(s.link());
                    link.setVisited(false);
                });
                f.getChildren().add(link);
            } else {
                Text t = text(s.image() ? Messages.text("editor.notes.imageText", s.text()) : s.text());
                style(t, s);
                f.getChildren().add(t);
            }
        }
        return f;
    }

    private static Text text(String s) {
        Text t = new Text(s);
        t.getStyleClass().add(Styles.NOTE_TEXT);
        return t;
    }

    private static void style(Text t, Span s) {
        if (s.strong()) {
            t.getStyleClass().add(Styles.NOTE_STRONG);
        }
        if (s.emphasis()) {
            t.getStyleClass().add(Styles.NOTE_EM);
        }
        if (s.code()) {
            t.getStyleClass().add(Styles.NOTE_CODE);
        }
        if (s.isLink()) {
            // A link that does not open from here (a file, a script, a relative path) shows what it is, unclickable.
            t.getStyleClass().add(Styles.NOTE_DEAD_LINK);
        }
    }

    private static String plain(List<Span> spans) {
        StringBuilder b = new StringBuilder();
        spans.forEach(s -> b.append(s.text()));
        return b.toString();
    }

    /** The words of a block, for a screen reader naming a check box. */
    private static String text(NoteBlock b) {
        if (b instanceof NoteBlock.Paragraph p) {
            return plain(p.spans());
        }
        if (b instanceof NoteBlock.Heading h) {
            return plain(h.spans());
        }
        return Messages.text("editor.notes.checklistItem");
    }
}
