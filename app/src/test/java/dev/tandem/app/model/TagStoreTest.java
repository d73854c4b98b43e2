package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TagStoreTest {
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC(), ZoneOffset.UTC);
    private final TagStore tags = new TagStore(store);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void add_sameTagDifferentCase_isOneRow() {
        Item it = store.add("Milk", null, null);
        assertEquals(List.of("home"), tags.add(it.id(), List.of("Home", "@home", "HOME")));
        assertEquals(List.of("home"), tags.of(it.id()));
    }

    @Test
    void remove_thenAddAgain_bringsTheTagBack() {
        Item it = store.add("Milk", null, null);
        tags.add(it.id(), List.of("home", "shop"));
        assertEquals(List.of("shop"), tags.remove(it.id(), List.of("shop")));
        assertEquals(List.of("home"), tags.of(it.id()));
        tags.add(it.id(), List.of("shop"));
        assertEquals(List.of("home", "shop"), tags.of(it.id()));
    }

    @Test
    void counts_countOpenTodosOnly() {
        Item a = store.add("A", null, null);
        Item b = store.add("B", null, null);
        Item c = store.add("C", null, null);
        tags.add(a.id(), List.of("home"));
        tags.add(b.id(), List.of("home", "work"));
        tags.add(c.id(), List.of("home"));
        store.setDone(c.id(), true);
        assertEquals(List.of(new Count("home", 2L), new Count("work", 1L)), tags.counts());
    }

    @Test
    void tagView_andSearchWithTag_filterByTheTag() {
        Item a = store.add("Buy paint", null, null);
        Item b = store.add("Buy milk", null, null);
        store.add("Paint fence", null, null);
        tags.add(a.id(), List.of("home"));
        tags.add(b.id(), List.of("shop"));
        assertEquals(List.of(a.id()), store.query(new View.TagView("home")).stream().map(Item::id).toList());
        assertEquals(List.of(a.id()), store.query(new View.SearchView("buy", "home")).stream().map(Item::id).toList());
        assertEquals(List.of("home"), store.query(new View.TagView("home")).get(0).tagList());
        assertTrue(store.query(new View.SearchView("fence", "home")).isEmpty());
    }

    @Test
    void set_replacesTheTags() {
        Item it = store.add("Milk", null, null);
        tags.add(it.id(), List.of("a", "b"));
        assertEquals(List.of("a", "b"), tags.set(it.id(), List.of("b", "c")));
        assertEquals(List.of("b", "c"), tags.of(it.id()));
    }
}
