package dev.tandem.engine.testing.planted;

import org.junit.jupiter.api.Test;

/** A test class with no tier. Not run by surefire (its name). */
class PlantedUntagged {
    @Test
    void run() {
    }
}
