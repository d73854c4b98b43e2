package dev.tandem.app.feeds;

import dev.tandem.ui.messages.Messages;
import java.util.Locale;

/**
 * The check a feed's text passes before ical4j sees it: one pass over the lines, as RFC 5545
 * unfolds them, counting what parsing would build. It refuses a line longer than
 * {@link FeedLimits#maxLineChars}, components nested deeper than {@link FeedLimits#maxDepth}, more
 * VEVENTs or VTIMEZONEs than allowed, and an event listing more RDATE or EXDATE values than
 * {@link FeedLimits#maxDatesPerEvent}. It builds nothing, so its own cost is one look at each
 * character of text already capped in bytes.
 */
final class FeedScan {
    private FeedScan() {
    }

    static void check(String text, FeedLimits limits) {
        int depth = 0;
        int events = 0;
        int zones = 0;
        int dates = 0;
        int lineStart = 0;
        int logical = 0;
        boolean dateLine = false;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i < n && text.charAt(i) != '\n') {
                continue;
            }
            int stop = i > lineStart && text.charAt(i - 1) == '\r' ? i - 1 : i;
            boolean folded = stop > lineStart && (text.charAt(lineStart) == ' ' || text.charAt(lineStart) == '\t');
            logical = folded ? logical + (stop - lineStart) : stop - lineStart;
            if (logical > limits.maxLineChars()) {
                throw new FeedException(Messages.text("common.calendars.longLine", limits.maxLineChars()));
            }
            if (!folded) {
                String head = text.substring(lineStart, Math.min(stop, lineStart + 16)).toUpperCase(Locale.ROOT);
                dateLine = head.startsWith("RDATE") || head.startsWith("EXDATE");
                if (head.startsWith("BEGIN:")) {
                    if (++depth > limits.maxDepth()) {
                        throw new FeedException(Messages.text("common.calendars.deep", limits.maxDepth()));
                    }
                    String what = text.substring(lineStart + 6, stop).strip().toUpperCase(Locale.ROOT);
                    if (what.equals("VEVENT")) {
                        dates = 0;
                        if (++events > limits.maxEvents()) {
                            throw new FeedException(Messages.text("common.calendars.manyEvents", limits.maxEvents()));
                        }
                    }
                    if (what.equals("VTIMEZONE") && ++zones > limits.maxTimezones()) {
                        throw new FeedException(Messages.text("common.calendars.manyZones", limits.maxTimezones()));
                    }
                } else if (head.startsWith("END:")) {
                    depth = Math.max(0, depth - 1);
                }
            }
            if (dateLine) {
                // One value per comma, and one for the line's first.
                dates += folded ? 0 : 1;
                for (int j = lineStart; j < stop; j++) {
                    dates += text.charAt(j) == ',' ? 1 : 0;
                }
                if (dates > limits.maxDatesPerEvent()) {
                    throw new FeedException(Messages.text("common.calendars.manyDates", limits.maxDatesPerEvent()));
                }
            }
            lineStart = i + 1;
        }
    }
}
