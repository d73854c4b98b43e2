package dev.tandem.app.sync;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.SyncEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The devices a profile's remote knows of, by their synced names, and forgetting one. Blocking: off the UI thread. */
public final class DeviceRoster {
    /** A device by name: its own synced name, "This device" for this one when it has none. */
    public record Entry(UUID id, String name, Instant lastSeen, boolean retired, boolean thisDevice) {
    }

    private final TodoStore store;

    public DeviceRoster(TodoStore store) {
        this.store = store;
    }

    /** Lists the remote's devices (one request per device). */
    public List<Entry> list(SyncEngine engine) {
        Authors authors = new Authors(store);
        List<Entry> out = new ArrayList<>();
        for (RemoteDevice d : store.replica().devices(engine)) {
            String name = d.thisDevice() ? authors.ownName().orElse(Authors.thisDevice()) : authors.label(d.id().toString());
            out.add(new Entry(d.id(), name, d.lastSeen(), d.retired(), d.thisDevice()));
        }
        return out;
    }

    /** Retires {@code device} on the remote; false when it already was. */
    public boolean forget(SyncEngine engine, UUID device) {
        return store.replica().forget(engine, device);
    }
}
