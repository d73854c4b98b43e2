package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.CalendarItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.DayPlanner;
import dev.tandem.app.model.events.DayPlanner.Hours;
import dev.tandem.app.model.events.DayPlanner.Plan;
import dev.tandem.app.model.events.DayPlanner.Slot;
import dev.tandem.app.model.events.DayPlanner.Unplaced;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.model.events.PlannedTimes;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.WorkingHoursSetting;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tandem plan [--date D] [--hours 09:00-17:00] [--apply] [--json]}: "Plan my day" in the terminal. Prints
 * the times {@link DayPlanner} proposes for the day's todos that have a length and no time, and those that do
 * not fit and why; only {@code --apply} writes them, planning again from the todos as they are in the write's
 * transaction. {@code --hours} saves the working hours for this device ({@link WorkingHoursSetting}). Events
 * come from the calendars' last copy on this device; nothing goes to the network.
 */
final class PlanCommand {
    private final PrintStream out;
    private final PrintStream err;

    PlanCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int plan(TodoStore store, Path dir, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError(Messages.text("cli.plan.unexpected", a.positional().get(0)));
        }
        ZoneId zone = store.dateClock().getZone();
        LocalDateTime now = LocalDateTime.now(store.dateClock());
        LocalDate day;
        try {
            String d = a.options().getOrDefault("--date", "today");
            day = d.equals("today") ? now.toLocalDate() : LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            throw new UsageError(Messages.text("cli.plan.date"));
        }
        SettingsStore settings = new SettingsStore(dir);
        Hours hours = WorkingHoursSetting.load(settings);
        String given = a.options().get("--hours");
        if (given != null) {
            hours = Hours.parse(given).orElseThrow(() -> new UsageError(Messages.text("cli.plan.hours", given)));
            WorkingHoursSetting.save(settings, hours);
        }
        List<CalendarEvent> events;
        try (EventStore es = EventStore.open(store.replica().file())) {
            events = es.between(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), zone);
        }
        Hours h = hours;
        boolean apply = a.flags().contains("--apply");
        Plan[] made = new Plan[1];
        if (apply) {
            new PlannedTimes(store).apply(day, todos -> {
                made[0] = DayPlanner.plan(day, h, now, events, zone, todos);
                Map<String, java.time.LocalTime> times = new LinkedHashMap<>();
                made[0].slots().forEach(s -> times.put(s.todo().id(), s.start()));
                return times;
            });
        } else {
            made[0] = DayPlanner.plan(day, h, now, events, zone, CalendarItems.query(store, day, day));
        }
        Plan plan = made[0];
        if (a.flags().contains("--json")) {
            out.println(json(plan, apply));
            return 0;
        }
        if (plan.empty()) {
            err.println(Messages.text("cli.plan.nothing"));
            return 0;
        }
        out.println(Messages.text("cli.plan.heading", Formats.weekday(day.getDayOfWeek()) + " " + day,
                Formats.time(hours.start()), Formats.time(hours.end())));
        for (Slot s : plan.slots()) {
            out.println("  " + Formats.time(s.start()) + "–" + Formats.time(s.end()) + "  "
                    + TerminalText.field(s.todo().title()));
        }
        if (!plan.unplaced().isEmpty()) {
            out.println(Messages.text("cli.plan.doesNotFit"));
            for (Unplaced u : plan.unplaced()) {
                out.println("  " + TerminalText.field(u.todo().title()) + " ("
                        + Messages.text("cli.plan.minutes", u.todo().lengthMinutes()) + "): "
                        + Messages.text(key(u.reason())));
            }
        }
        if (apply) {
            err.println(Messages.text("cli.plan.applied", plan.slots().size()));
        } else if (!plan.slots().isEmpty()) {
            err.println(Messages.text("cli.plan.toApply"));
        }
        return 0;
    }

    private static String key(DayPlanner.Reason r) {
        return switch (r) {
            case DAY_OVER -> "cli.plan.reason.dayOver";
            case LONGER_THAN_HOURS -> "cli.plan.reason.longerThanHours";
            case NO_GAP -> "cli.plan.reason.noGap";
        };
    }

    private static String json(Plan plan, boolean applied) {
        List<String> slots = new ArrayList<>();
        for (Slot s : plan.slots()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.todo().id());
            m.put("title", s.todo().title());
            m.put("start", Item.TIME.format(s.start()));
            m.put("end", Item.TIME.format(s.end()));
            m.put("minutes", s.todo().lengthMinutes());
            slots.add(Json.object(m));
        }
        List<String> unplaced = new ArrayList<>();
        for (Unplaced u : plan.unplaced()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", u.todo().id());
            m.put("title", u.todo().title());
            m.put("minutes", u.todo().lengthMinutes());
            m.put("reason", u.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            unplaced.add(Json.object(m));
        }
        return "{\"date\":" + Json.str(plan.day().toString()) + ",\"hours\":" + Json.str(plan.hours().toString())
                + ",\"applied\":" + applied + ",\"proposals\":[" + String.join(",", slots) + "],\"doesNotFit\":["
                + String.join(",", unplaced) + "]}";
    }
}
