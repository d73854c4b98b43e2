package dev.tandem.app.view.settings;

import static dev.tandem.app.view.Forms.form;
import static dev.tandem.app.view.Forms.hint;

import dev.tandem.app.view.Forms;
import dev.tandem.app.vm.settings.LanguageViewModel;
import dev.tandem.app.vm.settings.MoreSettings;
import dev.tandem.app.vm.settings.SettingsOffers;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.app.vm.settings.WeekStartViewModel;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The part of Settings shown in every mode, Off too: this device's name (not a sync setting), the buttons that open
 * the dialogs beside ("Phone (CalDAV)…", "Devices…", "Attachments…", "Calendars…"), the language, the week's first
 * day, and the rows about Tandem outside its window ({@link SettingsDialogSession}). Each row is there only where the window offers it
 * ({@link SettingsOffers}). The dialogs it opens are owned by Settings' window, read when the button is clicked.
 */
final class SettingsDeviceSection {
    private final SettingsViewModel vm;
    private final SettingsFields fields;
    private final Supplier<Window> owner;
    private final List<String> stylesheets;

    /** {@code stylesheets}: Settings' own, live, which the dialogs it opens use too. */
    SettingsDeviceSection(SettingsViewModel vm, SettingsFields fields, Supplier<Window> owner, List<String> stylesheets) {
        this.vm = vm;
        this.fields = fields;
        this.owner = owner;
        this.stylesheets = stylesheets;
    }

    GridPane build() {
        GridPane deviceForm = form();
        String device = SettingsViewModel.DEVICE_NAME;
        TextField deviceName = Forms.textField(device, Messages.text("settings.sync.device.prompt"),
                vm.deviceNameProperty(), () -> vm.touch(device));
        fields.row(deviceForm, 0, Messages.text("settings.sync.device.label"), deviceName, device);
        // Not beside "Encryption keys…": CalDAV works with sync Off too. Which dialogs are offered is read now,
        // the view-model each opens with when it is clicked.
        MoreSettings more = vm.offers().more();
        HBox others = new HBox(8,
                opens("settings-caldav", Messages.text("settings.sync.phone"), more.offersPhoneSync(),
                        () -> new CalDavDialog(owner.get(), vm.offers().more().phoneSync(), stylesheets).showAndWait()),
                // The devices syncing with the saved remote, and forgetting one gone for good.
                opens("settings-devices", Messages.text("settings.sync.devices"), more.offersDevices(),
                        () -> new DevicesDialog(owner.get(), vm.offers().more().devices(), stylesheets).showAndWait()),
                // The size limit, what stays on this device, and cleaning up the remote.
                opens("settings-attachments", Messages.text("settings.sync.attachments"), more.offersAttachments(),
                        () -> new AttachmentSettingsDialog(owner.get(), vm.offers().more().attachments(), stylesheets)
                                .showAndWait()),
                // The calendars this device shows beside its todos.
                opens("settings-calendars", Messages.text("settings.sync.calendars"), more.offersCalendars(),
                        () -> new CalendarsDialog(owner.get(), vm.offers().more().calendars(), stylesheets)
                                .showAndWait()));
        deviceForm.add(others, 1, 2);
        SettingsOffers offers = vm.offers();
        offers.language().ifPresent(language -> languageRow(deviceForm, 3, language));
        offers.weekStart().ifPresent(week -> weekStartRow(deviceForm, 5, week));
        int next = 6;
        if (offers.autostart().isPresent()) {
            next = SettingsDialogSession.autostart(deviceForm, next, offers.autostart().get());
        }
        if (offers.shortcut().isPresent()) {
            SettingsDialogSession.shortcut(deviceForm, next, offers.shortcut().get());
        }
        return deviceForm;
    }

    /**
     * Language: the system's or a shipped one, saved as soon as it is chosen (it applies at the next start,
     * whichever button closes the dialog), with the line saying so under it.
     */
    private static void languageRow(GridPane g, int r, LanguageViewModel language) {
        ComboBox<LanguageViewModel.Choice> box = new ComboBox<>(FXCollections.observableArrayList(language.choices()));
        box.setId("field-language");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(LanguageViewModel.Choice c) {
                return c == null ? "" : c.label();
            }

            @Override
            public LanguageViewModel.Choice fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(language.selectedProperty());
        g.add(Forms.label(Messages.text("settings.language.label")), 0, r);
        g.add(box, 1, r);
        Label notice = hint("");
        notice.setId("settings-language-notice");
        notice.textProperty().bind(language.noticeProperty());
        Forms.showOnly(notice, language.noticeProperty().isNotEmpty());
        g.add(notice, 1, r + 1);
    }

    /** Week starts on: the language's and region's day, or one chosen; it applies at once. */
    private static void weekStartRow(GridPane g, int r, WeekStartViewModel week) {
        ComboBox<WeekStartViewModel.Choice> box = new ComboBox<>(FXCollections.observableArrayList(week.choices()));
        box.setId("field-week-start");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(WeekStartViewModel.Choice c) {
                return c == null ? "" : c.label();
            }

            @Override
            public WeekStartViewModel.Choice fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(week.selectedProperty());
        g.add(Forms.label(Messages.text("settings.weekStart.label")), 0, r);
        g.add(box, 1, r);
    }

    /** A button that opens another dialog over Settings; shown only where the window offers it. */
    private static Button opens(String id, String text, boolean offered, Runnable open) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> open.run());
        b.setVisible(offered);
        b.setManaged(offered);
        return b;
    }
}
