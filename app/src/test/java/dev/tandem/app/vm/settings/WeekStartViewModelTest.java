package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.WeekStartSetting;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Settings → "Week starts on": the default names its day, a choice is saved and then applied. */
@Tag("unit")
class WeekStartViewModelTest {
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    private WeekStartViewModel vm(Optional<DayOfWeek> saved) {
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        return new WeekStartViewModel(saved, DayOfWeek.MONDAY, WeekStartSetting.DAYS,
                d -> events.add("saved " + d.map(DayOfWeek::name).orElse("default")),
                d -> events.add("applied " + d.map(DayOfWeek::name).orElse("default")), async);
    }

    @Test
    void choices_defaultWithItsDayThenTheDays_inTheLanguage() {
        assertEquals(List.of("Default (Monday)", "Monday", "Sunday", "Saturday"),
                vm(Optional.empty()).choices().stream().map(WeekStartViewModel.Choice::label).toList());
        Messages.use(Language.GERMAN);
        assertEquals(List.of("Standard (Montag)", "Montag", "Sonntag", "Samstag"),
                vm(Optional.empty()).choices().stream().map(WeekStartViewModel.Choice::label).toList());
    }

    @Test
    void choose_aDay_savedThenAppliedAndTheDefaultAgain() {
        WeekStartViewModel vm = vm(Optional.of(DayOfWeek.SUNDAY));
        assertEquals(Optional.of(DayOfWeek.SUNDAY), vm.selectedProperty().get().day(), "opens on the saved choice");
        vm.choose(Optional.of(DayOfWeek.SATURDAY));
        vm.choose(Optional.empty());
        assertEquals(List.of("saved SATURDAY", "applied SATURDAY", "saved default", "applied default"), events);
        vm.selectedProperty().set(null);
        assertEquals(Optional.empty(), vm.selectedProperty().get().day(), "no entry at all is refused");
    }
}
