package dev.tandem.app.model.reminder;

import dev.tandem.app.model.Item;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which pending reminders are due, for whoever rings them (the window, {@code tandem agent}): one seen
 * while its time was still ahead rings when the time comes; one already due when first seen (at start,
 * or arriving by sync) is "unseen" and weighed by {@link #ringsWhenUnseen}. Each (item, time) is handed
 * out once per instance, so a late dismissal arriving by sync cannot ring it twice here. Not thread-safe:
 * the owner calls it from one thread.
 */
public final class ReminderDue {
    /** Due now: {@code ring} were seen ahead of their time; {@code unseen} were first seen already due. */
    public record Due(List<Item> ring, List<Item> unseen) {
    }

    /** (id, remindAt) handed out, in this run. */
    private final Set<String> fired = new HashSet<>();
    /** (id, remindAt) seen while their time was still ahead: set before they were due, so they need no look-up. */
    private final Set<String> ahead = new HashSet<>();

    /** Takes the pending reminders as they are now and hands out those due at {@code now} not handed out yet. */
    public Due check(Collection<Item> pending, long now) {
        Set<String> present = new HashSet<>();
        List<Item> due = new ArrayList<>();
        for (Item it : pending) {
            if (!it.reminderPending()) {
                continue;
            }
            String key = key(it);
            present.add(key);
            if (it.remindAt() > now) {
                ahead.add(key);
            } else if (fired.add(key)) {
                due.add(it);
            }
        }
        ahead.retainAll(present);
        List<Item> ring = new ArrayList<>();
        List<Item> unseen = new ArrayList<>();
        for (Item it : due) {
            (ahead.remove(key(it)) ? ring : unseen).add(it);
        }
        return new Due(ring, unseen);
    }

    /** Hands these out again at the next check: who took them could not ring them (the database was busy). */
    public void giveBack(Collection<Item> items) {
        items.forEach(it -> fired.remove(key(it)));
    }

    /**
     * Whether a reminder first seen already due rings: set ahead of its time and missed (the computer was
     * off, sync brought it late), yes; set when its time had already passed ("remind 9am" typed at noon),
     * no. Without its setting in the changelog (compacted) it rings, as a missed one would rather than be lost.
     */
    public static boolean ringsWhenUnseen(Optional<ReminderStore.SetAt> set, long at) {
        return set.isEmpty() || set.get().at().toEpochMilli() < at;
    }

    /** The soonest pending reminder time after {@code now}, or null. */
    public static Long nextAfter(Collection<Item> pending, long now) {
        return pending.stream().filter(Item::reminderPending).map(Item::remindAt).filter(t -> t > now)
                .min(Long::compare).orElse(null);
    }

    private static String key(Item it) {
        return it.id() + "@" + it.remindAt();
    }
}
