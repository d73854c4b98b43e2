package dev.tandem.engine.testing.planted;

import net.jqwik.api.Property;
import org.junit.jupiter.api.Tag;

/** A jqwik class tagged with JUnit's @Tag, which jqwik does not read: its tier would be lost. Not run by surefire. */
@Tag("property")
class PlantedUnitProperty {
    @Property(tries = 1)
    boolean holds() {
        return true;
    }
}
