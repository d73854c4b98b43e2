package dev.tandem.app.vm.editor;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.reminder.ReminderStore;
import dev.tandem.app.text.QuickAdd;
import dev.tandem.app.text.RepeatPhrases;
import dev.tandem.app.text.TodoDraft;
import dev.tandem.app.vm.shared.PassedTime;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The editor's priority, tags, repeat and reminder fields for the item the editor shows. Priority saves
 * at once; the text fields save on {@link #commitTags()}, {@link #commitRepeat()} and
 * {@link #commitRemind()} (Enter or focus loss). A live update refreshes a text field only when it holds
 * what was last loaded, so typing survives a sync. Every save is one undo step. A reminder time that has
 * passed is kept but never pops up (see {@code ReminderScheduler}); {@link #remindNoteProperty()} says so.
 */
public final class DetailsViewModel {

    private final TodoStore store;
    private final Async async;
    private final UndoManager undo;
    private final SeriesStore series;
    private final ReminderStore reminders;
    private final TagStore tags;
    private final TimeViewModel time;
    private final WhenViewModel when;

    private final ObjectProperty<Integer> priority = new SimpleObjectProperty<>(0);
    private final StringProperty tagsText = new SimpleStringProperty("");
    private final StringProperty repeatText = new SimpleStringProperty("");
    private final StringProperty remindText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper remindNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper repeatProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper repeating = new ReadOnlyBooleanWrapper(false);
    private final SimpleObjectProperty<Item> item = new SimpleObjectProperty<>();
    private String loadedTags = "";
    private String loadedRepeat = "";
    private String loadedRemind = "";
    private boolean loading;

    public DetailsViewModel(TodoStore store, Async async, UndoManager undo, ReadOnlyObjectProperty<Item> shown) {
        this.store = store;
        this.async = async;
        this.undo = undo;
        this.series = store.series();
        this.reminders = new ReminderStore(store);
        this.tags = store.tags();
        this.time = new TimeViewModel(store, async, undo, shown);
        this.when = new WhenViewModel(store, async, undo, shown);
        shown.addListener((o, a, b) -> load(a, b));
        load(null, shown.get());
        priority.addListener((o, a, b) -> {
            if (!loading) {
                savePriority(b == null ? 0 : b);
            }
        });
    }

    /** The start date and Someday of the item shown. */
    public WhenViewModel when() {
        return when;
    }

    /** The time of day and length of the item shown. */
    public TimeViewModel time() {
        return time;
    }

    /** 0 (none) to 4. */
    public ObjectProperty<Integer> priorityProperty() {
        return priority;
    }

    /** "home, work". */
    public StringProperty tagsTextProperty() {
        return tagsText;
    }

    /** "every Monday"; "" for none. */
    public StringProperty repeatTextProperty() {
        return repeatText;
    }

    /** "Thu 19 Nov, 18:00"; "" for none. Typing accepts "9am", "tomorrow 18:00". */
    public StringProperty remindTextProperty() {
        return remindText;
    }

    /** "9:00 today has passed; no reminder will pop up." when the stored reminder time has passed; else "". */
    public ReadOnlyStringProperty remindNoteProperty() {
        return remindNote.getReadOnlyProperty();
    }

    /** Why the repeat typed was not saved, with phrases that would be; "" once it is saved or another item shows. */
    public ReadOnlyStringProperty repeatProblemProperty() {
        return repeatProblem.getReadOnlyProperty();
    }

    /** The item repeats: Skip and End series apply. */
    public ReadOnlyBooleanProperty repeatingProperty() {
        return repeating.getReadOnlyProperty();
    }

    private void load(Item before, Item next) {
        item.set(next);
        boolean other = before == null || next == null || !before.id().equals(next.id());
        loading = true;
        try {
            priority.set(next == null ? 0 : next.priorityLevel());
            String t = next == null ? "" : String.join(", ", next.tagList());
            if (other || tagsText.get().equals(loadedTags)) {
                tagsText.set(t);
            }
            loadedTags = t;
            String r = next == null || next.recurrence() == null ? "" : next.recurrence().describe();
            if (other || repeatText.get().equals(loadedRepeat)) {
                repeatText.set(r);
                repeatProblem.set("");
            }
            loadedRepeat = r;
            String m = next == null || next.remindAt() == null ? "" : formatRemind(next.remindAt());
            if (other || remindText.get().equals(loadedRemind)) {
                remindText.set(m);
            }
            loadedRemind = m;
            noteRemind(next == null ? null : next.remindAt());
            repeating.set(next != null && next.recurrence() != null);
        } finally {
            loading = false;
        }
    }

    public String formatRemind(long at) {
        return Formats.dayTime(Instant.ofEpochMilli(at).atZone(store.dateClock().getZone()).toLocalDateTime());
    }

    private void noteRemind(Long at) {
        ZonedDateTime now = ZonedDateTime.now(store.dateClock());
        remindNote.set(at == null || at > now.toInstant().toEpochMilli() ? ""
                : Messages.text("editor.remind.passed", PassedTime.of(at, now)));
    }

    private void savePriority(int p) {
        Item it = item.get();
        if (it == null || it.priorityLevel() == p) {
            return;
        }
        String id = it.id();
        Integer want = p == 0 ? null : p;
        Integer old = it.priorityLevel() == 0 ? null : it.priorityLevel();
        async.run(() -> store.update(id, x -> x.withPriority(want)), b -> undo.push(
                Messages.text("editor.undo.setPriority"),
                () -> store.update(id, x -> x.withPriority(old)), () -> store.update(id, x -> x.withPriority(want))));
    }

    public void commitTags() {
        Item it = item.get();
        if (it == null || Objects.equals(tagsText.get(), loadedTags)) {
            return;
        }
        String id = it.id();
        List<String> want = Arrays.stream(tagsText.get().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        loadedTags = tagsText.get();
        async.run(() -> tags.set(id, want), before -> undo.push(Messages.text("editor.undo.editTags"),
                () -> tags.set(id, before),
                () -> tags.set(id, want)));
    }

    /**
     * Saves the repeat phrase, in the language Tandem speaks or English ({@link RepeatPhrases#field}), as quick
     * add reads it; one it cannot read saves nothing, stays in the field and says why ({@link #repeatProblemProperty}).
     */
    public void commitRepeat() {
        Item it = item.get();
        String text = repeatText.get() == null ? "" : repeatText.get().strip();
        if (it == null || text.equals(loadedRepeat)) {
            return;
        }
        Optional<Recurrence> rule = text.isEmpty() ? Optional.empty()
                : RepeatPhrases.field(text).or(() -> ownRepeat(text));
        if (!text.isEmpty() && rule.isEmpty()) {
            repeatProblem.set(Messages.text("editor.repeat.unreadable", text));
            return;
        }
        repeatProblem.set("");
        loadedRepeat = rule.map(Recurrence::describe).orElse("");
        repeatText.set(loadedRepeat);
        String id = it.id();
        String oldRule = it.repeat();
        String oldSeries = it.seriesId();
        LocalDate oldDue = it.dueDate();
        async.run(() -> series.setRepeat(id, rule.orElse(null)), b -> undo.push(
                Messages.text("editor.undo.editRepeat"),
                () -> store.update(id, x -> x.withRepeat(oldRule, oldSeries).withDue(oldDue)),
                () -> series.setRepeat(id, rule.orElse(null))));
    }

    /** A repeat in the words of the language Tandem speaks ("alle 2 Wochen"), as quick add reads it. */
    private Optional<Recurrence> ownRepeat(String text) {
        TodoDraft d = TodoDraft.parse("x " + text, store.today());
        return d.title().equals("x") ? Optional.ofNullable(d.repeat()) : Optional.empty();
    }

    /** Saves the reminder: "9am" (on the due date, else the next 9:00), "tomorrow 18:00", blank for none. */
    public void commitRemind() {
        Item it = item.get();
        String text = remindText.get() == null ? "" : remindText.get().strip();
        if (it == null || text.equals(loadedRemind)) {
            return;
        }
        Long at = null;
        if (!text.isEmpty()) {
            TodoDraft d = TodoDraft.parse("x " + text, store.today());
            if (d.anyTime() == null || !d.title().equals("x")) {
                remindText.set(loadedRemind);
                return;
            }
            LocalDate on = d.due() != null ? d.due() : it.dueDate();
            at = new TodoDraft(new QuickAdd("x", on, null), null, List.of(), null, d.anyTime())
                    .remindAt(ZonedDateTime.now(store.dateClock()));
        }
        loadedRemind = at == null ? "" : formatRemind(at);
        remindText.set(loadedRemind);
        noteRemind(at);
        String id = it.id();
        Long want = at;
        Long old = it.remindAt();
        async.run(() -> reminders.setRemindAt(id, want), b -> undo.push(Messages.text("editor.undo.setReminder"),
                () -> reminders.setRemindAt(id, old), () -> reminders.setRemindAt(id, want)));
    }

    /** Moves a repeating todo on to its next occurrence without completing it; a note never repeats. */
    public void skip() {
        Item it = item.get();
        if (it == null || it.recurrence() == null || it.isNote()) {
            return;
        }
        String id = it.id();
        async.run(() -> series.skip(id), step -> step.ifPresent(s -> {
            // Redo skips again (making the next occurrence again); undo then takes back that skip.
            AtomicReference<SeriesStore.Step> last = new AtomicReference<>(s);
            undo.push(Messages.text("editor.undo.skip", it.titleOrEmpty()), () -> series.unskip(last.get()),
                    () -> series.skip(id).ifPresent(last::set));
        }));
    }

    /** Stops the todo repeating. */
    public void endSeries() {
        Item it = item.get();
        if (it == null || it.recurrence() == null) {
            return;
        }
        String id = it.id();
        String rule = it.repeat();
        async.run(() -> series.endSeries(id), b -> undo.push(Messages.text("editor.undo.endSeries"), () ->
                store.update(id, x -> x.withRepeat(rule, x.seriesId())), () -> series.endSeries(id)));
    }
}
