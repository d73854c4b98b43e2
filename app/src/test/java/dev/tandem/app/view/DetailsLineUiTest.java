package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.NodeChanges;
import dev.tandem.ui.Styles;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The pieces a list cell keeps from row to row: its details line and its priority marker change only what differs. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DetailsLineUiTest {

    private static List<String> texts(DetailsLine line) {
        return line.node().getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void show_theSameDetailsAgain_changesNoChild_andKeepsTagLabelsForTheNextRow() throws Exception {
        onFx(() -> {
            DetailsLine line = new DetailsLine();
            Label due = new Label("Tomorrow");
            line.clear();
            line.add(due);
            line.addTags(List.of("home", "money"));
            line.show();
            assertEquals(List.of("Tomorrow", "@home", "@money"), texts(line));
            assertTrue(line.node().isVisible() && line.node().isManaged());
            Node home = line.node().getChildren().get(1);

            AtomicInteger changes = NodeChanges.watch(line.node());
            for (int k = 0; k < 3; k++) {
                line.clear();
                line.add(due);
                line.addTags(List.of("home", "money"));
                line.show();
            }
            assertEquals(0, changes.get(), "the same details again changed the line's children or style classes");

            line.clear();
            line.addTags(List.of("garden"));
            line.show();
            assertEquals(List.of("@garden"), texts(line), "the next row's details only");
            assertSame(home, line.node().getChildren().get(0), "the first tag label kept for the next row's tag");

            line.clear();
            line.show();
            assertEquals(List.of(), texts(line));
            assertFalse(line.node().isVisible() || line.node().isManaged(), "a line with nothing takes no room");
            return null;
        });
    }

    @Test
    void show_priority_changesTheStyleClassOnlyWhenThePriorityDoes() throws Exception {
        onFx(() -> {
            PriorityMarker marker = new PriorityMarker();
            marker.show(2);
            assertEquals(List.of(Styles.PRIORITY_MARKER, Styles.priority(2)), List.copyOf(marker.getStyleClass()));
            AtomicInteger changes = NodeChanges.watch(marker);
            marker.show(2);
            assertEquals(0, changes.get(), "the same priority again changed the marker's style classes");
            marker.show(3);
            assertEquals(List.of(Styles.PRIORITY_MARKER, Styles.priority(3)), List.copyOf(marker.getStyleClass()));
            marker.show(0);
            assertEquals(List.of(Styles.PRIORITY_MARKER), List.copyOf(marker.getStyleClass()), "no priority, no class");
            return null;
        });
    }
}
