package dev.tandem.engine.internal.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DispatcherOrderTest {
    @Test
    void costStep_queriesWithinAMillisecond_shareAStepSoTheirOrderStays() {
        assertEquals(0, Dispatcher.costStep(0));
        assertEquals(0, Dispatcher.costStep(20_000));
        assertEquals(0, Dispatcher.costStep(600_000));
        assertEquals(0, Dispatcher.costStep(1_048_575));
        assertEquals(Dispatcher.costStep(1_100_000), Dispatcher.costStep(2_000_000));
        assertEquals(0, Dispatcher.costStep(-5), "a clock that went back is no cost");
    }

    @Test
    void costStep_aQueryTwiceAsCostly_comesOneStepLaterAndACountOfEverythingLast() {
        assertTrue(Dispatcher.costStep(2_200_000) > Dispatcher.costStep(1_000_000));
        assertTrue(Dispatcher.costStep(4_300_000) > Dispatcher.costStep(2_100_000));
        assertTrue(Dispatcher.costStep(90_000_000) > Dispatcher.costStep(10_000_000));
        assertTrue(Dispatcher.costStep(Long.MAX_VALUE) > Dispatcher.costStep(90_000_000));
    }
}
