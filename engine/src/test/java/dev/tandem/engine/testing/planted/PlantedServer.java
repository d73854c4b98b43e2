package dev.tandem.engine.testing.planted;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same fixture from a class in the right tier. Not run by surefire (its name). */
@Tag("process")
class PlantedServer {
    @Test
    void run() {
        PlantedFixture.start();
    }
}
