package dev.tandem.engine.testing;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;

/**
 * A process on a profile another process uses too, for the shared-profile tests. Arguments: a
 * start file to wait for before touching the database (so that processes started one after the
 * other begin together; "-" for none), db file, folder remote, what to do:
 * <ul>
 *   <li>{@code open}: opens and migrates the database, prints {@code OPENED <device id>};</li>
 *   <li>{@code add <title>}: opens, saves one item, prints {@code ACK <id>} once the save returned;</li>
 *   <li>{@code sync}: one sync; prints {@code SYNCED <device id> <pushed> <pulled>} and each note as
 *       {@code NOTE <text>};</li>
 *   <li>{@code loop <name>}: saves and syncs until killed, printing {@code ACK <id>} per save;</li>
 *   <li>{@code hold}: takes the OS lock on the database's sync lock file, as a sync would, prints
 *       {@code HELD} and keeps it until killed (without opening the database).</li>
 * </ul>
 * Any failure prints {@code FAIL <message>} and exits 1.
 */
public final class SharedProfileChild {
    private SharedProfileChild() {
    }

    public static void main(String[] args) {
        awaitStart(args[0]);
        Path file = Path.of(args[1]);
        Path remote = Path.of(args[2]);
        String what = args[3];
        if (what.equals("hold")) {
            hold(file);
            return;
        }
        try (Db db = Db.open(file)) {
            db.migrate(Fixtures.MIGRATIONS);
            switch (what) {
                case "open" -> say("OPENED " + db.deviceId());
                case "add" -> say("ACK " + db.save(Item.of(args[3])).id());
                case "sync" -> {
                    try (SyncEngine engine = SyncEngine.builder().storage(SyncStorage.folder(remote)).build()) {
                        SyncReport r = engine.sync(db);
                        r.notes().forEach(n -> say("NOTE " + n.replace('\n', ' ')));
                        say("SYNCED " + db.deviceId() + " " + r.pushed() + " " + r.pulled());
                    }
                }
                case "loop" -> loop(db, remote, args[4]);
                default -> throw new IllegalArgumentException("unknown command " + what);
            }
        } catch (RuntimeException e) {
            say("FAIL " + e.getMessage());
            System.exit(1);
        }
    }

    private static void loop(Db db, Path remote, String name) {
        try (SyncEngine engine = SyncEngine.builder().storage(SyncStorage.folder(remote)).build()) {
            for (int i = 0; ; i++) {
                say("ACK " + db.save(Item.of(name + " " + i)).id());
                if (i % 3 == 0) {
                    try {
                        engine.sync(db);
                    } catch (SyncException e) {
                        say("SYNCFAIL " + e.getMessage());
                    }
                }
            }
        }
    }

    private static void hold(Path file) {
        try (FileChannel channel = FileChannel.open(file.resolveSibling(file.getFileName() + ".sync-lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            say("HELD " + lock.isValid());
            while (true) {
                SyncCrashChild.pause(1_000);
            }
        } catch (IOException e) {
            say("FAIL " + e);
            System.exit(1);
        }
    }

    private static void awaitStart(String file) {
        if (file.equals("-")) {
            return;
        }
        while (!Files.exists(Path.of(file))) {
            SyncCrashChild.pause(2);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
