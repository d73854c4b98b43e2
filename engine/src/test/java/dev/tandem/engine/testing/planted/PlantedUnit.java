package dev.tandem.engine.testing.planted;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A unit-tagged class that starts a process through a fixture: misplaced. Not run by surefire (its name). */
@Tag("unit")
class PlantedUnit {
    @Test
    void run() {
        PlantedFixture.start();
    }
}
