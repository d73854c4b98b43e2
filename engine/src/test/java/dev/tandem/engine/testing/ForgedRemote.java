package dev.tandem.engine.testing;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.internal.wire.Head;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes objects into a remote as if another device (honest, buggy or hostile) had written them:
 * well-formed batches with any content, raw bytes under a batch key, and heads.
 */
public final class ForgedRemote {
    private final SyncStorage storage;
    private final HybridClock clock;
    public final UUID device;

    public ForgedRemote(SyncStorage storage) {
        this(storage, UUID.randomUUID());
    }

    public ForgedRemote(SyncStorage storage, UUID device) {
        this(storage, device, Clock.systemUTC());
    }

    /** Dates change ids by {@code wall}, e.g. the same manual clock as the devices under test. */
    public ForgedRemote(SyncStorage storage, UUID device, Clock wall) {
        this.storage = storage;
        this.device = device;
        this.clock = new HybridClock(wall);
    }

    public static String batchKey(UUID device, long seq) {
        return String.format("batches/%s/%012d", device, seq);
    }

    public static String headKey(UUID device, long seq) {
        return String.format("heads/%s/%012d", device, seq);
    }

    public String batchKey(long seq) {
        return batchKey(device, seq);
    }

    /** A fresh change id from an honest clock. */
    public UUID id() {
        return clock.next();
    }

    /** One change setting {@code fieldsAndValues} (name, value, name, value…) on an entity. */
    public ChangeData change(String table, String entity, Object... fieldsAndValues) {
        List<FieldData> fields = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.add(new FieldData((String) fieldsAndValues[i], fieldsAndValues[i + 1], null));
        }
        return new ChangeData(id(), table, entity, fields);
    }

    public byte[] encode(long seq, ChangeData... changes) {
        return BatchCodec.encode(new Batch(device, seq, List.of(changes)), System.currentTimeMillis());
    }

    public void batch(long seq, ChangeData... changes) {
        raw(seq, encode(seq, changes));
    }

    public void raw(long seq, byte[] object) {
        if (!storage.createIfAbsent(batchKey(seq), object)) {
            throw new IllegalStateException(batchKey(seq) + " exists");
        }
    }

    public void head(long seq) {
        storage.createIfAbsent(headKey(device, seq), BatchCodec.encodeHead(new Head(device, seq, System.currentTimeMillis(), Map.of())));
    }
}
