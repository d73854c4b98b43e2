package dev.tandem.engine.testing;

import dev.tandem.engine.sync.SyncStorage;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for looking at a remote from a test. */
public final class Remotes {
    private Remotes() {
    }

    /** Every name under {@code prefix}, page by page as the SPI hands them out. */
    public static List<String> names(SyncStorage storage, String prefix) {
        List<String> names = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = storage.list(prefix, after, 1000);
            names.addAll(page);
            if (page.isEmpty()) {
                return names;
            }
            after = page.get(page.size() - 1);
        }
    }
}
