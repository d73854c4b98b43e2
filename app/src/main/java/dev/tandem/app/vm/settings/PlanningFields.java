package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.events.DayPlanner.Hours;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.CalendarMeSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.WorkingHoursSetting;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The two fields of Settings → Calendars that are about this device's person rather than a calendar: the working
 * hours "Plan my day" fills ({@link WorkingHoursSetting}) and "me", whose declined invitations are left out
 * ({@link CalendarMeSetting}). Apart from {@link CalendarsViewModel} because each is a typed value read and saved
 * on its own, checked before it is saved, and touches no calendar in the list.
 */
final class PlanningFields {
    /** A time typed for the working hours: "9:00" or "09:00", as every language's time format writes one. */
    private static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);
    final StringProperty hoursStart = new SimpleStringProperty("");
    final StringProperty hoursEnd = new SimpleStringProperty("");
    final StringProperty me = new SimpleStringProperty("");
    private final SettingsStore settings;
    private final EventStore store;
    private final Async async;
    private final Feedback feedback;
    private final Consumer<Throwable> fail;

    /** {@code fail}: what the view model does with a read or save that failed. */
    PlanningFields(SettingsStore settings, EventStore store, Async async, Feedback feedback, Consumer<Throwable> fail) {
        this.settings = settings;
        this.store = store;
        this.async = async;
        this.feedback = feedback;
        this.fail = fail;
    }

    /** Reads the working hours saved on this device (or the default) into the two fields. */
    void loadHours() {
        async.run(() -> WorkingHoursSetting.load(settings), h -> {
            hoursStart.set(Formats.time(h.start()));
            hoursEnd.set(Formats.time(h.end()));
        }, fail);
    }

    /**
     * Saves the working hours typed. A time that does not read, or an end not after the start, is refused with
     * why: the fields keep what was typed and nothing is saved.
     */
    void saveHours() {
        String start = hoursStart.get().strip();
        String end = hoursEnd.get().strip();
        LocalTime from = typedTime(start);
        LocalTime to = typedTime(end);
        if (from == null || to == null) {
            feedback.fail(Messages.text("settings.calendars.hours.badTime", from == null ? start : end));
            return;
        }
        if (!from.isBefore(to)) {
            feedback.fail(Messages.text("settings.calendars.hours.endBeforeStart", Formats.time(to), Formats.time(from)));
            return;
        }
        Hours hours = new Hours(from, to);
        async.run(() -> {
            WorkingHoursSetting.save(settings, hours);
            return hours;
        }, h -> feedback.say(Messages.text("settings.calendars.hours.saved", Formats.time(h.start()),
                Formats.time(h.end()))), fail);
    }

    /** Reads "me" saved on this device ({@link CalendarMeSetting#load}) into its field, unless something is typed. */
    void loadMe() {
        async.run(() -> CalendarMeSetting.load(settings, store), m -> {
            if (me.get().isBlank()) {
                me.set(m);
            }
        }, fail);
    }

    /**
     * Saves "me" typed, an e-mail address or nothing, for every calendar: the next refresh of each reads it whole
     * and leaves out the invitations declined at that address. Anything else is refused with why, the field keeps
     * what was typed and nothing is saved.
     */
    void saveMe() {
        String typed = me.get();
        Optional<String> address = CalendarMeSetting.parse(typed);
        if (address.isEmpty()) {
            feedback.fail(Messages.text("settings.calendars.me.bad", typed.strip()));
            return;
        }
        String a = address.get();
        async.run(() -> {
            CalendarMeSetting.save(settings, store, a);
            return a;
        }, saved -> {
            // What was typed meanwhile stays; else the field shows the address as kept (no "mailto:", no spaces).
            if (me.get().equals(typed)) {
                me.set(saved);
            }
            feedback.say(saved.isEmpty() ? Messages.text("settings.calendars.me.cleared")
                    : Messages.text("settings.calendars.me.saved", saved));
        }, fail);
    }

    /** {@code text} as a time of day to the minute, or null when it is not one. */
    private static LocalTime typedTime(String text) {
        try {
            return LocalTime.parse(text, TYPED_TIME);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
