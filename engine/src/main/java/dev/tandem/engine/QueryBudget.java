package dev.tandem.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one read may work before it is stopped with {@link QueryTooCostlyException}: the bound on the cost of
 * a query whose shape comes from outside (a saved filter synced from another device, a search someone typed),
 * where a bound on its size alone lets a short query scan the store many times over.
 *
 * <p>The time is counted on the reading thread from the start of the read; both the statement's own steps and
 * the work SQLite does inside one step (a full-text index merging many words, a sort) are stopped once it is
 * over. A budget says nothing about the rows the read returns: a caller bounds those with {@code LIMIT}.
 *
 * @param time at most this long; more than zero and at most an hour
 */
public record QueryBudget(Duration time) {
    public QueryBudget {
        Objects.requireNonNull(time, "time");
        if (time.isNegative() || time.isZero() || time.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("time: must be more than zero and at most an hour, was " + time);
        }
    }

    /** A budget of {@code millis} milliseconds. */
    public static QueryBudget ofMillis(long millis) {
        return new QueryBudget(Duration.ofMillis(millis));
    }
}
