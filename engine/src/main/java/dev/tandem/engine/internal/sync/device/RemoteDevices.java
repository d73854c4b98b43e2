package dev.tandem.engine.internal.sync.device;

import dev.tandem.engine.internal.snapshot.SnapshotStore;
import dev.tandem.engine.internal.wire.Head;
import dev.tandem.engine.internal.wire.Retirement;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The devices a remote knows of, and forgetting one by hand: {@link Retirement} with reason
 * {@value Retirement#FORGOTTEN}. Listing costs the {@code heads/} and {@code acks/} listings and one
 * GET per device (its newest head or ack, for when it was last seen); it runs on demand, never in a sync.
 * The caller lists the heads (the remote changelog's one listing) and hands them in.
 */
public final class RemoteDevices {
    private RemoteDevices() {
    }

    /** {@code newestHead}: each device's newest head on the remote; {@code retired}: the devices retired there. */
    public static List<RemoteDevice> list(SyncStorage storage, UUID self, Map<UUID, Long> newestHead, Set<UUID> retired) {
        SnapshotStore store = new SnapshotStore(storage);
        Map<UUID, String> acks = store.acks(new ArrayList<>(), self);
        Set<UUID> all = new TreeSet<>(newestHead.keySet());
        all.addAll(retired);
        all.addAll(acks.keySet());
        all.add(self);
        Map<UUID, Long> seen = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        newestHead.forEach((d, seq) -> store.readHead(Head.key(d, seq), unreadable::add)
                .ifPresent(h -> seen.merge(d, h.writtenAtMillis(), Math::max)));
        acks.forEach((d, key) -> store.readHead(key, unreadable::add)
                .ifPresent(h -> seen.merge(d, h.writtenAtMillis(), Math::max)));
        List<RemoteDevice> devices = new ArrayList<>();
        for (UUID d : all) {
            Long at = seen.get(d);
            devices.add(new RemoteDevice(d, at == null ? null : Instant.ofEpochMilli(at), retired.contains(d),
                    d.equals(self)));
        }
        return devices;
    }

    /**
     * Retires {@code device}; true when this call retired it, false when it already was. Its batches
     * stay until every live device has read them and a snapshot covers them (cleanup). {@code last} reads the
     * device's newest head on the remote (0 for none), once the device is known not to be this one.
     */
    public static boolean forget(SyncStorage storage, UUID self, UUID device, LongSupplier last, long nowMillis) {
        if (device.equals(self)) {
            throw new IllegalArgumentException("device: " + device + " is this device; forget it from another one");
        }
        return storage.createIfAbsent(Retirement.key(device),
                new Retirement(device, last.getAsLong(), nowMillis, self, Retirement.FORGOTTEN).encode());
    }
}
