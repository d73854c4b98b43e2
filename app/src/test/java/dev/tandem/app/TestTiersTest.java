package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tandem.engine.testing.TestTiers;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The app's test classes each in one tier, and the fast tiers free of processes, servers, browsers
 * and the FX toolkit (docs/TESTING.md; the check itself is tested in the engine's TestTiersTest).
 */
@Tag("unit")
class TestTiersTest {
    @Test
    void everyTestClass_oneTierThatSaysWhatItNeeds() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.tandem.app");
        assertEquals(List.of(), TestTiers.problems(tests));
    }
}
