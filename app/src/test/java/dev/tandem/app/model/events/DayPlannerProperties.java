package dev.tandem.app.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.events.DayPlanner.Hours;
import dev.tandem.app.model.events.DayPlanner.Plan;
import dev.tandem.app.model.events.DayPlanner.Slot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the day holds: proposals never overlap each other, an event or a timed todo, stay within the
 * working hours, never start before now, and every todo with a length and no time is either placed once or
 * reported.
 */
@Tag("property")
class DayPlannerProperties {
    static final LocalDate DAY = DayPlannerTest.DAY;
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Provide
    Arbitrary<int[]> spans() {
        return Combinators.combine(Arbitraries.integers().between(-120, 24 * 60), Arbitraries.integers().between(1, 300))
                .as((s, len) -> new int[] {s, s + len});
    }

    @Property(tries = 300)
    void plan_anyDay_proposalsFitTheGapsTheHoursAndNow(@ForAll @Size(max = 8) List<@From("spans") int[]> events,
            @ForAll @Size(max = 5) List<@From("spans") int[]> timed, @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 300) Integer> lengths,
            @ForAll @IntRange(min = 0, max = 23 * 60) int hoursFrom, @ForAll @IntRange(min = 1, max = 16 * 60) int hoursLength,
            @ForAll @IntRange(min = -600, max = 26 * 60) int nowMinute) {
        Hours hours = new Hours(time(hoursFrom), time(Math.min(23 * 60 + 59, hoursFrom + hoursLength)));
        LocalDateTime now = DAY.atStartOfDay().plusMinutes(nowMinute);
        List<CalendarEvent> evs = new ArrayList<>();
        List<int[]> busy = new ArrayList<>();
        for (int[] e : events) {
            LocalDateTime s = DAY.atStartOfDay().plusMinutes(e[0]);
            LocalDateTime t = DAY.atStartOfDay().plusMinutes(e[1]);
            evs.add(new CalendarEvent("c", "u", s.atZone(ZONE).toInstant().toEpochMilli(),
                    t.atZone(ZONE).toInstant().toEpochMilli(), false, false, "e", ""));
            busy.add(new int[] {e[0], e[1]});
        }
        List<Item> todos = new ArrayList<>();
        int n = 0;
        for (int[] t : timed) {
            int start = Math.floorMod(t[0], 24 * 60);
            todos.add(DayPlannerTest.todo("t" + n, null, n++, Item.TIME.format(time(start)), (long) (t[1] - t[0])));
            busy.add(new int[] {start, start + t[1] - t[0]});
        }
        for (int len : lengths) {
            todos.add(DayPlannerTest.todo("p" + n, len % 3 == 0 ? 1L : null, n++, null, (long) len));
        }
        Plan p = DayPlanner.plan(DAY, hours, now, evs, ZONE, todos);
        List<Slot> slots = p.slots();
        assertEquals(lengths.size(), slots.size() + p.unplaced().size());
        for (int i = 0; i < slots.size(); i++) {
            Slot a = slots.get(i);
            int s = minute(a.start());
            int e = minute(a.end());
            assertEquals(a.todo().lengthMinutes(), e - s);
            assertTrue(!a.start().isBefore(hours.start()) && !a.end().isAfter(hours.end()), "within the hours");
            assertFalse(DAY.atTime(a.start()).isBefore(now), "not before now");
            for (int[] b : busy) {
                assertFalse(s < b[1] && b[0] < e, "overlaps something busy " + b[0] + "-" + b[1] + " " + a);
            }
            for (int j = i + 1; j < slots.size(); j++) {
                Slot b = slots.get(j);
                assertFalse(s < minute(b.end()) && minute(b.start()) < e, "two proposals overlap");
            }
        }
    }

    private static LocalTime time(int minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }

    private static int minute(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
