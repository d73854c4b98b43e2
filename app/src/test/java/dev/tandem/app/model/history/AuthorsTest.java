package dev.tandem.app.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.DeviceName;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class AuthorsTest {
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC());
    private final Authors authors = new Authors(store);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void history_edit_listsFieldAndThisDevice() {
        Item a = store.add("a", null, null);
        store.update(a.id(), it -> it.withTitle("b"));
        List<HistoryEntry> h = authors.history(a.id());
        HistoryEntry last = h.get(h.size() - 1);
        assertEquals("title", last.field());
        assertEquals("b", last.value());
        assertTrue(last.thisDevice());
        assertEquals("This device", last.device());
    }

    @Test
    void label_registeredOtherDevice_usesItsName() {
        authors.register("Laptop");
        store.db().save(new DeviceName("other-device-123456", "Phone"));
        assertEquals("Phone", authors.label("other-device-123456"));
        assertEquals("This device", authors.label(store.replica().deviceId()));
        assertEquals("Device abcdef", authors.label("unknown-abcdef"));
    }
}
