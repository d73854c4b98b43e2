package dev.tandem.app.vm.history;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.history.ItemField;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.model.history.VersionRestore;
import dev.tandem.app.text.Durations;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.conflict.TextConflict;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Versions" of one todo or note: every version, newest first; the one selected shown as it was
 * (its fields against now, its notes as a line diff against now, the files it had then); and "Restore this version",
 * which writes the chosen fields back as one new edit that syncs, undone as one step. Fields someone
 * else changed since start unchosen ({@link VersionRestore#defaultChoice}). Reads and writes run off
 * the UI thread through {@link Async}; no toolkit needed.
 */
public final class VersionsViewModel implements HasFeedback {
    /** One version as the list shows it. */
    public record Row(ItemVersions.Version version, String when, String device, String what) {
        /** The version's number: 1 for the item's creation, counting up. */
        public int number() {
            return version.number();
        }
    }

    /** One field that differs, with whether it is chosen for the restore. */
    public static final class Choice {
        private final ItemField field;
        private final String then;
        private final String now;
        private final String changedBy;
        private final BooleanProperty chosen;

        Choice(ItemField field, String then, String now, String changedBy, boolean chosen) {
            this.field = field;
            this.then = then;
            this.now = now;
            this.changedBy = changedBy;
            this.chosen = new SimpleBooleanProperty(chosen);
        }

        public ItemField field() {
            return field;
        }

        public String label() {
            return field.label();
        }

        /** The field in the version, in words. */
        public String then() {
            return then;
        }

        /** The field now, in words. */
        public String now() {
            return now;
        }

        /** Who changed it since (another device or person), or null. */
        public String changedBy() {
            return changedBy;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    /**
     * The version shown: its item, the plan, the notes' diff (null when the notes are the same), the
     * choices, and the names of the files the item had then, oldest first ({@code removedSince}: those
     * of them it no longer has).
     */
    public record Shown(Row row, Item then, VersionRestore plan, TextConflict notes, List<Choice> choices,
                        List<String> files, List<String> removedSince) {
        /** "Files: a.png, b.pdf (removed since)", or "Files: none" when it had none then. */
        public String filesLine() {
            if (files.isEmpty()) {
                return Messages.text("editor.versions.filesNone");
            }
            List<String> shown = new ArrayList<>();
            List<String> gone = new ArrayList<>(removedSince);
            for (String f : files) {
                shown.add(gone.remove(f) ? Messages.text("editor.versions.fileRemoved", f) : f);
            }
            return Messages.text("editor.versions.files", String.join(", ", shown));
        }

        /** A sentence above the fields: what restoring would do. */
        public String summary() {
            if (plan.deleted()) {
                return Messages.text("editor.versions.deletedSince");
            }
            if (plan.unchanged()) {
                return Messages.text("editor.versions.sameAsNow");
            }
            return Messages.text("editor.versions.differ", choices.size());
        }
    }

    private final ItemVersions versions;
    private final UndoManager undo;
    private final Async async;
    private final ZoneId zone;
    private final Function<String, String> listName;
    private final Feedback feedback = new Feedback();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(false);
    /** Every version, oldest first, as the last load read them; on the UI thread. */
    private List<ItemVersions.Version> all = List.of();
    /** How many pages of them the list holds. */
    private int pages = 1;
    private final ObservableList<Row> rowsRO = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper restored = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRestore = new ReadOnlyBooleanWrapper(false);
    private final String itemId;
    private final String title;

    /**
     * @param listName a list's name by id, for showing a version's list (called off the UI thread)
     */
    public VersionsViewModel(ItemVersions versions, UndoManager undo, Async async, ZoneId zone,
                             Function<String, String> listName, String itemId, String title) {
        this.itemId = itemId;
        this.title = title;
        this.versions = versions;
        this.undo = undo;
        this.async = async;
        this.zone = zone;
        this.listName = listName;
        shown.addListener((o, old, now) -> {
            if (now != null) {
                now.choices().forEach(c -> c.chosen.addListener((x, a, b) -> updateCanRestore()));
            }
            updateCanRestore();
        });
        feedback.busyProperty().addListener((o, a, b) -> updateCanRestore());
    }

    private void updateCanRestore() {
        Shown s = shown.get();
        canRestore.set(s != null && !feedback.isBusy()
                && (s.plan().deleted() || s.choices().stream().anyMatch(c -> c.chosen.get())));
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }

    /** The versions, newest first. */
    public ObservableList<Row> rows() {
        return rowsRO;
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** A restore landed: the dialog may close. */
    public ReadOnlyBooleanProperty restoredProperty() {
        return restored.getReadOnlyProperty();
    }

    /** The item's title, as the dialog names it. */
    public String title() {
        return title;
    }

    /**
     * Reads the item's versions and shows the newest page of them ({@value ItemVersions#PAGE}), selecting the
     * newest but one (the one before now), if any; {@link #loadOlder} adds the next page. A member can write
     * 20,000 versions of a shared todo: the list holds the pages asked for, and each version shown reads the
     * versions once.
     */
    public void load() {
        String id = itemId;
        async.run(() -> versions.versions(id), list -> {
            all = List.copyOf(list);
            pages = 1;
            List<Row> out = pageRows();
            rows.setAll(out);
            if (out.isEmpty()) {
                feedback.say(Messages.text("editor.versions.none"));
            } else {
                show(out.get(out.size() > 1 ? 1 : 0));
            }
        }, e -> feedback.fail(Messages.text("editor.versions.couldNotRead", Feedback.why(e))));
    }

    /** Adds the next page of older versions to the list. */
    public void loadOlder() {
        if (hasOlder.get()) {
            pages++;
            rows.setAll(pageRows());
        }
    }

    /** Whether older versions than the list holds remain. */
    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    /** The rows of the pages asked for, newest first. */
    private List<Row> pageRows() {
        int from = Math.max(0, all.size() - pages * ItemVersions.PAGE);
        List<Row> out = new ArrayList<>();
        for (int k = all.size() - 1; k >= from; k--) {
            ItemVersions.Version v = all.get(k);
            out.add(new Row(v, when(v.at()), v.device(), v.summary()));
        }
        hasOlder.set(from > 0);
        return out;
    }

    /** Shows {@code row}'s version against now. */
    public void show(Row row) {
        String id = itemId;
        List<ItemVersions.Version> known = all;
        ItemVersions.Version newest = rows.isEmpty() ? row.version() : rows.get(0).version();
        async.run(() -> {
            Item then = versions.item(id, known, row.version()).orElseThrow(() -> new IllegalStateException(
                    Messages.text("editor.versions.gone", String.valueOf(row.number()))));
            VersionRestore plan = versions.plan(then, row.version().at());
            Set<ItemField> chosen = plan.defaultChoice();
            List<Choice> choices = new ArrayList<>();
            TextConflict notes = null;
            for (VersionRestore.FieldDiff d : plan.fields()) {
                choices.add(new Choice(d.field(), words(d.field(), d.then()), words(d.field(), d.now()), d.changedBy(),
                        chosen.contains(d.field())));
                if (d.field() == ItemField.NOTES) {
                    notes = TextConflict.of(str(d.now()), str(d.then()));
                }
            }
            List<Attachment> had = versions.attachments(id, known, row.version());
            Set<String> hasNow = new HashSet<>();
            versions.attachments(id, known, newest).forEach(a -> hasNow.add(a.id()));
            List<String> files = had.stream().map(VersionsViewModel::fileName).toList();
            List<String> removed = had.stream().filter(a -> !hasNow.contains(a.id())).map(VersionsViewModel::fileName).toList();
            return new Shown(row, then, plan, notes, choices, files, removed);
        }, s -> {
            shown.set(s);
            feedback.clear();
        }, e -> feedback.fail(Messages.text("editor.versions.couldNotShow", String.valueOf(row.number()),
                Feedback.why(e))));
    }

    /** Whether there is something chosen to restore, and nothing running. */
    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore.getReadOnlyProperty();
    }

    /** Writes the chosen fields of the shown version back, as one undoable step. */
    public void restore() {
        Shown s = shown.get();
        if (s == null || !canRestore.get() || !feedback.begin()) {
            return;
        }
        Set<ItemField> fields = EnumSet.noneOf(ItemField.class);
        s.choices().stream().filter(c -> c.chosen.get()).forEach(c -> fields.add(c.field()));
        VersionRestore plan = s.plan();
        String label = Messages.text("editor.versions.undoRestore", String.valueOf(s.row().number()));
        async.run(() -> versions.restore(plan, fields), item -> {
            undo.push(label, () -> versions.undo(plan, fields), () -> versions.restore(plan, fields));
            feedback.end(Messages.text("editor.versions.restored", String.valueOf(s.row().number()),
                    item.titleOrEmpty()));
            restored.set(true);
        }, e -> feedback.failed(Messages.text("editor.versions.nothingRestored", Feedback.why(e))));
    }

    private String words(ItemField field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return Messages.text(field == ItemField.LIST ? "editor.versions.value.inbox"
                    : "editor.versions.value.none");
        }
        return switch (field) {
            case LIST -> listName.apply(value.toString());
            case DONE -> Messages.text(Boolean.TRUE.equals(value) ? "editor.versions.value.done"
                    : "editor.versions.value.open");
            case KIND -> Messages.text(Boolean.TRUE.equals(value) ? "editor.versions.value.note"
                    : "editor.versions.value.todo");
            case TRASH -> Messages.text(Boolean.TRUE.equals(value) ? "editor.versions.value.trashed"
                    : "editor.versions.value.notTrashed");
            case PRIORITY -> Messages.text("editor.versions.value.priority", value.toString());
            case REMINDER -> when(Instant.ofEpochMilli(((Number) value).longValue()));
            case TAGS -> "@" + String.join(" @", value.toString().split(" "));
            case SOMEDAY -> Messages.text(Boolean.TRUE.equals(value) ? "editor.versions.value.someday"
                    : "editor.versions.value.notSomeday");
            case DUE -> day(value.toString());
            case START -> Messages.text("editor.versions.value.start", day(value.toString()));
            case TIME -> shorten(HistoryLine.time(value.toString()));
            case LENGTH -> value instanceof Number n && n.intValue() > 0 ? Durations.format(n.intValue())
                    : shorten(value.toString());
            case PLACE -> value instanceof List<?> p && p.size() == 3
                    ? Messages.text(p.get(0) != null ? "editor.versions.value.underTodo"
                    : p.get(1) != null ? "editor.versions.value.inSection" : "editor.versions.value.top")
                    : shorten(value.toString());
            case NOTES -> {
                String t = value.toString().strip();
                int lines = (int) t.lines().count();
                yield lines > 1 ? Messages.text("editor.versions.value.lines", lines) : shorten(t);
            }
            default -> shorten(value.toString());
        };
    }

    private static String fileName(Attachment a) {
        return a.name() == null || a.name().isBlank() ? Messages.text("editor.attachments.unnamed") : a.name();
    }

    /** When a version was made, or a reminder's time: "Fri 27 Nov 2026, 9:00". */
    private String when(Instant at) {
        return Formats.dayYearTime(at.atZone(zone).toLocalDateTime());
    }

    /** A stored date ("2026-11-27") as the app writes days; as stored when it does not parse. */
    private static String day(String stored) {
        try {
            return Formats.dayYear(LocalDate.parse(stored.strip()));
        } catch (RuntimeException e) {
            return shorten(stored);
        }
    }


    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
