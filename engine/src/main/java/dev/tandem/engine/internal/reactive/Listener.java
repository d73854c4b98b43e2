package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A {@link ChangeListener} as the {@link Dispatcher} keeps it: where it is called, which commits it hears of.
 * Identity matters: the same callback subscribed twice is two listeners.
 */
final class Listener {
    final ChangeListener listener;
    final Executor executor;
    /** The only origin it hears of, or null for every commit that changed rows. */
    final ChangeEvent.Origin origin;

    /** The tables whose unnamed writes it hears of, lower case. */
    final Set<String> watched;

    Listener(ChangeListener listener, Executor executor, ChangeEvent.Origin origin) {
        this.listener = listener;
        this.executor = executor;
        this.origin = origin;
        Set<String> w = new HashSet<>();
        for (String t : listener.tablesWatched()) {
            w.add(t.toLowerCase(Locale.ROOT));
        }
        this.watched = Set.copyOf(w);
    }

    boolean hears(PendingCommits.Committed<Listener> commit) {
        return origin == null ? !commit.events().isEmpty() : origin == commit.origin();
    }

    /** The tables among those it watches that {@code commit} wrote rows of without naming them all. */
    Set<String> unnamed(PendingCommits.Committed<Listener> commit) {
        if (watched.isEmpty() || commit.unnamed().isEmpty() || origin != null && origin != commit.origin()) {
            return Set.of();
        }
        Set<String> both = new HashSet<>(commit.unnamed());
        both.retainAll(watched);
        return both;
    }
}
