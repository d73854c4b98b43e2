package dev.tandem.app.vm.editor;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.Durations;
import dev.tandem.app.text.TodoDraft;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The editor's Time and Length fields for the item it shows: "14:00", "2pm" or "noon" for the time of
 * day on the due date, "30 min", "1h30" for the length; blank clears. Each saves on
 * {@link #commitTime()} or {@link #commitLength()} (Enter or focus loss) as one undo step; text that is
 * no time or length puts back what was stored. A time on a todo without a date gives it the next day
 * that time comes (today if still to come, else tomorrow), as quick add does. A live update refreshes a
 * field only when it holds what was last loaded, so typing survives a sync.
 */
public final class TimeViewModel {
    private final TodoStore store;
    private final Async async;
    private final UndoManager undo;
    private final ReadOnlyObjectProperty<Item> item;
    private final StringProperty timeText = new SimpleStringProperty("");
    private final StringProperty lengthText = new SimpleStringProperty("");
    private String loadedTime = "";
    private String loadedLength = "";

    public TimeViewModel(TodoStore store, Async async, UndoManager undo, ReadOnlyObjectProperty<Item> shown) {
        this.store = store;
        this.async = async;
        this.undo = undo;
        this.item = shown;
        shown.addListener((o, a, b) -> load(a, b));
        load(null, shown.get());
    }

    /** "14:00"; "" for none. */
    public StringProperty timeTextProperty() {
        return timeText;
    }

    /** "30 min", "1 h 30 min"; "" for none. */
    public StringProperty lengthTextProperty() {
        return lengthText;
    }

    private void load(Item before, Item next) {
        boolean other = before == null || next == null || !before.id().equals(next.id());
        String t = next == null || next.timeOfDay() == null ? "" : next.dueTime();
        if (other || timeText.get().equals(loadedTime)) {
            timeText.set(t);
        }
        loadedTime = t;
        String l = next == null || next.lengthMinutes() == 0 ? "" : Durations.format(next.lengthMinutes());
        if (other || lengthText.get().equals(loadedLength)) {
            lengthText.set(l);
        }
        loadedLength = l;
    }

    /** Saves the time; on a todo without a due date it gets one, the next day that time comes. */
    public void commitTime() {
        Item it = item.get();
        String text = timeText.get() == null ? "" : timeText.get().strip();
        if (it == null || text.equals(loadedTime)) {
            return;
        }
        Optional<LocalTime> t = text.isEmpty() ? Optional.empty() : TodoDraft.time(text);
        if (!text.isEmpty() && t.isEmpty()) {
            timeText.set(loadedTime);
            return;
        }
        LocalTime want = t.orElse(null);
        loadedTime = want == null ? "" : Item.TIME.format(want);
        timeText.set(loadedTime);
        String id = it.id();
        LocalDate oldDue = it.dueDate();
        String oldTime = it.dueTime();
        LocalDate due = oldDue != null || want == null ? oldDue : TodoDraft.nextDay(want, ZonedDateTime.now(store.dateClock()));
        async.run(() -> store.update(id, x -> (x.dueDate() == null ? x.withDue(due) : x).withDueTime(want)),
                b -> undo.push(Messages.text(want == null ? "editor.undo.removeTime" : "editor.undo.setTime"),
                        () -> store.update(id, x -> x.withDue(oldDue).withDueTimeText(oldTime)),
                        () -> store.update(id, x -> (x.dueDate() == null ? x.withDue(due) : x).withDueTime(want))));
    }

    /** Saves the length. */
    public void commitLength() {
        Item it = item.get();
        String text = lengthText.get() == null ? "" : lengthText.get().strip();
        if (it == null || text.equals(loadedLength)) {
            return;
        }
        Optional<Integer> m = text.isEmpty() ? Optional.empty() : Durations.parse(text);
        if (!text.isEmpty() && m.isEmpty()) {
            lengthText.set(loadedLength);
            return;
        }
        Long want = m.map(Integer::longValue).orElse(null);
        loadedLength = m.map(Durations::format).orElse("");
        lengthText.set(loadedLength);
        String id = it.id();
        Long old = it.durationMinutes();
        async.run(() -> store.update(id, x -> x.withDuration(want)), b -> undo.push(
                Messages.text(want == null ? "editor.undo.removeLength" : "editor.undo.setLength"),
                () -> store.update(id, x -> x.withDuration(old)), () -> store.update(id, x -> x.withDuration(want))));
    }
}
