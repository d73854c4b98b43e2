package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.dav.DavClient;
import dev.tandem.engine.internal.dav.DavErrors;
import dev.tandem.engine.internal.dav.DavResponse;
import dev.tandem.engine.internal.dav.Multistatus;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders of a {@link WebDavStorage} known to exist ("a/", "a/b/"), learned from listings and
 * writes, so a write never asks twice; made with MKCOL from the top when a write needs them, and
 * forgotten once removed. The root folder is never made: a missing one is the user's typo.
 */
final class DavFolders {
    private final DavClient dav;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    DavFolders(DavClient dav) {
        this.dav = dav;
    }

    boolean isKnown(String folder) {
        return known.contains(folder);
    }

    /** A folder seen to exist ("a/b/"); its parents exist too. */
    void exists(String folder) {
        for (int slash = folder.indexOf('/'); slash >= 0; slash = folder.indexOf('/', slash + 1)) {
            known.add(folder.substring(0, slash + 1));
        }
    }

    /** The folder and everything under it were removed. */
    void removed(String folder) {
        known.removeIf(f -> f.startsWith(folder));
    }

    /**
     * Makes sure {@code folder} ("a/b/") exists before a large PUT into it: one look (PROPFIND),
     * then MKCOLs only where it is missing. A server answers a PUT into a missing folder (409) once
     * the whole body went out, which would then go out again.
     */
    void lookFirst(String folder, String action) {
        if (isFolder(folder.substring(0, folder.length() - 1))) {
            exists(folder);
        } else {
            make(folder, action);
        }
    }

    /** Makes each folder of {@code folderPrefix} ("a/b/") not known to exist, from the top. */
    void make(String folderPrefix, String action) {
        int from = 0;
        for (int slash = folderPrefix.indexOf('/'); slash >= 0; slash = folderPrefix.indexOf('/', slash + 1)) {
            String folder = folderPrefix.substring(0, slash + 1);
            if (known.contains(folder)) {
                from = slash + 1;
                continue;
            }
            DavResponse r = dav.send("MKCOL", dav.resolve(folder), Map.of(), null, null, 1 << 20, action);
            // 405: it exists already (made by another device meanwhile, or never missing). Apache
            // answers 403 when another MKCOL of the same folder won the race: then it exists too.
            if (!r.success() && r.status() != 405 && !(r.status() == 403 && isFolder(folder.substring(0, slash)))) {
                if ((r.status() == 409 || r.status() == 404) && from == 0) {
                    throw missingRoot(action);
                }
                throw DavErrors.status(dav.head(action), r);
            }
            known.add(folder);
            from = slash + 1;
        }
    }

    /** Whether {@code name} is a folder: one PROPFIND, Depth 0. */
    boolean isFolder(String name) {
        String action = "get '" + name + "'";
        DavResponse r = dav.send("PROPFIND", dav.resolve(name + "/"), Map.of("Depth", "0"), WebDavStorage.PROPFIND,
                WebDavStorage.XML, WebDavStorage.MAX_LISTING, action);
        return r.status() == 207 && Multistatus.parse(dav.head(action), r.body(), dav.resolve(name + "/")).stream()
                .anyMatch(Multistatus.Entry::collection);
    }

    SyncException missingRoot(String action) {
        return new SyncException(Reason.NOT_FOUND, dav.head(action) + "the folder does not exist on the server. "
                + "Create it first (for example in Nextcloud's Files) and check the address; Tandem never creates "
                + "the folder itself, so a typo cannot start an empty remote");
    }
}
