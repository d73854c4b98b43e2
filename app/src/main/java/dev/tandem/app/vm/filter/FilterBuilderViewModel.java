package dev.tandem.app.vm.filter;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.ui.messages.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "New smart list" / "Edit smart list": fields for people who do not type queries, the query they make
 * shown live, and the same query as text to edit. Two ways, one filter:
 * <ul>
 * <li>A field changes: the fields build a {@link Filter} tree ({@link FilterFields#filter()}), which is
 * read back through {@link FilterParser} (so what is saved is what the parser reads, dates as it keeps
 * them, within its bounds) and written into the text.</li>
 * <li>The text is typed: the parser reads it; its message, which says where, shows when it does not
 * read. A query of the shape the fields make moves the fields; any other disables them and says so.</li>
 * </ul>
 * A {@code following} flag keeps each way from echoing into the other. The count of what the filter
 * finds runs off the UI thread, latest wins ({@link FilterCount}). Saving under a name, and saying
 * when the name is another smart list's (the Save button then reads "Replace"), is {@link FilterSaving}'s.
 */
public final class FilterBuilderViewModel implements HasFeedback {
    /** The colours a smart list can have, {@code #rrggbb}; their names are {@code filter.builder.color.N}. */
    public static final List<String> PALETTE = List.of("#d1453b", "#eb8909", "#e0b100", "#299438", "#158fad",
            "#4073ff", "#884dff", "#808080");

    private final TodoStore store;
    private final Async async;
    private final SavedFilter editing;
    private final Feedback feedback = new Feedback();
    private final FilterCount count;
    private final FilterSaving saving;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty color = new SimpleStringProperty(PALETTE.get(0));
    private final BooleanProperty anyOf = new SimpleBooleanProperty(false);
    private final StringProperty list = new SimpleStringProperty("");
    private final ObservableList<String> listChoices = FXCollections.observableArrayList("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final ObjectProperty<FilterFields.Priority> priority = new SimpleObjectProperty<>(FilterFields.Priority.ANY);
    private final ObjectProperty<FilterFields.Due> due = new SimpleObjectProperty<>(FilterFields.Due.ANY);
    private final StringProperty dueBefore = new SimpleStringProperty("");
    private final ObjectProperty<FilterFields.Start> start = new SimpleObjectProperty<>(FilterFields.Start.ANY);
    private final StringProperty words = new SimpleStringProperty("");
    private final BooleanProperty hasNotes = new SimpleBooleanProperty(false);
    private final BooleanProperty hasFiles = new SimpleBooleanProperty(false);
    private final BooleanProperty includeDone = new SimpleBooleanProperty(false);

    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper query = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper fieldsEnabled = new ReadOnlyBooleanWrapper(true);
    private Filter filter;
    private boolean following;

    private FilterBuilderViewModel(TodoStore store, Async async, SavedFilter editing) {
        this.store = Objects.requireNonNull(store, "store");
        this.async = Objects.requireNonNull(async, "async");
        this.editing = editing;
        this.count = new FilterCount(store, async);
        this.saving = new FilterSaving(store, async, feedback, editing, name);
        // Change listeners, not invalidation ones: a value set while following is never read, and an
        // unread property would not report the next change.
        for (ObservableValue<?> o : List.<ObservableValue<?>>of(anyOf, list, tags, priority, due, dueBefore, start, words,
                hasNotes, hasFiles, includeDone)) {
            o.addListener((x, was, now) -> {
                if (!following) {
                    fromFields();
                }
            });
        }
        text.addListener((x, was, now) -> {
            if (!following) {
                fromText();
            }
        });
    }

    /** A new smart list: every open todo, until the fields say more. */
    public static FilterBuilderViewModel forNew(TodoStore store, Async async) {
        FilterBuilderViewModel vm = new FilterBuilderViewModel(store, async, null);
        vm.fromFields();
        vm.load();
        return vm;
    }

    /** {@code filter} to edit: its name, colour and query (onto the fields when they can hold it). */
    public static FilterBuilderViewModel forEdit(TodoStore store, Async async, SavedFilter filter) {
        FilterBuilderViewModel vm = new FilterBuilderViewModel(store, async, Objects.requireNonNull(filter, "filter"));
        vm.name.set(filter.name());
        vm.color.set(filter.color() == null ? "" : filter.color());
        vm.text.set(filter.query());
        vm.load();
        return vm;
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }

    /** The dialog's title: "New smart list" or "Edit smart list". */
    public String title() {
        return Messages.text(editing == null ? "filter.builder.titleNew" : "filter.builder.titleEdit");
    }

    /** Reads the profile's lists (the list field's choices) and the saved filters' names, off the UI thread. */
    private void load() {
        async.run(() -> new Loaded(store.lists().stream().map(TodoList::name).filter(n -> n != null && !n.isBlank()).toList(),
                store.savedFilters().all()), l -> {
                    for (String n : l.lists()) {
                        if (!listChoices.contains(n)) {
                            listChoices.add(n);
                        }
                    }
                    saving.known(l.filters());
                }, e -> feedback.fail(Messages.text("filter.builder.loadFailed", Feedback.why(e))));
    }

    private record Loaded(List<String> lists, List<SavedFilter> filters) {
    }

    private void fromFields() {
        // A field longer than a whole query cannot be part of one: said before it is split or built, so a
        // pasted megabyte of tags never becomes half a million conditions.
        if (Stream.of(list, tags, dueBefore, words).anyMatch(v -> v.get() != null
                && v.get().length() > FilterParser.MAX_CHARS)) {
            show(null, Messages.text("filter.error.tooLong", FilterParser.MAX_CHARS));
            return;
        }
        FilterFields f = new FilterFields(list.get(), tagList(), priority.get(), due.get(), dueBefore.get(), start.get(),
                words.get(), hasNotes.get(), hasFiles.get(), includeDone.get(), anyOf.get());
        String unsayable = unsayable(f);
        if (unsayable != null) {
            show(null, Messages.text("filter.builder.error.operator", unsayable));
            return;
        }
        if (f.due() == FilterFields.Due.BEFORE && f.dueBefore().isBlank()) {
            show(null, Messages.text("filter.builder.error.noDay"));
            return;
        }
        try {
            Filter read = FilterParser.parse(f.filter().text(), store.today());
            show(read, "");
            following = true;
            try {
                text.set(read.text());
            } finally {
                following = false;
            }
        } catch (FilterException e) {
            show(null, e.getMessage());
        }
    }

    /** The tags field: tags separated by spaces or commas, each with or without its {@code @}. */
    private List<String> tagList() {
        String t = tags.get() == null ? "" : tags.get().strip();
        return t.isEmpty() ? List.of() : Arrays.stream(t.split("[\\s,]+")).map(s -> s.replaceFirst("^@+", ""))
                .filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A value a query cannot hold as it is: {@code &}, {@code |} and {@code )} end a condition, so "R&D"
     * would become two. Null when every value can be said.
     */
    private static String unsayable(FilterFields f) {
        Stream<String> values = Stream.concat(
                Stream.of(f.list(), f.words(), f.dueBefore()), f.tags().stream());
        return values.filter(v -> v.chars().anyMatch(c -> c == '&' || c == '|' || c == ')')).findFirst().orElse(null);
    }

    private void fromText() {
        try {
            Filter read = FilterParser.parse(text.get(), store.today());
            show(read, "");
            Optional<FilterFields> fields = FilterFields.of(read);
            fieldsEnabled.set(fields.isPresent());
            fields.ifPresent(this::follow);
        } catch (FilterException e) {
            show(null, e.getMessage());
        }
    }

    /** Sets the fields to {@code f} without building a query from them: the query is what was typed. */
    private void follow(FilterFields f) {
        following = true;
        try {
            if (!f.list().isEmpty() && !listChoices.contains(f.list())) {
                listChoices.add(f.list());
            }
            list.set(f.list());
            tags.set(String.join(" ", f.tags()));
            priority.set(f.priority());
            due.set(f.due());
            dueBefore.set(f.dueBefore());
            start.set(f.start());
            words.set(f.words());
            hasNotes.set(f.hasNotes());
            hasFiles.set(f.hasFiles());
            includeDone.set(f.includeDone());
            anyOf.set(f.anyOf());
        } finally {
            following = false;
        }
    }

    /** The filter in effect (null: none reads) and the problem with it, and its count. */
    private void show(Filter read, String why) {
        filter = read;
        query.set(read == null ? "" : read.text());
        problem.set(why);
        count.count(read);
    }

    /**
     * Saves the filter under the name, off the UI thread; once saved, {@link #savedProperty()} holds the
     * row. A name of 1 to {@link dev.tandem.app.model.SavedFilters#MAX_NAME_CHARS} characters and a query that reads, else
     * the message says which is wrong and nothing is written.
     */
    public void save() {
        saving.save(filter, problem.get(), color.get());
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The colour, {@code #rrggbb} (one of {@link #PALETTE}, or another an older smart list had), or empty. */
    public StringProperty colorProperty() {
        return color;
    }

    /** "Any of these" ({@code |}) rather than "all of these" ({@code &}). */
    public BooleanProperty anyOfProperty() {
        return anyOf;
    }

    /** The list's name, or empty for any list. */
    public StringProperty listProperty() {
        return list;
    }

    /** Empty (any list) first, then the profile's lists, then a list a typed query named that is not among them. */
    public ObservableList<String> listChoices() {
        return listChoices;
    }

    /** Tags separated by spaces or commas ({@code errand, home}). */
    public StringProperty tagsProperty() {
        return tags;
    }

    public ObjectProperty<FilterFields.Priority> priorityProperty() {
        return priority;
    }

    public ObjectProperty<FilterFields.Due> dueProperty() {
        return due;
    }

    /** For "due before": the day, as a query takes it ({@code +7d}, {@code fri}, {@code 2026-12-24}). */
    public StringProperty dueBeforeProperty() {
        return dueBefore;
    }

    public ObjectProperty<FilterFields.Start> startProperty() {
        return start;
    }

    /** Words to find in the title or notes ({@code search:}). */
    public StringProperty wordsProperty() {
        return words;
    }

    public BooleanProperty hasNotesProperty() {
        return hasNotes;
    }

    public BooleanProperty hasFilesProperty() {
        return hasFiles;
    }

    public BooleanProperty includeDoneProperty() {
        return includeDone;
    }

    /** The query as text, to edit: the fields write it, typing reads it. */
    public StringProperty textProperty() {
        return text;
    }

    /** The query in effect as the parser writes it, or empty while none reads. */
    public ReadOnlyStringProperty queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** Why there is no query (the parser's message, which says where), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** False while the typed query is beyond what the fields can hold. */
    public ReadOnlyBooleanProperty fieldsEnabledProperty() {
        return fieldsEnabled.getReadOnlyProperty();
    }

    /** The name typed is another smart list's: saving replaces it. */
    public ReadOnlyBooleanProperty replacesProperty() {
        return saving.replacesProperty();
    }

    /** "Finds 12 todos now", "Counting…", or empty while no query reads. */
    public ReadOnlyStringProperty countProperty() {
        return count.textProperty();
    }

    /** The smart list as saved, once it is. */
    public ReadOnlyObjectProperty<SavedFilter> savedProperty() {
        return saving.savedProperty();
    }

    /** The filter in effect, or null while none reads. */
    public Filter filter() {
        return filter;
    }
}
