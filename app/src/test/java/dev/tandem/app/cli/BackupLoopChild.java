package dev.tandem.app.cli;

import dev.tandem.app.backup.BackupService;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * A process that backs a profile up over and over, printing "backed up PATH" after each, until it
 * is killed: {@link BackupCliTest} kills it with -9 at an arbitrary moment of a backup.
 */
public final class BackupLoopChild {
    private BackupLoopChild() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Path folder = Path.of(args[1]);
        try (TodoStore store = TodoStore.open(Schema.database(dataDir.resolve("tandem.db")), Clock.systemUTC(),
                ZoneId.systemDefault())) {
            BackupService backups = new BackupService(store, dataDir, new SettingsStore(dataDir), Clock.systemDefaultZone(),
                    Map.of());
            while (true) {
                System.out.println("backed up " + backups.backupNow(folder).file());
                System.out.flush();
            }
        }
    }
}
