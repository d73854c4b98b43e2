package dev.tandem.app.view.settings;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.settings.CalendarRow;
import dev.tandem.app.vm.settings.CalendarsViewModel;
import dev.tandem.app.vm.settings.FoundCalendarChoice;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/**
 * Settings → Calendars: the calendars this device shows, each with its check box, colour, source, events and
 * when it was read or why it could not be; "Refresh now"; adding a feed by address, a .ics file, or a CalDAV
 * account's event calendars; this device's working hours for "Plan my day"; "me", the address whose declined
 * invitations are left out. Its state is a {@link CalendarsViewModel}; this class only lays out and binds.
 * The list scrolls inside a box of its own, so many calendars keep the dialog on a small screen.
 */
public final class CalendarsDialog extends TandemDialog<CalendarsViewModel, Void> {
    private final VBox list = new VBox(6);
    private final VBox choices = new VBox(4);

    public CalendarsDialog(Window owner, CalendarsViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "calendars-dialog", Messages.text("settings.calendars.title"), 760);
        closeButton();
        getDialogPane().setContent(content());
        vm.rows().addListener((ListChangeListener<CalendarRow>) c -> renderRows());
        vm.found().addListener((ListChangeListener<FoundCalendarChoice>) c -> renderChoices());
        vm.messageProperty().addListener((o, a, b) -> fit());
        renderRows();
        vm.load();
        vm.loadHours();
        vm.loadMe();
    }

    private Node content() {
        Label help = Forms.hint(Messages.text("settings.calendars.help"));
        ScrollPane listBox = new ScrollPane(list);
        listBox.setId("calendars-list");
        listBox.getStyleClass().add("calendars-list");
        listBox.setFitToWidth(true);
        listBox.setPrefViewportHeight(180);
        listBox.setMaxHeight(Region.USE_PREF_SIZE);
        Button refresh = action("calendars-refresh", Messages.text("settings.calendars.refresh"), vm::refreshNow);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        HBox refreshRow = new HBox(10, refresh, spinner);
        refreshRow.setAlignment(Pos.CENTER_LEFT);

        TextField url = Forms.bound(new TextField(), "calendars-feed-url", Messages.text("settings.calendars.feed.prompt"),
                vm.feedUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        url.setOnAction(e -> vm.addFeed());
        Button addFeed = action("calendars-add-feed", Messages.text("settings.calendars.addFeed"), vm::addFeed);
        Button addFile = action("calendars-add-file", Messages.text("settings.calendars.addFile"), vm::chooseAndAddFile);
        HBox feedRow = new HBox(8, url, addFeed, addFile);
        feedRow.setAlignment(Pos.CENTER_LEFT);

        GridPane account = Forms.form();
        int r = Forms.row(account, 0, Messages.text("settings.calendars.account.url.label"), Forms.bound(new TextField(),
                "calendars-account-url", Messages.text("settings.calendars.account.url.prompt"), vm.accountUrlProperty()));
        r = Forms.row(account, r, Messages.text("settings.calendars.account.user.label"),
                Forms.bound(new TextField(), "calendars-account-user", "", vm.accountUserProperty()));
        Forms.row(account, r, Messages.text("settings.calendars.account.password.label"), Forms.bound(new PasswordField(),
                "calendars-account-password", Messages.text("settings.calendars.account.password.prompt"),
                vm.accountPasswordProperty()));
        Button discover = action("calendars-discover", Messages.text("settings.calendars.discover"), vm::discover);
        Button addChosen = action("calendars-add-chosen", Messages.text("settings.calendars.addChosen"), vm::addChosen);
        Forms.showOnly(addChosen, Bindings.isNotEmpty(vm.found()));
        choices.getStyleClass().add("calendars-found");
        HBox accountButtons = new HBox(10, discover, addChosen);
        accountButtons.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(10, help, listBox, refreshRow,
                Forms.label(Messages.text("settings.calendars.feed.heading")), feedRow,
                Forms.label(Messages.text("settings.calendars.account.heading")), account, accountButtons, choices,
                Forms.label(Messages.text("settings.calendars.hours.heading")), hoursRow(),
                Forms.label(Messages.text("settings.calendars.me.heading")), meRow(),
                messageLine("calendars-message", vm));
        box.getStyleClass().add("calendars-content");
        return box;
    }

    /** From, To and Save: the times typed stay as typed until saved; Enter in either saves. */
    private Node hoursRow() {
        Label help = Forms.hint(Messages.text("settings.calendars.hours.help"));
        TextField start = time("calendars-hours-start", vm.hoursStartProperty());
        TextField end = time("calendars-hours-end", vm.hoursEndProperty());
        Button save = action("calendars-hours-save", Messages.text("settings.calendars.hours.save"), vm::saveHours);
        Label from = new Label(Messages.text("settings.calendars.hours.start"));
        from.setLabelFor(start);
        Label to = new Label(Messages.text("settings.calendars.hours.end"));
        to.setLabelFor(end);
        HBox row = new HBox(8, from, start, to, end, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, help, row);
    }

    /** "Me": an address or nothing, kept as typed until saved; Enter saves. */
    private Node meRow() {
        Label help = Forms.hint(Messages.text("settings.calendars.me.help"));
        TextField address = Forms.bound(new TextField(), "calendars-me", Messages.text("settings.calendars.me.prompt"),
                vm.meProperty());
        address.setOnAction(e -> vm.saveMe());
        HBox.setHgrow(address, Priority.ALWAYS);
        help.setLabelFor(address);
        Button save = action("calendars-me-save", Messages.text("settings.calendars.me.save"), vm::saveMe);
        HBox row = new HBox(8, address, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, help, row);
    }

    private TextField time(String id, StringProperty value) {
        TextField f = Forms.bound(new TextField(), id, "", value);
        f.setPrefColumnCount(5);
        f.setOnAction(e -> vm.saveHours());
        return f;
    }

    private void renderRows() {
        list.getChildren().clear();
        for (CalendarRow row : vm.rows()) {
            list.getChildren().add(row(row));
        }
        if (vm.rows().isEmpty()) {
            Label none = Forms.hint(Messages.text("settings.calendars.none"));
            none.setId("calendars-none");
            list.getChildren().add(none);
        }
        fit();
    }

    private Node row(CalendarRow row) {
        CheckBox shown = new CheckBox(row.name());
        shown.setId("calendar-shown-" + id(row.name()));
        shown.getStyleClass().add("calendars-name");
        shown.selectedProperty().bindBidirectional(row.shown());
        ColorPicker colour = new ColorPicker(row.colour().isEmpty() ? Color.GRAY : Color.web(row.colour()));
        colour.setId("calendar-colour-" + id(row.name()));
        colour.getStyleClass().addAll(ColorPicker.STYLE_CLASS_BUTTON, "calendars-colour");
        colour.setAccessibleText(Messages.text("settings.calendars.colour"));
        colour.setOnAction(e -> vm.colour(row.name(), hex(colour.getValue())));
        Label source = new Label(row.source());
        source.setMinWidth(0);
        source.getStyleClass().add("calendars-source");
        Label state = new Label(row.state());
        state.setId("calendar-state-" + id(row.name()));
        state.setWrapText(true);
        state.getStyleClass().add(row.failed() ? "calendars-problem" : "calendars-state");
        VBox text = new VBox(2, shown, source, state);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        Button rename = new Button(Messages.text("settings.calendars.rename"));
        rename.setId("calendar-rename-" + id(row.name()));
        rename.setOnAction(e -> vm.askRename(row.name()));
        rename.setMinWidth(Region.USE_PREF_SIZE);
        Button remove = new Button(Messages.text("settings.calendars.remove"));
        remove.setId("calendar-remove-" + id(row.name()));
        remove.setOnAction(e -> vm.remove(row.name()));
        remove.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, colour, text, rename, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("calendars-row");
        return line;
    }

    private void renderChoices() {
        choices.getChildren().clear();
        for (FoundCalendarChoice c : vm.found()) {
            CheckBox box = new CheckBox(c.name());
            box.setId("calendars-found-" + id(c.name()));
            box.selectedProperty().bindBidirectional(c.chosen());
            choices.getChildren().add(box);
        }
        fit();
    }

    private Button action(String id, String text, Runnable command) {
        Button b = Forms.action(id, text, command, vm.busyProperty());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** A calendar's name as a part of a node's id: letters, digits, "-" and "_" (a selector finds it). */
    private static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** {@code c} as {@code #rrggbb}, the only form a calendar's colour is kept in. */
    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
