package dev.tandem.app.view.agenda;

import dev.tandem.app.view.DetailsLine;
import dev.tandem.app.view.Icons;
import dev.tandem.app.view.PriorityMarker;
import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.view.StyleClasses;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.agenda.AgendaRow;
import dev.tandem.app.vm.agenda.AgendaViewModel;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;

/**
 * The agenda: a heading per day and the todos under it ({@link AgendaViewModel}). Selecting a todo
 * opens it in the editor as the lists do; Space or its check box completes it; a repeating todo's
 * later dates ({@code :occurrence}) have a disabled check box and open the series' open todo. The subscribed
 * calendars' events are rows too, read-only: their calendar's colour, title, when and where, details on hover.
 */
public final class AgendaView extends ListView<AgendaRow> {
    private final AgendaViewModel agenda;
    private final MainViewModel vm;
    private Runnable onOpen;
    private String rememberedKey;

    AgendaView(MainViewModel vm) {
        super(vm.agenda().rows());
        this.vm = vm;
        this.agenda = vm.agenda();
        setId("agenda");
        getStyleClass().addAll(Styles.ITEM_LIST, Styles.AGENDA_LIST);
        setAccessibleText(Messages.text("main.sidebar.agenda"));
        setCellFactory(lv -> new AgendaCell());
        getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && row.isTodo()) {
                agenda.open(row);
            }
        });
        // A live update may replace the selected row (same key, new content): keep it selected.
        agenda.live().onBeforeApply(() -> {
            AgendaRow sel = getSelectionModel().getSelectedItem();
            rememberedKey = sel == null ? null : sel.key();
        });
        agenda.live().onAfterApply(stats -> {
            AgendaRow sel = getSelectionModel().getSelectedItem();
            if (rememberedKey != null && (sel == null || !sel.key().equals(rememberedKey))) {
                for (int i = 0; i < getItems().size(); i++) {
                    if (getItems().get(i).key().equals(rememberedKey)) {
                        getSelectionModel().select(i);
                        return;
                    }
                }
            }
        });
        vm.todayProperty().addListener((o, a, b) -> refresh());
        setOnKeyPressed(e -> {
            AgendaRow sel = getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && sel != null) {
                agenda.complete(sel);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && sel != null && sel.isTodo() && onOpen != null) {
                onOpen.run();
                e.consume();
            }
        });
    }

    /**
     * Adds the agenda over {@code body}'s list the first time {@code shown} turns true, so it is not part
     * of the first frame's work, and hands it to {@code added}; shown and hidden with {@code shown}.
     */
    public static void addWhenShown(StackPane body, MainViewModel vm, ObservableBooleanValue shown, Runnable onOpen,
            Consumer<AgendaView> added) {
        shown.addListener((o, a, now) -> {
            if (now && body.lookup("#agenda") == null) {
                AgendaView view = new AgendaView(vm);
                view.visibleProperty().bind(shown);
                view.setOnOpen(onOpen);
                body.getChildren().add(view);
                added.accept(view);
            }
        });
    }

    /** Enter or a double click on a todo: the window moves the focus to the editor. */
    void setOnOpen(Runnable r) {
        this.onOpen = r;
    }

    private final class AgendaCell extends ListCell<AgendaRow> {
        private final Label heading = new Label();
        private final Label date = new Label();
        private final HBox headingBox = new HBox(8, heading, date);
        /** A day's heading (not the overdue group's): "Plan this day". */
        private final ContextMenu dayMenu = new ContextMenu();
        private LocalDate headingDay;
        private final Label empty = new Label();
        private final CheckBox check = new CheckBox();
        private final PriorityMarker marker = new PriorityMarker();
        private final Label title = new Label();
        private final DetailsLine meta = new DetailsLine();
        private final Label time = metaLabel(Icons.TIME);
        private final Label due = metaLabel(Icons.TODAY);
        private final Label listName = metaLabel(Icons.LIST);
        private final Label repeat = metaLabel(Icons.REPEAT);
        private final HBox todo;
        private final Region swatch = new Region();
        private final Label eventTitle = new Label();
        private final Label eventMeta = metaLabel(Icons.TIME);
        private final HBox event;
        private final Tooltip eventTip = eventTip();
        private boolean updating;

        AgendaCell() {
            setPrefWidth(0);
            MenuItem plan = new MenuItem(Messages.text("main.plan.thisDay"));
            plan.setOnAction(e -> {
                if (headingDay != null) {
                    vm.planning().planDay(headingDay);
                }
            });
            dayMenu.getItems().add(plan);
            headingBox.setAlignment(Pos.BASELINE_LEFT);
            headingBox.getStyleClass().add(Styles.AGENDA_HEADING);
            date.getStyleClass().add(Styles.AGENDA_DATE);
            empty.getStyleClass().add(Styles.AGENDA_EMPTY);
            title.getStyleClass().add(Styles.ITEM_TITLE);
            due.getStyleClass().add(Styles.DUE_OVERDUE);
            check.setFocusTraversable(false);
            check.addEventFilter(MouseEvent.ANY, e -> {
                if (e.getClickCount() > 1) {
                    e.consume();
                }
            });
            check.selectedProperty().addListener((o, a, b) -> {
                if (!updating && b && getItem() != null) {
                    agenda.complete(getItem());
                }
            });
            VBox text = new VBox(2, title, meta.node());
            text.setAlignment(Pos.CENTER_LEFT);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            todo = new HBox(12, marker, check, text);
            todo.setAlignment(Pos.CENTER_LEFT);
            swatch.getStyleClass().add(Styles.AGENDA_EVENT);
            eventTitle.getStyleClass().add(Styles.ITEM_TITLE);
            VBox eventText = new VBox(2, eventTitle, eventMeta);
            eventText.setMinWidth(0);
            HBox.setHgrow(eventText, Priority.ALWAYS);
            event = new HBox(12, swatch, eventText);
            event.setAlignment(Pos.CENTER_LEFT);
            eventTip.setWrapText(true);
            eventTip.setMaxWidth(360);
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null && getItem().isTodo() && onOpen != null) {
                    onOpen.run();
                }
            });
        }

        /**
         * A details label with its icon, made once per cell: the cell shows row after row, and a node made or put
         * back at each update would be styled anew each time (as {@code ItemCell}'s are).
         */
        /** An event row's tooltip: its details as soon as on the week's and month's blocks, wrapped. */
        private static Tooltip eventTip() {
            Tooltip tip = new Tooltip();
            tip.setShowDelay(javafx.util.Duration.millis(300));
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            return tip;
        }

        private static Label metaLabel(Ikon icon) {
            Label l = new Label(null, Icons.of(icon, 13));
            l.getStyleClass().add(Styles.ITEM_META);
            return l;
        }

        @Override
        protected void updateItem(AgendaRow r, boolean isEmpty) {
            super.updateItem(r, isEmpty);
            boolean isTodo = !isEmpty && r != null && r.isTodo();
            StyleClasses.set(this, Styles.ITEM_CELL, isTodo);
            if (!isTodo) {
                pseudoClassStateChanged(PseudoStates.OCCURRENCE, false);
            }
            if (isEmpty || r == null || r.kind() != AgendaRow.Kind.EVENT) {
                setTooltip(null);
            }
            headingDay = !isEmpty && r != null && r.isHeading() ? r.date() : null;
            setContextMenu(headingDay == null ? null : dayMenu);
            if (isEmpty || r == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            switch (r.kind()) {
                case HEADING -> {
                    heading.setText(r.text());
                    date.setText(r.detail());
                    headingBox.pseudoClassStateChanged(PseudoStates.OVERDUE, r.isOverdue());
                    headingBox.pseudoClassStateChanged(PseudoStates.TODAY, Messages.text("main.agenda.today").equals(r.text()));
                    setAccessibleText(r.detail().isEmpty() ? r.text()
                            : Messages.text("main.agenda.a11y.heading", r.text(), r.detail()));
                    setGraphic(headingBox);
                }
                case EVENT -> showEvent(r.event());
                case EMPTY -> {
                    empty.setText(r.text());
                    setAccessibleText(r.text());
                    setGraphic(empty);
                }
                default -> showTodo(r);
            }
        }

        /** A read-only event: its calendar's colour beside its title, when, calendar and place. */
        private void showEvent(EventEntry e) {
            // Only the colour comes from data (checked to be #rrggbb); how it is used is the stylesheet's.
            swatch.setStyle(e.colour().isEmpty() ? "" : "-event-colour: " + e.colour() + ";");
            eventTitle.setText(e.title());
            eventMeta.setText(e.location().isEmpty()
                    ? Messages.text("main.agenda.event.detail", e.whenText(), e.calendar())
                    : Messages.text("main.agenda.event.detailWhere", e.whenText(), e.calendar(), e.location()));
            eventTip.setText(e.details());
            setTooltip(eventTip);
            setAccessibleText(e.spoken());
            setGraphic(event);
        }

        private void showTodo(AgendaRow r) {
            ItemRow it = r.row();
            boolean occurrence = !r.canComplete();
            pseudoClassStateChanged(PseudoStates.OCCURRENCE, occurrence);
            updating = true;
            check.setSelected(false);
            updating = false;
            check.setDisable(occurrence);
            title.setText(r.text());
            meta.clear();
            if (!it.timeText().isEmpty()) {
                time.setText(it.timeText());
                meta.add(time);
            }
            if (!r.detail().isEmpty()) {
                due.setText(r.detail());
                meta.add(due);
            }
            String list = vm.rowLabels().listLabel(it);
            if (list != null) {
                listName.setText(list);
                meta.add(listName);
            }
            if (!it.repeatText().isEmpty()) {
                repeat.setText(occurrence ? Messages.text("main.agenda.repeats", it.repeatText()) : it.repeatText());
                meta.add(repeat);
            }
            meta.addTags(it.tags());
            meta.show();
            marker.show(it.priority());
            String spoken = it.timeText().isEmpty() ? r.text() : Messages.text("main.agenda.a11y.time", r.text(), it.timeText());
            if (!r.detail().isEmpty()) {
                spoken = Messages.text("main.agenda.a11y.overdue", spoken, r.detail());
            }
            setAccessibleText(occurrence ? Messages.text("main.agenda.a11y.occurrence", spoken) : spoken);
            setGraphic(todo);
        }
    }
}
