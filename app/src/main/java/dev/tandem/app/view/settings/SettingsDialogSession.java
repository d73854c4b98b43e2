package dev.tandem.app.view.settings;

import dev.tandem.app.view.Forms;
import dev.tandem.app.vm.settings.AutostartViewModel;
import dev.tandem.app.vm.settings.ShortcutHelp;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The rows of Settings about Tandem outside its window: "Remind me when Tandem is closed" (the reminder agent
 * started with the session) and "Quick add from anywhere" (the command a keyboard shortcut runs, with Copy, and
 * where this desktop binds it).
 */
final class SettingsDialogSession {
    private SettingsDialogSession() {
    }

    /** The check box from row {@code r} of {@code g}; returns the next free row. */
    static int autostart(GridPane g, int r, AutostartViewModel vm) {
        CheckBox box = new CheckBox(Messages.text("settings.autostart.label"));
        box.setId("settings-autostart");
        box.selectedProperty().bindBidirectional(vm.onProperty());
        if (vm.unsupported().isPresent()) {
            box.setDisable(true);
        } else {
            box.disableProperty().bind(vm.busyProperty());
        }
        g.add(box, 1, r++);
        g.add(Forms.hint(vm.unsupported().orElse(vm.hint())), 1, r++);
        Label error = Forms.wrapped("");
        error.setId("settings-autostart-error");
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.textProperty().bind(vm.errorProperty());
        Forms.showOnly(error, vm.errorProperty().isNotEmpty());
        g.add(error, 1, r++);
        return r;
    }

    /** The shortcut's command and where to bind it, from row {@code r}; returns the next free row. */
    static int shortcut(GridPane g, int r, ShortcutHelp help) {
        g.add(Forms.label(Messages.text("settings.shortcut.label")), 0, r);
        Label instruction = Forms.wrapped(help.instruction());
        instruction.setId("settings-shortcut-instruction");
        g.add(instruction, 1, r++);
        if (help.command().isPresent()) {
            TextField command = new TextField(help.command().get());
            command.setId("settings-shortcut-command");
            command.setEditable(false);
            command.setAccessibleText(Messages.text("settings.shortcut.commandA11y"));
            HBox row = new HBox(6, command, Forms.copyButton("settings-shortcut-copy", command));
            HBox.setHgrow(command, Priority.ALWAYS);
            g.add(row, 1, r++);
        }
        Label where = Forms.hint(help.where());
        where.setId("settings-shortcut-where");
        g.add(where, 1, r++);
        return r;
    }
}
