package dev.tandem.engine.internal.storage;

import dev.tandem.engine.internal.dav.DavClient;
import dev.tandem.engine.internal.dav.DavErrors;
import dev.tandem.engine.internal.dav.DavResponse;
import dev.tandem.engine.internal.dav.Multistatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link WebDavStorage}'s reads of folders: one folder's children (a PROPFIND, Depth 1, for {@link NameTreeLister}),
 * and the check that an empty answer is not a missing root folder. Apart from the storage because it parses the
 * server's multistatus answers and tells apart the ways servers say "nothing here" (404, 409, Apache's 400 for a
 * folder under an object) from a root folder that is not there, while the storage speaks objects.
 */
final class DavListing {
    private final DavClient dav;
    private final DavFolders folders;
    /** Told each object a listing saw, so deleting it needs no check. */
    private final Consumer<String> knownObject;
    private volatile boolean rootSeen;

    DavListing(DavClient dav, DavFolders folders, Consumer<String> knownObject) {
        this.dav = dav;
        this.folders = folders;
        this.knownObject = knownObject;
    }

    /** An answer showed that the root folder exists: nothing found under a name needs to ask again. */
    void sawRoot() {
        rootSeen = true;
    }

    /** The children of one folder: one PROPFIND, Depth 1. */
    List<NameTreeLister.Node> children(String folderPrefix, String prefix) {
        String action = ObjectNames.listing(prefix);
        URI uri = dav.resolve(folderPrefix);
        DavResponse r = dav.send("PROPFIND", uri, Map.of("Depth", "1"), WebDavStorage.PROPFIND, WebDavStorage.XML,
                WebDavStorage.MAX_LISTING, action);
        if (r.status() == 404 || r.status() == 409 || r.status() == 400) {
            if (folderPrefix.isEmpty()) {
                throw r.status() == 400 ? DavErrors.status(dav.head(action), r) : folders.missingRoot(action);
            }
            // No such folder, or "a/b/" where a/b is an object (Apache answers 400): no names under it.
            requireRoot(action);
            return List.of();
        }
        if (r.status() != 207) {
            throw r.success() ? DavErrors.webPage(dav.head(action), r) : DavErrors.status(dav.head(action), r);
        }
        List<NameTreeLister.Node> nodes = new ArrayList<>();
        String base = uri.getPath();
        for (Multistatus.Entry e : Multistatus.parse(dav.head(action), r.body(), uri)) {
            String path = e.path();
            if (!path.startsWith(base)) {
                continue;
            }
            String name = path.substring(base.length());
            name = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (name.isEmpty() || name.contains("/")) {
                continue;
            }
            if (e.collection()) {
                folders.exists(folderPrefix + name + "/");
                nodes.add(NameTreeLister.Node.folder(folderPrefix + name));
            } else {
                nodes.add(NameTreeLister.Node.object(folderPrefix + name));
                knownObject.accept(folderPrefix + name);
            }
        }
        if (folderPrefix.isEmpty()) {
            rootSeen = true;
        }
        return nodes;
    }

    /** Nothing under a name was found: make sure it is not because the whole folder is missing. */
    void requireRoot(String action) {
        if (rootSeen) {
            return;
        }
        DavResponse r = dav.send("PROPFIND", dav.root(), Map.of("Depth", "0"), WebDavStorage.PROPFIND,
                WebDavStorage.XML, WebDavStorage.MAX_LISTING, action);
        if (r.status() == 207) {
            rootSeen = true;
            return;
        }
        if (r.status() == 404 || r.status() == 409) {
            throw folders.missingRoot(action);
        }
        throw r.success() ? DavErrors.webPage(dav.head(action), r) : DavErrors.status(dav.head(action), r);
    }
}
