package dev.tandem.app.view.settings;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.app.vm.settings.SyncIntervals;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The fields of Settings, each bound to its value in the {@link SettingsViewModel} and checked
 * when it loses the focus, with the line under it saying why its value is refused (the field turns
 * {@code :error} meanwhile).
 */
final class SettingsFields {
    private final SettingsViewModel vm;

    SettingsFields(SettingsViewModel vm) {
        this.vm = vm;
    }

    /** A row of {@code g}: label and {@code field}, and under them the field's error line; returns the next free row. */
    int row(GridPane g, int r, String label, Node field, String name) {
        g.add(Forms.label(label), 0, r);
        g.add(field, 1, r);
        Label err = Forms.wrapped("");
        err.setId("error-" + name);
        err.getStyleClass().add(Styles.FIELD_ERROR);
        err.textProperty().bind(vm.error(name));
        Forms.showOnly(err, vm.error(name).isNotEmpty());
        g.add(err, 1, r + 1);
        TextInputControl input = field instanceof TextInputControl t ? t
                : field instanceof HBox h && !h.getChildren().isEmpty() && h.getChildren().get(0) instanceof TextInputControl t2 ? t2 : null;
        if (input != null) {
            PseudoStates.bind(input, PseudoStates.ERROR, vm.error(name).isNotEmpty());
        }
        return r + 2;
    }

    TextField text(String name, String prompt) {
        return bind(new TextField(), name, prompt);
    }

    PasswordField password(String name, String prompt) {
        return bind(new PasswordField(), name, prompt);
    }

    private <T extends TextInputControl> T bind(T t, String name, String prompt) {
        Forms.bound(t, "field-" + name, prompt, vm.value(name));
        t.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                vm.touch(name);
            }
        });
        return t;
    }

    /** How often, in words ("Every 30 minutes"); the form's value stays the seconds. */
    ComboBox<Integer> intervalChoice() {
        StringProperty seconds = vm.value("interval");
        int now = parseOr(seconds.get(), 1800);
        ComboBox<Integer> box = new ComboBox<>(FXCollections.observableArrayList(SyncIntervals.choices(now)));
        box.setId("field-interval");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : SyncIntervals.words(v);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        box.setValue(now);
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                seconds.set(String.valueOf(b));
            }
        });
        box.setAccessibleText(Messages.text("settings.sync.interval.accessible"));
        return box;
    }

    private static int parseOr(String s, int fallback) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
