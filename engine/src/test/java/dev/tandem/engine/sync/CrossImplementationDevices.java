package dev.tandem.engine.sync;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.CrossImplementationProperties.Item;
import dev.tandem.engine.sync.CrossImplementationProperties.Remote;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.MiniJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The two kinds of device {@link CrossImplementationProperties} runs its schedules on: an engine
 * device (a {@link Db} and a {@link SyncEngine}) and a device of the JavaScript sync core driven
 * through {@link JsDriver}. Both report their state in one form (rows then conflicts, each value
 * with its storage class) so the two runs compare line for line.
 */
final class CrossImplementationDevices {
    private CrossImplementationDevices() {
    }

    /** What both kinds of device do. */
    interface Device extends AutoCloseable {
        Item row(String id);

        void save(Item item);

        void delete(String id);

        void restore(String id);

        void sync(String passphrase);

        void changePassphrase(String passphrase);

        /** Rows then conflicts, each line sorted, values with their storage class. */
        String state();

        @Override
        void close();
    }

    static String typed(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Long l) {
            return "i:" + l;
        }
        if (v instanceof String s) {
            return "s:" + s;
        }
        if (v instanceof Double d) {
            return "f:" + Double.doubleToRawLongBits(d);
        }
        return "b:" + GoldenOut.hex((byte[]) v);
    }

    static String typedJson(Object t) {
        if (t == null) {
            return "null";
        }
        Map<?, ?> m = (Map<?, ?>) t;
        if (m.containsKey("int")) {
            return "i:" + m.get("int");
        }
        if (m.containsKey("str")) {
            return "s:" + m.get("str");
        }
        if (m.containsKey("float")) {
            return "f:" + Long.parseUnsignedLong((String) m.get("float"), 16);
        }
        return "b:" + m.get("bin");
    }

    static final class JavaDevice implements Device {
        final Db db;
        final Remote remote;
        final int index;
        SyncEngine engine;
        String passphrase;

        JavaDevice(int index, Remote remote, ManualClock clock) {
            this.index = index;
            this.remote = remote;
            this.db = Db.builder().memory().clock(clock).mergeText("items", "notes").build();
            db.migrate(List.of(CrossImplementationProperties.SCHEMA));
        }

        @Override
        public Item row(String id) {
            return db.get(Item.class, id).orElse(null);
        }

        @Override
        public void save(Item item) {
            db.save(item);
        }

        @Override
        public void delete(String id) {
            db.delete(Item.class, id);
        }

        @Override
        public void restore(String id) {
            db.restore(Item.class, id);
        }

        @Override
        public void sync(String pass) {
            if (engine == null || !pass.equals(passphrase)) {
                if (engine != null) {
                    engine.close();
                }
                engine = remote.engine().encrypted(pass).deviceName("engine-" + index).snapshotEvery(0).snapshotChanges(0)
                        .retireAfter(Duration.ZERO).build();
                passphrase = pass;
            }
            engine.sync(db);
        }

        @Override
        public void changePassphrase(String pass) {
            engine.keys().changePassphrase(pass);
            engine.close();
            engine = null;
        }

        void rotate(String pass) {
            engine.keys().rotate(db, pass, null);
            engine.close();
            engine = null;
        }

        @Override
        public String state() {
            TreeSet<String> rows = new TreeSet<>();
            for (Item it : db.query(Item.class, "SELECT * FROM items")) {
                rows.add(it.id() + " title=" + typed(it.title()) + " notes=" + typed(it.notes()) + " done=" + typed(it.done())
                        + " listId=" + typed(it.listId()));
            }
            List<String> conflicts = new ArrayList<>();
            for (Conflict c : db.conflicts().list()) {
                conflicts.add(c.kind() + " " + c.table() + " " + c.entity() + " " + c.field() + " kept=" + typed(c.keptValue())
                        + " lost=" + typed(c.lostValue()));
            }
            conflicts.sort(null);
            return "rows:" + rows + "\nconflicts:" + conflicts;
        }

        @Override
        public void close() {
            if (engine != null) {
                engine.close();
            }
            db.close();
        }
    }

    static final class JsDevice implements Device {
        final JsDriver driver;
        final String name;
        final Remote remote;
        final String deviceId = UUID.randomUUID().toString();
        String passphrase;

        JsDevice(JsDriver driver, int index, Remote remote, ManualClock clock) {
            this.driver = driver;
            this.name = "js" + index;
            this.remote = remote;
        }

        @Override
        public Item row(String id) {
            for (Object o : rows()) {
                Map<?, ?> row = (Map<?, ?>) o;
                if (row.get("id").equals(id)) {
                    Map<?, ?> f = (Map<?, ?>) row.get("fields");
                    return new Item(id, (String) plain(f.get("title")), (String) plain(f.get("notes")),
                            (Long) plain(f.get("done")), (String) plain(f.get("listId")));
                }
            }
            return null;
        }

        private static Object plain(Object t) {
            if (t == null) {
                return null;
            }
            Map<?, ?> m = (Map<?, ?>) t;
            return m.containsKey("int") ? Long.valueOf((String) m.get("int")) : m.get("str");
        }

        private List<?> rows() {
            Map<?, ?> answer = (Map<?, ?>) MiniJson.parse(driver.send("{\"op\":\"state\",\"device\":\"" + name
                    + "\",\"table\":\"items\"}"));
            return (List<?>) answer.get("rows");
        }

        private static Object json(Object v) {
            return v == null ? null : v instanceof Long l ? GoldenOut.obj("int", Long.toString(l)) : GoldenOut.obj("str", v);
        }

        @Override
        public void save(Item it) {
            Map<String, Object> record = new HashMap<>();
            record.put("title", json(it.title()));
            record.put("notes", json(it.notes()));
            record.put("done", json(it.done()));
            record.put("listId", json(it.listId()));
            driver.send(GoldenOut.json(GoldenOut.obj("op", "save", "device", name, "table", "items", "id", it.id(),
                    "record", record, "columns", CrossImplementationProperties.COLUMNS)));
        }

        @Override
        public void delete(String id) {
            driver.send(GoldenOut.json(GoldenOut.obj("op", "delete", "device", name, "table", "items", "id", id)));
        }

        @Override
        public void restore(String id) {
            driver.send(GoldenOut.json(GoldenOut.obj("op", "restore", "device", name, "table", "items", "id", id)));
        }

        @Override
        public void sync(String pass) {
            if (!pass.equals(passphrase)) {
                driver.send("{\"op\":\"open\",\"device\":\"" + name + "\",\"deviceId\":\"" + deviceId + "\",\"remote\":"
                        + remote.js() + ",\"passphrase\":" + GoldenOut.json(pass) + ",\"mergeText\":[\"items.notes\"]}");
                passphrase = pass;
            }
            driver.send("{\"op\":\"sync\",\"device\":\"" + name + "\"}");
        }

        @Override
        public void changePassphrase(String pass) {
            driver.send(GoldenOut.json(GoldenOut.obj("op", "changePassphrase", "device", name, "passphrase", pass)));
            passphrase = pass;
        }

        @Override
        public String state() {
            Map<?, ?> answer = (Map<?, ?>) MiniJson.parse(driver.send("{\"op\":\"state\",\"device\":\"" + name
                    + "\",\"table\":\"items\"}"));
            TreeSet<String> rows = new TreeSet<>();
            for (Object o : (List<?>) answer.get("rows")) {
                Map<?, ?> row = (Map<?, ?>) o;
                Map<?, ?> f = (Map<?, ?>) row.get("fields");
                rows.add(row.get("id") + " title=" + typedJson(f.get("title")) + " notes=" + typedJson(f.get("notes"))
                        + " done=" + typedJson(f.get("done")) + " listId=" + typedJson(f.get("listId")));
            }
            List<String> conflicts = new ArrayList<>();
            for (Object o : (List<?>) answer.get("conflicts")) {
                Map<?, ?> c = (Map<?, ?>) o;
                conflicts.add(c.get("kind") + " " + c.get("table") + " " + c.get("entity") + " " + c.get("field") + " kept="
                        + typedJson(c.get("kept")) + " lost=" + typedJson(c.get("lost")));
            }
            conflicts.sort(null);
            return "rows:" + rows + "\nconflicts:" + conflicts;
        }

        @Override
        public void close() {
        }
    }
}
