package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dialogs' base and the states shown through pseudo-classes, in a real (headless Monocle) window. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TandemDialogUiTest {
    /** The least a dialog's view-model is: one that reports back. */
    private static final class Model implements HasFeedback {
        private final Feedback feedback = new Feedback();

        @Override
        public Feedback feedback() {
            return feedback;
        }
    }

    private static final class Probe extends TandemDialog<Model, Void> {
        final Label message;

        Probe(Model vm) {
            super(null, vm, Theme.LIGHT.stylesheets(), "probe-dialog", "Probe", 400);
            getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            message = messageLine("probe-message", vm);
            getDialogPane().setContent(new VBox(message));
        }
    }

    @Start
    void start(Stage s) {
        s.setScene(new Scene(new StackPane(), 200, 100));
        s.show();
    }

    @Test
    void new_anyModel_hasTheTitleIdStylesheetsAndDialogStyle() throws Exception {
        Model vm = new Model();
        Probe d = onFx(() -> new Probe(vm));
        assertEquals("Probe", d.getTitle());
        assertEquals("Probe", d.getHeaderText());
        assertEquals("probe-dialog", d.getDialogPane().getId());
        assertTrue(d.getDialogPane().getStyleClass().contains(Styles.DIALOG));
        assertEquals(Theme.LIGHT.stylesheets(), d.getDialogPane().getStylesheets());
        assertEquals(400, d.getDialogPane().getPrefWidth());
        assertTrue(vm == d.viewModel());
    }

    @Test
    void messageLine_errorReportedThenCleared_errorPseudoClassOnThenOff() throws Exception {
        Model vm = new Model();
        Probe d = onFx(() -> new Probe(vm));
        onFx(() -> {
            vm.feedback().fail("The remote refused the passphrase.");
            return null;
        });
        assertEquals("The remote refused the passphrase.", d.message.getText());
        assertTrue(d.message.getPseudoClassStates().contains(PseudoStates.ERROR));
        onFx(() -> {
            vm.feedback().say("Passphrase changed.");
            return null;
        });
        assertEquals("Passphrase changed.", d.message.getText());
        assertFalse(d.message.getPseudoClassStates().contains(PseudoStates.ERROR));
    }

    @Test
    void messageLine_error_takesTheErrorLook() throws Exception {
        Model vm = new Model();
        Probe d = onFx(() -> {
            Probe p = new Probe(vm);
            p.show();
            return p;
        });
        try {
            Object[] plain = onFx(() -> {
                vm.feedback().say("Saved.");
                d.getDialogPane().applyCss();
                return new Object[] {d.message.getFont().getSize(), d.message.getTextFill()};
            });
            Object[] error = onFx(() -> {
                vm.feedback().fail("Not saved.");
                d.getDialogPane().applyCss();
                return new Object[] {d.message.getFont().getSize(), d.message.getTextFill()};
            });
            // The error rule of tandem.css (.dialog-message:error) applies inside a dialog pane too,
            // over the pane's own label colour: its smaller type, in the danger colour.
            assertNotEquals(plain[0], error[0]);
            assertEquals(11.5, (double) error[0], 0.01);
            assertNotEquals(plain[1], error[1], "an error reads in another colour than a plain message");
        } finally {
            onFx(() -> {
                d.close();
                return null;
            });
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void bind_stateTurnsOnAndOff_pseudoClassFollows() throws Exception {
        SimpleBooleanProperty busy = new SimpleBooleanProperty(true);
        TextField field = onFx(TextField::new);
        onFx(() -> {
            PseudoStates.bind(field, PseudoStates.BUSY, busy);
            return null;
        });
        assertTrue(field.getPseudoClassStates().contains(PseudoStates.BUSY));
        onFx(() -> {
            busy.set(false);
            return null;
        });
        assertFalse(field.getPseudoClassStates().contains(PseudoStates.BUSY));
    }

    @Test
    void feedback_begin_refusesWhileBusyAndClearsTheLastMessage() {
        Feedback f = new Feedback();
        f.fail("Failed before.");
        assertTrue(f.begin());
        assertEquals("", f.message());
        assertFalse(f.errorProperty().get());
        assertFalse(f.begin());
        f.end("Done.");
        assertFalse(f.isBusy());
        assertEquals("Done.", f.message());
    }
}
