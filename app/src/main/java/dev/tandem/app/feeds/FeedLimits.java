package dev.tandem.app.feeds;

import java.time.Duration;

/**
 * How much of a calendar feed Tandem reads before it trusts it (docs/CALENDARS.md, "Bounded before
 * trusted"). A feed over any cap is "could not read" with the cap named; the calendar keeps its
 * last copy and the other calendars refresh on. Tests pass smaller caps and their own clock.
 */
public record FeedLimits(long maxBytes, int maxLineChars, int maxDepth, int maxEvents, int maxTimezones,
                         int maxDatesPerEvent, int maxOccurrencesPerEvent, int maxOccurrences, int maxRuleSets,
                         Duration maxTime) {
    /** The caps every refresh reads with. */
    public static final FeedLimits DEFAULT = new FeedLimits(10L << 20, 65_536, 4, 20_000, 50, 1_000, 1_000, 50_000,
            2_000, Duration.ofSeconds(20));
}
