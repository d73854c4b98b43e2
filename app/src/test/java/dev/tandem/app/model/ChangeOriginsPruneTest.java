package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.engine.Change;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marks of where changes came from go when pruning forgets the changes, and stay while history holds them. */
@Tag("unit")
class ChangeOriginsPruneTest {
    private static final long DAY = 24L * 3600 * 1000;

    @TempDir
    Path tmp;

    private static Set<String> origins(TodoStore store) {
        return store.db().query(ChangeOrigin.class, "SELECT * FROM change_origins").stream().map(ChangeOrigin::id)
                .collect(Collectors.toSet());
    }

    @Test
    void pruneHistory_renamesAndTagsMarkedViaMcp_marksOfForgottenChangesGoTheKeptOnesStay() throws Exception {
        ManualClock clock = new ManualClock(1_780_000_000_000L);
        Files.createDirectories(tmp.resolve("remote"));
        try (TodoStore store = TodoStore.open(Schema.database(tmp.resolve("tandem.db")).clock(clock), clock, ZoneOffset.UTC);
             SyncEngine engine = SyncEngine.builder().folder(tmp.resolve("remote")).build()) {
            String id = store.add("v0", null, null).id();
            ChangeOrigins origins = new ChangeOrigins(store);
            for (int i = 1; i <= 6; i++) {
                clock.millis.addAndGet(DAY);
                String title = "v" + i;
                origins.marking(ChangeOrigin.MCP, "Test Assistant", () -> List.of(id),
                        () -> store.update(id, it -> it.withTitle(title)), r -> List.of());
            }
            origins.marking(ChangeOrigin.MCP, "Test Assistant", () -> List.of(id),
                    () -> store.tags().set(id, List.of("errand")), r -> List.of());
            store.db().save(new ChangeOrigin("not a change id", ChangeOrigin.MCP, "Junk"));
            store.replica().sync(engine);
            assertEquals(8, origins(store).size(), "six renames, a tag and the junk row");

            clock.millis.addAndGet(DAY);
            store.replica().pruneHistory(Duration.ZERO);

            Set<String> held = new HashSet<>();
            store.db().history().changes("items", id).forEach(c -> held.add(c.id()));
            String tagRow = ItemTag.of(id, "errand").id();
            store.db().history().changes("item_tags", tagRow).forEach(c -> held.add(c.id()));
            Set<String> left = origins(store);
            assertEquals(4, left.size(), "the last three renames and the tag, which history keeps: " + left);
            assertTrue(held.containsAll(left), "every mark left names a change history holds");
            List<Change> titles = store.db().history().changes("items", id);
            assertEquals(4, titles.size(), "the insert (unmarked) and the last three titles");
            assertEquals(List.of("This device", "This device via MCP (Test Assistant)",
                    "This device via MCP (Test Assistant)", "This device via MCP (Test Assistant)"),
                    new ItemVersions(store, new Authors(store)).versions(id).stream().map(ItemVersions.Version::device)
                            .toList());
        }
    }
}
