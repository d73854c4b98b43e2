package dev.tandem.app.vm.quickadd;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.QuickAddPlan;
import java.time.ZonedDateTime;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The quick-add window ({@code tandem add --window}): the main window's quick add ({@link QuickAddViewModel},
 * same grammar and chips) adding to the profile's Inbox, or the list the text names. Enter saves off the FX
 * thread; once the save landed the window is {@link #doneProperty() done} and closes. A save that fails keeps the
 * text in the field with the reason ({@link QuickAddViewModel#failureProperty()}); text with no title says so
 * ({@link #problemProperty()}) and adds nothing. Escape closes without adding.
 */
public final class QuickAddWindowViewModel {
    private final QuickAddViewModel quickAdd;
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper added = new ReadOnlyBooleanWrapper(this, "added");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public QuickAddWindowViewModel(TodoStore store, Async async) {
        this.quickAdd = new QuickAddViewModel(store::today, (text, plain, parentId, saved) -> {
            // No list shown: a todo naming no list goes to the Inbox, with no date from a view.
            QuickAddPlan plan = QuickAddPlan.read(text, plain, null, ZonedDateTime.now(store.dateClock()));
            Optional<String> why = plan.problem(text);
            if (why.isPresent()) {
                problem.set(why.get());
                return false;
            }
            problem.set("");
            async.run(() -> plan.addTo(store, parentId), a -> {
                saved.accept(null);
                added.set(true);
                done.set(true);
            }, saved::accept);
            return true;
        });
        quickAdd.textProperty().addListener((o, a, b) -> problem.set(""));
    }

    /** The field's model: text, chips, saving and failure, as in the main window. */
    public QuickAddViewModel quickAdd() {
        return quickAdd;
    }

    /** Escape: done, nothing added (a save under way still lands; the window closes once it did). */
    public void cancel() {
        if (!quickAdd.savingProperty().get()) {
            done.set(true);
        }
    }

    /** True once the window should close: the todo was saved, or the person cancelled. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** True once a todo was saved. */
    public ReadOnlyBooleanProperty addedProperty() {
        return added.getReadOnlyProperty();
    }

    /** Why nothing was added from the text (no title, a title too long); "" otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
