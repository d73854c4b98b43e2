package dev.tandem.app.model.events;

import dev.tandem.app.model.DayOrder;
import dev.tandem.app.model.Item;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * "Plan my day": times for the day's todos that have a length but no time, in the gaps between what
 * already holds the day, within working hours, never before now. Pure: it reads nothing and writes
 * nothing ({@code PlannedTimes} writes what the person accepts).
 *
 * <p>Design. The day is minutes 0 to 1440 of local wall-clock time. The window is the working hours,
 * starting no earlier than now rounded up to the next {@value #STEP} minutes (a proposal at 10:37 reads
 * oddly), and empty for a day already over. Busy are the timed events (all-day ones hold no time),
 * clipped to the day, and the day's timed todos, each for its length or {@value #TIMED_TODO_MINUTES}
 * minutes without one, as the week grid draws it. The gaps are the window less the busy spans, in
 * order. The todos to place are taken in the day's order ({@link DayOrder#SAME_TIME}: priority, then
 * as added) and each goes first-fit: at the start of the earliest gap it fits in, which then shrinks
 * from the front. So proposals never overlap each other nor anything busy, stay in the window, and a
 * later, shorter todo may still take a gap a longer one before it did not fit. What fits nowhere is
 * reported with why. Minutes are local times: on a day whose clocks change the hour skipped or repeated
 * is not treated apart.
 *
 * <p>Cost: the gaps are disjoint spans of whole minutes in one day, so there are at most 1,440 of them, and
 * each todo looks through them once; a gap filled to its end is dropped. So n todos cost at most 1,440 n
 * steps whatever the events (at most {@link EventStore#MAX_ANSWER} a read) and timed todos make of the day.
 */
public final class DayPlanner {
    public static final Hours DEFAULT_HOURS = new Hours(LocalTime.of(9, 0), LocalTime.of(17, 0));
    /** How long a timed todo without a length holds its slot, as the week grid draws it. */
    public static final int TIMED_TODO_MINUTES = 30;
    /** Proposals after now start on a multiple of this many minutes. */
    public static final int STEP = 5;
    private static final int DAY = 24 * 60;

    private DayPlanner() {
    }

    /** Working hours, {@code start} before {@code end}, both on the same day. */
    public record Hours(LocalTime start, LocalTime end) {
        public Hours {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("end <= start: " + start + "-" + end);
            }
        }

        /** "09:00-17:00" (an en dash too); empty for anything else, or an end not after the start. */
        public static java.util.Optional<Hours> parse(String text) {
            if (text == null) {
                return java.util.Optional.empty();
            }
            String[] parts = text.strip().split("\\s*[-–]\\s*", -1);
            if (parts.length != 2) {
                return java.util.Optional.empty();
            }
            try {
                LocalTime s = LocalTime.parse(pad(parts[0]));
                LocalTime e = LocalTime.parse(pad(parts[1]));
                return s.isBefore(e) ? java.util.Optional.of(new Hours(s.withSecond(0).withNano(0),
                        e.withSecond(0).withNano(0))) : java.util.Optional.empty();
            } catch (DateTimeParseException ex) {
                return java.util.Optional.empty();
            }
        }

        private static String pad(String t) {
            return t.length() == 4 && t.charAt(1) == ':' ? "0" + t : t;
        }

        /** As {@link #parse} reads it: "09:00-17:00". */
        @Override
        public String toString() {
            return Item.TIME.format(start) + "-" + Item.TIME.format(end);
        }
    }

    /** A proposal: {@code todo} from {@code start} to {@code end}. */
    public record Slot(Item todo, LocalTime start, LocalTime end) {
    }

    /** Why a todo got no time. */
    public enum Reason {
        /** The working hours of the day are over (or the day is past). */
        DAY_OVER,
        /** It takes longer than the working hours. */
        LONGER_THAN_HOURS,
        /** No gap left is long enough. */
        NO_GAP
    }

    /** A todo that got no time, and why. */
    public record Unplaced(Item todo, Reason reason) {
    }

    /** What the planner proposes for {@code day}: the slots in order of time, and what does not fit. */
    public record Plan(LocalDate day, Hours hours, List<Slot> slots, List<Unplaced> unplaced) {
        public Plan {
            slots = List.copyOf(slots);
            unplaced = List.copyOf(unplaced);
        }

        /** Nothing to place: no todo of the day has a length without a time. */
        public boolean empty() {
            return slots.isEmpty() && unplaced.isEmpty();
        }
    }

    /** Whether {@code it} is one the planner places on {@code day}: open, due that day, a length, no time. */
    public static boolean placeable(Item it, LocalDate day) {
        return open(it, day) && it.timeOfDay() == null && it.lengthMinutes() > 0;
    }

    /**
     * Proposes times on {@code day} within {@code hours}, not before {@code now}, around the timed events of
     * {@code events} (read in {@code zone}) and the timed todos among {@code todos}; the todos placed are those
     * of {@code todos} that are {@link #placeable}. Others in {@code todos} are ignored.
     */
    public static Plan plan(LocalDate day, Hours hours, LocalDateTime now, List<CalendarEvent> events, ZoneId zone,
            List<Item> todos) {
        int from = minute(hours.start());
        int to = minute(hours.end());
        if (now.toLocalDate().isAfter(day)) {
            from = to;
        } else if (now.toLocalDate().equals(day)) {
            int n = minute(now.toLocalTime()) + (now.getSecond() > 0 || now.getNano() > 0 ? 1 : 0);
            from = Math.max(from, Math.min(DAY, (n + STEP - 1) / STEP * STEP));
        }
        List<int[]> busy = busy(day, events, zone, todos);
        List<Item> wanted = new ArrayList<>();
        for (Item it : todos) {
            if (placeable(it, day)) {
                wanted.add(it);
            }
        }
        wanted.sort(DayOrder.SAME_TIME);
        List<int[]> gaps = gaps(from, to, busy);
        List<Slot> slots = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (Item it : wanted) {
            int len = it.lengthMinutes();
            int[] gap = gaps.stream().filter(g -> g[1] - g[0] >= len).findFirst().orElse(null);
            if (gap == null) {
                Reason why = from >= to ? Reason.DAY_OVER
                        : len > minute(hours.end()) - minute(hours.start()) ? Reason.LONGER_THAN_HOURS : Reason.NO_GAP;
                unplaced.add(new Unplaced(it, why));
                continue;
            }
            slots.add(new Slot(it, time(gap[0]), time(gap[0] + len)));
            gap[0] += len;
            if (gap[0] == gap[1]) {
                gaps.remove(gap);
            }
        }
        slots.sort(Comparator.comparing(Slot::start));
        return new Plan(day, hours, slots, unplaced);
    }

    /**
     * Whether {@code minutes} from {@code start} on {@code day} are free of what {@link #plan} counts as busy:
     * the timed events of {@code events} (read in {@code zone}) and the open timed todos among {@code todos}.
     * {@code PlannedTimes} asks it again, in its write's transaction, of each proposal the person confirmed.
     */
    public static boolean free(LocalDate day, LocalTime start, int minutes, List<CalendarEvent> events, ZoneId zone,
            List<Item> todos) {
        int s = minute(start);
        long e = (long) s + Math.max(1, minutes);
        for (int[] b : busy(day, events, zone, todos)) {
            if (b[0] < b[1] && s < b[1] && b[0] < e) {
                return false;
            }
        }
        return true;
    }

    /** The busy spans of {@code day} as [start, end) minutes: timed events clipped to it, open timed todos. */
    private static List<int[]> busy(LocalDate day, List<CalendarEvent> events, ZoneId zone, List<Item> todos) {
        List<int[]> busy = new ArrayList<>();
        for (CalendarEvent e : events) {
            if (!e.allDay()) {
                busy.add(span(e.startIn(zone), e.endIn(zone), day));
            }
        }
        for (Item it : todos) {
            if (open(it, day) && it.timeOfDay() != null) {
                int s = minute(it.timeOfDay());
                int len = it.lengthMinutes() > 0 ? it.lengthMinutes() : TIMED_TODO_MINUTES;
                busy.add(new int[] {s, (int) Math.min(DAY, (long) s + len)});
            }
        }
        return busy;
    }

    private static boolean open(Item it, LocalDate day) {
        return it != null && !it.isDone() && !it.isTrashed() && !it.isNote() && day.equals(it.dueDate());
    }

    /** The window [from, to) less the busy spans, as [start, end) gaps in order, none empty. */
    private static List<int[]> gaps(int from, int to, List<int[]> busy) {
        busy.sort(Comparator.comparingInt(b -> b[0]));
        List<int[]> out = new ArrayList<>();
        int at = from;
        for (int[] b : busy) {
            if (b[0] > at && at < to) {
                out.add(new int[] {at, Math.min(b[0], to)});
            }
            at = Math.max(at, b[1]);
        }
        if (at < to) {
            out.add(new int[] {at, to});
        }
        return out;
    }

    /** The part of [start, end) on {@code day} in minutes of the day; empty ([0, 0)) when it is not on it. */
    private static int[] span(LocalDateTime start, LocalDateTime end, LocalDate day) {
        LocalDateTime dayStart = day.atStartOfDay();
        LocalDateTime dayEnd = day.plusDays(1).atStartOfDay();
        if (!end.isAfter(dayStart) || !start.isBefore(dayEnd)) {
            return new int[] {0, 0};
        }
        int s = start.isBefore(dayStart) ? 0 : minute(start.toLocalTime());
        int e = end.isBefore(dayEnd) ? minute(end.toLocalTime()) + (end.getSecond() > 0 ? 1 : 0) : DAY;
        return new int[] {s, e};
    }

    private static int minute(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    private static LocalTime time(int minute) {
        return minute >= DAY ? LocalTime.MAX : LocalTime.of(minute / 60, minute % 60);
    }
}
