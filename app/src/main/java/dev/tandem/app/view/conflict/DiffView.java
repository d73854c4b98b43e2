package dev.tandem.app.view.conflict;

import dev.tandem.app.text.diff.DiffLine.Segment;
import dev.tandem.app.text.diff.DiffLine;
import dev.tandem.app.vm.conflict.TextConflict;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Lays out a text conflict's line diff: a row per line with its "−" or "+" mark in a gutter (so the
 * kind reads without colour, and screen readers say it), changed words marked, and each fold as a
 * link that opens it. Follows {@link TextConflict#lines()}, weakly, as list cells drop their views.
 */
public final class DiffView extends VBox {
    private final TextConflict text;
    private final String removed;
    private final String added;
    /** Opening a fold replaces just that row, so the rows around it (and the scroll position) stay. */
    private final ListChangeListener<DiffLine> onChange = c -> {
        while (c.next()) {
            getChildren().remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
            getChildren().addAll(c.getFrom(), rows(c.getAddedSubList()));
        }
    };

    DiffView(TextConflict text) {
        this(text, Messages.text("editor.diff.onlyLost"), Messages.text("editor.diff.onlyKept"));
    }

    /** {@code removed} and {@code added}: what a screen reader says before a "−" and a "+" line. */
    public DiffView(TextConflict text, String removed, String added) {
        this.text = text;
        this.removed = removed;
        this.added = added;
        getStyleClass().add(Styles.DIFF);
        text.lines().addListener(new WeakListChangeListener<>(onChange));
        getChildren().setAll(rows(text.lines()));
    }

    private List<Node> rows(List<? extends DiffLine> lines) {
        List<Node> rows = new ArrayList<>(lines.size());
        for (DiffLine d : lines) {
            rows.add(d.kind() == DiffLine.Kind.FOLD ? fold(d) : line(d));
        }
        return rows;
    }

    private Node line(DiffLine d) {
        Label mark = new Label(d.mark());
        mark.getStyleClass().add(Styles.DIFF_GUTTER);
        mark.setMinWidth(Region.USE_PREF_SIZE);
        String said = switch (d.kind()) {
            case REMOVED -> removed;
            case ADDED -> added;
            default -> "";
        };
        Region body = d.hasWordMarks() ? words(d.segments()) : plain(d.text());
        body.setAccessibleText(said + (d.text().isBlank() ? Messages.text("editor.diff.emptyLine") : d.text()));
        body.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox row = new HBox(mark, body);
        row.getStyleClass().addAll(Styles.DIFF_LINE, switch (d.kind()) {
            case REMOVED -> Styles.DIFF_REMOVED;
            case ADDED -> Styles.DIFF_ADDED;
            default -> Styles.DIFF_SAME;
        });
        return row;
    }

    private static Label plain(String s) {
        // A blank line keeps a line's height.
        Label l = new Label(s.isEmpty() ? " " : s);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DIFF_TEXT);
        return l;
    }

    /** Segments as one wrapping flow, the changed ones marked. Also used for inline values. */
    static TextFlow words(List<Segment> segments) {
        TextFlow flow = new TextFlow();
        for (Segment s : segments) {
            Text t = new Text(s.text());
            t.getStyleClass().add(Styles.DIFF_TEXT);
            if (s.changed()) {
                t.getStyleClass().add(Styles.DIFF_WORD);
            }
            flow.getChildren().add(t);
        }
        return flow;
    }

    private Node fold(DiffLine d) {
        Hyperlink open = new Hyperlink(d.foldLabel());
        open.getStyleClass().add(Styles.DIFF_FOLD);
        open.setAccessibleHelp(Messages.text("editor.diff.showHidden"));
        open.setOnAction(e -> text.expand(d));
        return open;
    }
}
