package dev.tandem.app.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;

import dev.tandem.app.model.Section;

import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.Change;
import dev.tandem.engine.Db;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ItemVersionsTest {
    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private final TodoStore store = new TodoStore(Db.builder().memory().clock(clock).build(), clock, ZoneOffset.UTC);
    private final ItemVersions versions = new ItemVersions(store, new Authors(store));
    private final TagStore tags = new TagStore(store);

    @AfterEach
    void close() {
        store.close();
    }

    private void later() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void versions_eachChange_isNumberedFromTheFirst() {
        Item it = store.add("Passport", null, null);
        later();
        store.update(it.id(), i -> i.withNotes("In the drawer"));
        later();
        store.trash(it.id());

        List<ItemVersions.Version> all = versions.versions(it.id());
        assertEquals(List.of(1, 2, 3), all.stream().map(ItemVersions.Version::number).toList());
        assertEquals(Set.of(ItemField.NOTES), all.get(1).fields());
        assertEquals(Set.of(ItemField.TRASH), all.get(2).fields());
        assertEquals(Authors.thisDevice(), all.get(2).device());
    }

    @Test
    void attachments_fileAddedThenRemoved_listedForTheVersionItStoodIn() {
        String blob = "ab".repeat(32);
        Item it = store.add("Visa", null, null);
        later();
        Attachment photo = store.db().save(new Attachment(AttachmentStore.idOf(it.id(), blob), it.id(), blob, "photo.png",
                "image/png", 10L, clock.millis()));
        Instant attached = clock.instant();
        later();
        store.update(it.id(), i -> i.withNotes("Apply by May"));
        later();
        store.db().delete(Attachment.class, photo.id());
        later();
        store.update(it.id(), i -> i.withTitle("Visa for Japan"));

        List<ItemVersions.Version> all = versions.versions(it.id());
        assertEquals(3, all.size());
        assertEquals(List.of(photo), versions.attachments(it.id(), all.get(0)), "attached before version 2 came");
        assertEquals(List.of(), versions.attachments(it.id(), all.get(1)), "removed before version 3 came");
        assertEquals(List.of(), versions.attachments(it.id(), all.get(2)));
        assertEquals(List.of(photo), versions.attachmentsAsOf(it.id(), attached));
        assertEquals(List.of(), versions.attachmentsAsOf(it.id(), attached.minusSeconds(30)));
    }

    @Test
    void restore_notesOverwritten_bringsTheOldNotesBackAsANewEdit() {
        Item it = store.add("Trip", null, null);
        later();
        store.update(it.id(), i -> i.withNotes("Flights: LH 123\nHotel: Alfama"));
        later();
        store.update(it.id(), i -> i.withNotes("oops"));
        later();
        ItemVersions.Version good = versions.find(it.id(), "2").orElseThrow();
        VersionRestore plan = versions.plan(versions.item(it.id(), good).orElseThrow(), good.at());

        assertEquals(List.of(ItemField.NOTES), plan.fields().stream().map(VersionRestore.FieldDiff::field).toList());
        versions.restore(plan, plan.defaultChoice());

        assertEquals("Flights: LH 123\nHotel: Alfama", store.get(it.id()).orElseThrow().notes());
        List<Change> history = store.history().changes("items", it.id());
        assertEquals(4, history.size(), "a new edit, not a rewind");
        assertEquals(List.of("notes"), history.get(3).fields().stream().map(f -> f.field()).toList());
    }

    @Test
    void restore_deletedForGood_bringsTheItemAndItsTagsBack() {
        Item it = store.add("Renew passport", null, null);
        tags.add(it.id(), List.of("admin"));
        later();
        store.trash(it.id());
        later();
        store.emptyTrash();
        later();
        assertTrue(store.get(it.id()).isEmpty());

        ItemVersions.Version beforeTrash = versions.versions(it.id()).get(0);
        Item then = versions.item(it.id(), beforeTrash).orElseThrow();
        assertEquals("admin", then.tags());
        VersionRestore plan = versions.plan(then, beforeTrash.at());
        assertTrue(plan.deleted());
        versions.restore(plan, plan.defaultChoice());

        Item back = store.get(it.id()).orElseThrow();
        assertEquals("Renew passport", back.title());
        assertFalse(back.isTrashed(), "brought back out of the Trash too");
        assertEquals(List.of("admin"), tags.of(it.id()));
    }

    @Test
    void undo_afterRestore_putsBackWhatWasThere() {
        Item it = store.add("Call Ann", null, null);
        later();
        store.update(it.id(), i -> i.withTitle("Call Ann about the car").withPriority(1));
        later();
        ItemVersions.Version first = versions.find(it.id(), "1").orElseThrow();
        VersionRestore plan = versions.plan(versions.item(it.id(), first).orElseThrow(), first.at());
        Set<ItemField> chosen = EnumSet.of(ItemField.TITLE, ItemField.PRIORITY);
        versions.restore(plan, chosen);
        assertEquals("Call Ann", store.get(it.id()).orElseThrow().title());
        later();

        versions.undo(plan, chosen);

        Item now = store.get(it.id()).orElseThrow();
        assertEquals("Call Ann about the car", now.title());
        assertEquals(Long.valueOf(1), now.priority());
    }

    @Test
    void itemAsOf_beforeItWasMade_isEmpty() {
        Instant before = clock.instant();
        later();
        Item it = store.add("Bins", null, null);
        assertEquals(Optional.empty(), versions.itemAsOf(it.id(), before));
        assertEquals("Bins", versions.itemAsOf(it.id(), clock.instant()).orElseThrow().title());
    }

    @Test
    void restore_afterAMoveOutOfItsParentAndSection_putsParentSectionAndRankBack() {
        TodoList home = store.createList("Home");
        Section later = new SectionStore(store).create(home.id(), "Later");
        OutlineStore outline = new OutlineStore(store);
        Item move = store.add("Move house", null, home.id(), null, TodoDetails.NONE).item();
        later();
        Item van = store.add("Book the van", null, home.id(), move.id(), null, TodoDetails.NONE).item();
        later();
        store.update(van.id(), i -> i.withStart(LocalDate.of(2026, 11, 30)).withSomeday(true));
        Item placed = store.get(van.id()).orElseThrow();
        later();
        outline.move(van.id(), new OutlineStore.Target(home.id(), null, later.id(), null));
        later();
        store.update(van.id(), i -> i.withStart(null).withSomeday(false));
        later();
        outline.setCollapsed(van.id(), true);

        List<ItemVersions.Version> all = versions.versions(van.id());
        assertEquals(4, all.size(), "folding is no version");
        assertEquals(Set.of(ItemField.PLACE), all.get(2).fields());
        assertEquals("Changed place", all.get(2).summary());
        ItemVersions.Version before = all.get(1);
        VersionRestore plan = versions.plan(versions.item(van.id(), before).orElseThrow(), before.at());
        assertEquals(List.of(ItemField.PLACE, ItemField.START, ItemField.SOMEDAY),
                plan.fields().stream().map(VersionRestore.FieldDiff::field).toList());
        versions.restore(plan, plan.defaultChoice());

        Item back = store.get(van.id()).orElseThrow();
        assertEquals(move.id(), back.parentId());
        assertEquals(placed.sectionId(), back.sectionId());
        assertEquals(placed.rank(), back.rank());
        assertEquals("2026-11-30", back.start());
        assertTrue(back.isSomeday());
    }
}
