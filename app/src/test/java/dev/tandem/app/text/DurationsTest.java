package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DurationsTest {
    @Test
    void parse_minutesAndHoursAsTyped_readAsMinutes() {
        for (String s : List.of("30", "30m", "30 min", "30 mins", "30 minutes", "30MIN")) {
            assertEquals(Optional.of(30), Durations.parse(s), s);
        }
        for (String s : List.of("1h30", "1h30m", "1 h 30 min", "1.5h", "1,5 hours", "90 minutes", "90")) {
            assertEquals(Optional.of(90), Durations.parse(s), s);
        }
        assertEquals(Optional.of(120), Durations.parse("2 hours"));
        assertEquals(Optional.of(60), Durations.parse("1 hour"));
    }

    @Test
    void parse_nothingTooLongOrNoLength_isEmpty() {
        for (String s : List.of("", "0", "0m", "abc", "3 days", "1h75", "200h", "-5", "10081")) {
            assertEquals(Optional.empty(), Durations.parse(s), s);
        }
    }

    @Test
    void format_minutesAndHours_readAsPeopleSayThem() {
        assertEquals("30 min", Durations.format(30));
        assertEquals("1 h", Durations.format(60));
        assertEquals("1 h 30 min", Durations.format(90));
    }
}
