package dev.tandem.app.feeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which calendars' problems are news, for a process that runs for weeks and says them in its log ({@code tandem
 * serve}): a calendar that cannot be read is said once when it starts failing and again only when the reason
 * changes or after it was read once more; not every hour its refresh tries again. Thread-safe: one refresh
 * thread says, another may ask.
 */
public final class FeedProblems {
    /** Per calendar, the problem last said; none while it reads. */
    private final Map<String, String> said = new HashMap<>();

    /** The outcomes of one round whose problems were not said before, in the round's order. */
    public synchronized List<FeedRefresh.Outcome> news(List<FeedRefresh.Outcome> round) {
        List<FeedRefresh.Outcome> out = new ArrayList<>();
        for (FeedRefresh.Outcome o : round) {
            if (o.problem().isEmpty()) {
                said.remove(o.name());
            } else if (!o.problem().equals(said.put(o.name(), o.problem()))) {
                out.add(o);
            }
        }
        return out;
    }
}
