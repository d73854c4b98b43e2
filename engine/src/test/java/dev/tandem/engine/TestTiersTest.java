package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tandem.engine.testing.TestTiers;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The engine's test classes each in one tier, and the fast tiers free of processes and servers (docs/TESTING.md). */
@Tag("unit")
class TestTiersTest {
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.tandem.engine");
    /** Misplaced classes to check the check with, named by package so that this class does not depend on them. */
    private static final String PLANTED = "dev.tandem.engine.testing.planted";

    @Test
    void everyTestClass_oneTierThatSaysWhatItNeeds() {
        assertEquals(List.of(), TestTiers.problems(TESTS));
    }

    @Test
    void problems_unitTestThatStartsAProcessNoTagOrJupitersTagOnAProperty_named() {
        JavaClasses planted = new ClassFileImporter().importPackages(PLANTED);
        List<String> problems = TestTiers.problems(planted, c -> c.getSimpleName().startsWith("PlantedU"));
        assertEquals(3, problems.size(), problems.toString());
        String unit = problems.stream().filter(p -> p.contains("PlantedUnit:")).findFirst().orElseThrow();
        assertTrue(unit.contains("[process]") && unit.contains("tag it process"), unit);
        assertTrue(problems.stream().anyMatch(p -> p.contains("PlantedUntagged:") && p.contains("exactly one tier")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("PlantedUnitProperty:") && p.contains("net.jqwik.api.Tag")),
                problems.toString());
    }

    @Test
    void problems_serverTaggedTestThatStartsAProcess_none() {
        JavaClasses planted = new ClassFileImporter().importPackages(PLANTED);
        assertEquals(List.of(), TestTiers.problems(planted, c -> c.getSimpleName().equals("PlantedServer")));
    }
}
