package dev.tandem.engine.testing;

import dev.tandem.engine.Blob;
import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Child process for the attachment crash tests: attaches a file and syncs it up, or fetches one,
 * against a folder remote with encryption, and stops half way through the file's bytes (printing
 * {@code AT upload} or {@code AT download}) to wait for the parent's SIGKILL.
 * Arguments: mode ({@code upload} or {@code download}), db file, blob directory, remote folder,
 * passphrase, then the file to attach (upload) or the blob id to fetch (download).
 */
public final class BlobCrashChild {
    public static final List<String> SCHEMA = List.of("CREATE TABLE files(id TEXT PRIMARY KEY, name TEXT, blob TEXT)");

    @Table("files")
    public record File(String id, String name, String blob) {
    }

    private BlobCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        SyncStorage remote = new StopHalfWay(SyncStorage.folder(Path.of(args[3])));
        try (Db db = Db.builder().file(Path.of(args[1])).blobs("files", "blob").blobDirectory(Path.of(args[2])).build();
             SyncEngine engine = SyncEngine.builder().storage(remote).encrypted(args[4]).build()) {
            db.migrate(SCHEMA);
            if (mode.equals("upload")) {
                Blob blob = db.blobs().add(Path.of(args[5]), Long.MAX_VALUE);
                db.save(new File(UUID.randomUUID().toString(), "big.bin", blob.id()));
                System.out.println("ACK " + blob.id());
                System.out.flush();
                engine.sync(db);
            } else {
                engine.sync(db);
                engine.blobs().fetch(db, args[5]);
            }
            System.out.println("DONE");
        }
    }

    /** Passes everything on, but a blob's bytes only half way, in either direction. */
    private static final class StopHalfWay extends ForwardingStorage {
        StopHalfWay(SyncStorage delegate) {
            super(delegate);
        }

        @Override
        public boolean createIfAbsent(String name, ObjectBody body) {
            if (!name.startsWith("blobs/data/")) {
                return super.createIfAbsent(name, body);
            }
            return super.createIfAbsent(name, new ObjectBody() {
                @Override
                public long length() {
                    return body.length();
                }

                @Override
                public InputStream open() throws IOException {
                    return new Stopping(body.open(), body.length() / 2, "AT upload");
                }
            });
        }

        @Override
        public Optional<InputStream> open(String name) {
            Optional<InputStream> in = super.open(name);
            if (!name.startsWith("blobs/data/") || in.isEmpty()) {
                return in;
            }
            return Optional.of(new Stopping(in.get(), super.size(name).orElse(0) / 2, "AT download"));
        }
    }

    /** A stream that, once {@code at} bytes went through, says so and waits to be killed. */
    private static final class Stopping extends FilterInputStream {
        private final long at;
        private final String say;
        private long read;

        Stopping(InputStream in, long at, String say) {
            super(in);
            this.at = at;
            this.say = say;
        }

        @Override
        public int read() throws IOException {
            stopIfThere(1);
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            stopIfThere(len);
            int n = super.read(b, off, (int) Math.min(len, Math.max(1, at - read)));
            read += Math.max(0, n);
            return n;
        }

        private void stopIfThere(int len) {
            if (read >= at) {
                System.out.println(say);
                System.out.flush();
                while (true) {
                    SyncCrashChild.pause(1000);
                }
            }
        }
    }
}
