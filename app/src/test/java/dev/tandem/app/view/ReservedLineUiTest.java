package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A line whose text arrives seconds later (the network's answer in "Open on phone…") moves nothing below it: in a
 * real window, the button under a reserved line stays where it was whatever the line says; under a plain line the
 * same texts move it (so the test can fail).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReservedLineUiTest {
    private static final String LONGEST = "Phones that open .local names (iPhone, iPad, Mac, Linux; Android often cannot) also reach"
            + " it at https://" + "m".repeat(63) + ".local:8765/ (pair there with the code: it is another site to the browser).";
    private static final List<String> TEXTS = List.of("", "Announcing it on the network by name (mDNS)…",
            "Phones that open .local names also reach it at https://laptop.local:8765/", LONGEST.substring(0, 150), LONGEST);

    private Label reservedLine;
    private Label plainLine;
    private Button belowReserved;
    private Button belowPlain;

    @Start
    void start(Stage stage) {
        reservedLine = Forms.wrapped("");
        plainLine = Forms.wrapped("");
        belowReserved = new Button("Below the reserved line");
        belowPlain = new Button("Below the plain line");
        StackPane room = ReservedLine.of(reservedLine, LONGEST);
        VBox left = new VBox(8, room, belowReserved);
        VBox right = new VBox(8, plainLine, belowPlain);
        left.setPrefWidth(300);
        right.setPrefWidth(300);
        stage.setScene(new Scene(new javafx.scene.layout.HBox(10, left, right), 640, 400));
        stage.show();
    }

    @Test
    void text_arrivingLater_movesNothingBelowAReservedLineButMovesWhatIsBelowAPlainOne() throws Exception {
        double reservedY = -1;
        double plainMin = Double.MAX_VALUE;
        double plainMax = -1;
        for (String text : TEXTS) {
            onFx(() -> {
                reservedLine.setText(text);
                plainLine.setText(text);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents(3);
            double[] ys = onFx(() -> new double[] {belowReserved.localToScene(0, 0).getY(), belowPlain.localToScene(0, 0).getY()});
            if (reservedY < 0) {
                reservedY = ys[0];
            }
            assertEquals(reservedY, ys[0], 0.5, "the button under the reserved line stays put for: " + text);
            plainMin = Math.min(plainMin, ys[1]);
            plainMax = Math.max(plainMax, ys[1]);
        }
        assertTrue(plainMax - plainMin > 20, "the same texts move what is under a plain line: " + plainMin + ".." + plainMax);
    }
}
