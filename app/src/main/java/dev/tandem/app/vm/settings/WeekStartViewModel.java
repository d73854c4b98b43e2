package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Settings → "Week starts on": the language's and region's day ("Default (Monday)"), or Monday, Sunday or
 * Saturday. A choice is saved at once, off the FX thread, and applies at once: {@code apply} runs on the FX
 * thread after the save, so the calendar's week and month, the phone page's week and what quick add calls
 * "next week" follow it without a restart.
 */
public final class WeekStartViewModel {
    /** One entry of the choice: empty {@code day} is the language's and region's. */
    public record Choice(Optional<DayOfWeek> day, String label) {
    }

    private final List<Choice> choices = new ArrayList<>();
    private final ObjectProperty<Choice> selected = new SimpleObjectProperty<>();

    /**
     * {@code saved}: the profile's choice now; {@code usual}: the language's and region's day; {@code days}: the
     * days offered; {@code save}: stores a choice, off the FX thread; {@code apply}: uses it, on the FX thread.
     */
    public WeekStartViewModel(Optional<DayOfWeek> saved, DayOfWeek usual, List<DayOfWeek> days,
            Consumer<Optional<DayOfWeek>> save, Consumer<Optional<DayOfWeek>> apply, Async async) {
        choices.add(new Choice(Optional.empty(), Messages.text("settings.weekStart.default", Formats.weekday(usual))));
        for (DayOfWeek d : days) {
            choices.add(new Choice(Optional.of(d), Formats.weekday(d)));
        }
        selected.set(choiceOf(saved));
        selected.addListener((o, a, b) -> {
            if (b == null) {
                selected.set(a);
                return;
            }
            Optional<DayOfWeek> chosen = b.day();
            async.run(() -> {
                save.accept(chosen);
                return chosen;
            }, apply);
        });
    }

    /** "Default (Monday)", then each day offered by its name. */
    public List<Choice> choices() {
        return List.copyOf(choices);
    }

    /** The entry chosen; setting it saves and applies the choice. */
    public ObjectProperty<Choice> selectedProperty() {
        return selected;
    }

    /** Chooses {@code day} (empty: the language's and region's), as the view's menu does. */
    public void choose(Optional<DayOfWeek> day) {
        selected.set(choiceOf(day));
    }

    private Choice choiceOf(Optional<DayOfWeek> day) {
        return choices.stream().filter(c -> c.day().equals(day)).findFirst().orElse(choices.get(0));
    }
}
