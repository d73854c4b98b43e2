package dev.tandem.app.vm.history;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.model.history.PastProfile;
import dev.tandem.app.model.history.VersionRestore;
import dev.tandem.app.text.PastTimes;
import dev.tandem.app.vm.shared.DayField;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Show as of…": every list as it stood at a date and time, read-only, from the changelog; each
 * item says how it differs from now, and "Restore this item" or "Restore this list" brings it back
 * as new edits (only what differs; fields someone else changed since stay theirs), one undoable step
 * each. Reads and writes run off the UI thread through {@link Async}; no toolkit needed.
 */
public final class AsOfViewModel implements HasFeedback {

    /** A list then: its row (null for the Inbox), name, how many items it held, and whether it is gone now. */
    public record ListRow(TodoList list, String name, int count, boolean goneNow) {
        public String listId() {
            return list == null ? null : list.id();
        }
    }

    /** An item then, and in a few words how it stands now ("as now", "changed since", "deleted since"). */
    public record ItemRow(Item then, String state) {
        public boolean asNow() {
            return state.equals(Messages.text("editor.asOf.state.asNow"));
        }

        /** The item as the list shows it: "✓ Title · due Tue 24 Nov 2026 · @home". */
        public String text() {
            LocalDate day = then.dueDate();
            String title = day == null ? then.titleOrEmpty() : Messages.text("editor.asOf.itemDue", then.titleOrEmpty(),
                    Formats.dayYear(day));
            String tags = then.tags() == null || then.tags().isBlank() ? "" : " · @" + then.tags().replace(" ", " @");
            return (then.isDone() ? "✓ " : "") + title + tags;
        }
    }

    /** A list brought back: the list as it was before (empty: deleted), and its items' plans, for undo. */
    private record ListRestored(Optional<TodoList> before, List<VersionRestore> plans) {
    }

    private final TodoStore store;
    private final ItemVersions versions;
    private final UndoManager undo;
    private final Async async;
    private final Clock clock;
    private final Feedback feedback = new Feedback();
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<PastProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ListRow> lists = FXCollections.observableArrayList();
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private ListRow selected;
    /** The list to choose when the lists show: the window's at first, then the one chosen. */
    private String wantedListId;

    public AsOfViewModel(TodoStore store, ItemVersions versions, UndoManager undo, Async async, Clock clock) {
        this(store, versions, undo, async, clock, null);
    }

    /** {@code currentListId}: the list the window shows (null: the Inbox), chosen when the lists first show. */
    public AsOfViewModel(TodoStore store, ItemVersions versions, UndoManager undo, Async async, Clock clock,
                         String currentListId) {
        this.wantedListId = currentListId;
        this.store = store;
        this.versions = versions;
        this.undo = undo;
        this.async = async;
        this.clock = clock;
        LocalDateTime yesterday = LocalDateTime.now(clock).minusDays(1);
        date.set(yesterday.toLocalDate());
        time.set(String.format(Locale.ROOT, "%02d:%02d", yesterday.getHour(), yesterday.getMinute()));
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** A date as the app writes it, "Tue 24 Nov 2026" (the editor's due date too). */
    public String formatDate(LocalDate d) {
        return DayField.format(d);
    }

    /** A date typed: as {@link #formatDate} writes it, or a phrase ("yesterday", "3 days ago"); else the date it had. */
    public LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return date.get();
        }
        ZoneId zone = clock.getZone();
        return PastTimes.parse(s.strip(), clock, zone).map(i -> i.atZone(zone).toLocalDate()).orElseGet(() -> {
            try {
                return DayField.read(s);
            } catch (DateTimeParseException e) {
                return date.get();
            }
        });
    }

    /** The time of day, "18:00" (24-hour; "6:30" works too). */
    public StringProperty timeProperty() {
        return time;
    }

    /** The profile shown, or null before the first {@link #show}. */
    public ReadOnlyObjectProperty<PastProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ObservableList<ListRow> lists() {
        return lists;
    }

    /** The items of the selected list then. */
    public ObservableList<ItemRow> items() {
        return items;
    }

    /** The moment the date and time fields name, or empty with the reason said. */
    Optional<Instant> moment() {
        ZoneId zone = clock.getZone();
        if (date.get() == null) {
            feedback.fail(Messages.text("editor.asOf.chooseDate"));
            return Optional.empty();
        }
        String t = time.get() == null || time.get().isBlank() ? "23:59" : time.get().strip();
        Optional<Instant> at = PastTimes.parse(date.get() + " " + t, clock, zone);
        if (at.isEmpty()) {
            feedback.fail(Messages.text("editor.asOf.notATime", t));
            return Optional.empty();
        }
        if (at.get().isAfter(clock.instant())) {
            feedback.fail(Messages.text("editor.asOf.future"));
            return Optional.empty();
        }
        return at;
    }

    /** Reads every list as it stood at the chosen date and time. */
    public void show() {
        Optional<Instant> at = moment();
        if (at.isEmpty() || !feedback.begin()) {
            return;
        }
        async.run(() -> PastProfile.read(store, at.get()), p -> {
            profile.set(p);
            List<ListRow> rows = new ArrayList<>();
            rows.add(new ListRow(null, Messages.text("editor.asOf.inbox"), p.itemsOf(null).size(), false));
            for (TodoList l : p.lists()) {
                rows.add(new ListRow(l, l.name() == null ? "" : l.name(), p.itemsOf(l.id()).size(),
                        store.list(l.id()).isEmpty()));
            }
            lists.setAll(rows);
            select(rows.stream().filter(r -> Objects.equals(r.listId(), wantedListId)).findFirst()
                    .orElse(rows.get(0)));
            feedback.end(Messages.text("editor.asOf.shown",
                    Formats.dayYearTime(at.get().atZone(clock.getZone()).toLocalDateTime()), p.items().size(),
                    rows.size() - 1));
        }, e -> feedback.failed(Messages.text("editor.asOf.couldNotRead", Feedback.why(e))));
    }

    /** Shows the items {@code row}'s list held then. */
    public void select(ListRow row) {
        selected = row;
        if (row != null) {
            wantedListId = row.listId();
        }
        PastProfile p = profile.get();
        if (p == null || row == null) {
            items.clear();
            return;
        }
        List<ItemRow> out = new ArrayList<>();
        for (Item then : p.itemsOf(row.listId())) {
            out.add(new ItemRow(then, state(then, p.now().get(then.id()))));
        }
        items.setAll(out);
    }

    public ListRow selected() {
        return selected;
    }

    /** Brings {@code row}'s item back as it stood then (what differs; others' later edits stay). */
    public void restoreItem(ItemRow row) {
        PastProfile p = profile.get();
        if (p == null || row == null || !feedback.begin()) {
            return;
        }
        async.run(() -> {
            VersionRestore plan = versions.plan(row.then(), p.at());
            if (!plan.unchanged()) {
                versions.restore(plan, plan.defaultChoice());
            }
            return plan;
        }, plan -> {
            if (plan.unchanged()) {
                feedback.end(Messages.text("editor.asOf.alreadyAsThen", row.then().titleOrEmpty()));
                return;
            }
            var fields = plan.defaultChoice();
            undo.push(Messages.text("editor.asOf.undoRestoreItem", row.then().titleOrEmpty()),
                    () -> versions.undo(plan, fields),
                    () -> versions.restore(plan, fields));
            feedback.end(Messages.text("editor.asOf.restoredItem", row.then().titleOrEmpty()));
            show();
        }, e -> feedback.failed(Messages.text("editor.asOf.nothingRestored", Feedback.why(e))));
    }

    /** Brings the selected list back as it stood then: its name, and each of its items then. */
    public void restoreList() {
        PastProfile p = profile.get();
        ListRow row = selected;
        if (p == null || row == null || row.list() == null || !feedback.begin()) {
            if (row != null && row.list() == null) {
                feedback.fail(Messages.text("editor.asOf.inboxNotAList"));
            }
            return;
        }
        TodoList then = row.list();
        List<Item> itemsThen = p.itemsOf(then.id());
        async.run(() -> {
            Optional<TodoList> before = store.list(then.id());
            return new ListRestored(before, versions.restoreList(then, itemsThen, p.at()));
        }, r -> {
            Optional<TodoList> before = r.before();
            List<VersionRestore> plans = r.plans();
            undo.push(Messages.text("editor.asOf.undoRestoreList", row.name()),
                    () -> versions.undoList(before, then.id(), plans),
                    () -> versions.restoreList(then, itemsThen, p.at()));
            feedback.end(Messages.text("editor.asOf.restoredList", row.name(), plans.size()));
            show();
        }, e -> feedback.failed(Messages.text("editor.asOf.nothingRestored", Feedback.why(e))));
    }

    private static String state(Item then, Item now) {
        if (now == null) {
            return Messages.text("editor.asOf.state.deleted");
        }
        if (now.isTrashed()) {
            return Messages.text("editor.asOf.state.trashed");
        }
        Item a = then.withTags(null);
        Item b = now.withTags(null);
        return Messages.text(a.equals(b) ? "editor.asOf.state.asNow" : "editor.asOf.state.changed");
    }

}
