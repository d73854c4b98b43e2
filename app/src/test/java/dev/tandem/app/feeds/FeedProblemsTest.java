package dev.tandem.app.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A calendar file that goes missing, read hour after hour by a real {@link FeedRefresh}: its problem is news once,
 * again only once it was read in between or the reason changed; a good calendar beside it is never news.
 */
@Tag("unit")
class FeedProblemsTest {
    @TempDir
    Path tmp;

    private static List<String> names(List<FeedRefresh.Outcome> news) {
        return news.stream().map(FeedRefresh.Outcome::name).toList();
    }

    @Test
    void news_sameFailureEveryRound_saidOnce_againAfterARead_andWhenTheReasonChanges() throws Exception {
        Path team = tmp.resolve("team.ics");
        Path good = Files.writeString(tmp.resolve("good.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
        try (EventStore store = EventStore.open(Optional.empty())) {
            store.add(CalendarSubscription.of("team", team.toString(), "", ""));
            store.add(CalendarSubscription.of("good", good.toString(), "", ""));
            FeedRefresh refresh = new FeedRefresh(store, FeedLimits.DEFAULT, Clock.systemUTC(), System::nanoTime, a -> {
                throw new FeedException("no CalDAV here");
            });
            FeedProblems problems = new FeedProblems();

            List<FeedRefresh.Outcome> first = problems.news(refresh.refreshAll());
            assertEquals(List.of("team"), names(first));
            assertTrue(first.get(0).problem().contains(team.toString()), first.get(0).problem());
            for (int hour = 0; hour < 3; hour++) {
                assertEquals(List.of(), problems.news(refresh.refreshAll()), "the same failure is not news");
            }

            Files.writeString(team, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
            assertEquals(List.of(), problems.news(refresh.refreshAll()), "read again: nothing to say");
            Files.delete(team);
            assertEquals(List.of("team"), names(problems.news(refresh.refreshAll())), "failing again is news");

            // Another reason: the file is back, but not a calendar.
            Files.writeString(team, "not a calendar at all");
            List<FeedRefresh.Outcome> other = problems.news(refresh.refreshAll());
            assertEquals(List.of("team"), names(other), "a new reason is news: " + other);
            assertEquals(List.of(), problems.news(refresh.refreshAll()));
        }
    }
}
