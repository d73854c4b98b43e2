package dev.tandem.engine.internal;

import dev.tandem.engine.internal.capture.ChangeCapture;
import dev.tandem.engine.internal.changelog.DeviceIds;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.tx.Writer;
import java.util.UUID;

/**
 * The device id a database's changes are authored and pushed under, and the two ways sync changes it:
 * a new id when another installation writes under this one ({@link #takeNew}), and the id another
 * process of the same file took meanwhile ({@link #refresh}). Its own class because the id is the one
 * piece of a database's state that changes outside a save, and its order matters.
 *
 * <p>Invariant: the id changes only while the write lock is held, after the commit that stores it
 * ({@link DeviceIds}) and before the lock is let go, together with the change capture's author. So no
 * save commits between the stored id and the one in memory: every change is authored by the id the
 * database has on disk.
 */
final class DeviceIdentity {
    private final Connections connections;
    private final Writer writer;
    private final Reader reader;
    private final ChangeCapture capture;
    private volatile UUID current;

    /** {@code initial}: the id the database holds now, which {@code capture} already authors changes by. */
    DeviceIdentity(UUID initial, Connections connections, Writer writer, Reader reader, ChangeCapture capture) {
        this.current = initial;
        this.connections = connections;
        this.writer = writer;
        this.reader = reader;
        this.capture = capture;
    }

    UUID current() {
        return current;
    }

    /** See {@link SyncPort#takeNewDeviceId}. */
    UUID takeNew(boolean repushAll) {
        connections.writeLock().lock();
        try {
            UUID old = current;
            UUID fresh = writer.write("Taking a new device id", s -> DeviceIds.rotate(s.sql(), old, repushAll));
            // Under the write lock still, so no save runs between the commit and the switch.
            current = fresh;
            capture.author(fresh);
            return fresh;
        } finally {
            connections.writeLock().unlock();
        }
    }

    /** See {@link SyncPort#refreshDeviceId}. */
    UUID refresh() {
        UUID stored = reader.read(DeviceIds::current);
        if (stored.equals(current)) {
            return current;
        }
        connections.writeLock().lock();
        try {
            UUID stale = current;
            UUID now = writer.write("Adopting device id " + stored, s -> {
                UUID inFile = DeviceIds.current(s.sql().connection());
                DeviceIds.adopt(s.sql(), stale, inFile);
                return inFile;
            });
            current = now;
            capture.author(now);
            return now;
        } finally {
            connections.writeLock().unlock();
        }
    }
}
