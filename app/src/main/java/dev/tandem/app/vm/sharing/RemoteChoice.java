package dev.tandem.app.vm.sharing;

import dev.tandem.ui.messages.Messages;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Where a shared list lives, chosen as a person would: a kind (a folder, a WebDAV folder, an S3
 * bucket) and an address of that kind, kept in step with the remote's one-line form
 * ({@code folder:/path}, {@code webdav:https://…}, {@code s3://bucket/prefix}) that sharing takes.
 */
public final class RemoteChoice {
    /** The kinds of remote a list can be shared through, with their one-line prefix. */
    public enum Kind {
        FOLDER("folder", "folder:"),
        WEBDAV("webdav", "webdav:"),
        S3("s3", "s3://");

        /** The last segment of its words' keys ({@code settings.share.kind.folder}). */
        private final String key;
        private final String prefix;

        Kind(String key, String prefix) {
            this.key = key;
            this.prefix = prefix;
        }

        public String label() {
            return Messages.text("settings.share.kind." + key);
        }

        /** What the address field suggests for this kind. */
        public String prompt() {
            return Messages.text("settings.share.kind." + key + ".prompt");
        }
    }

    private final StringProperty remote;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.FOLDER);
    private final StringProperty address = new SimpleStringProperty("");
    private boolean syncing;

    /** Follows and writes {@code remote}, the one-line form. */
    public RemoteChoice(StringProperty remote) {
        this.remote = remote;
        read(remote.get());
        remote.addListener((o, a, now) -> {
            if (!syncing) {
                read(now);
            }
        });
        kind.addListener((o, a, b) -> write());
        address.addListener((o, a, now) -> {
            if (!syncing && now != null && kindOf(now.strip()) != null) {
                read(now); // a whole one-line form pasted into the address: its kind is chosen with it
            }
            write();
        });
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The address without the kind's prefix: a path, a URL, or bucket/prefix. */
    public StringProperty addressProperty() {
        return address;
    }

    private static Kind kindOf(String line) {
        for (Kind k : Kind.values()) {
            if (line.toLowerCase(Locale.ROOT).startsWith(k.prefix)) {
                return k;
            }
        }
        return null;
    }

    private void read(String line) {
        String s = line == null ? "" : line.strip();
        Kind k = kindOf(s);
        syncing = true;
        try {
            if (k != null) {
                kind.set(k);
                address.set(s.substring(k.prefix.length()));
            } else {
                address.set(s);
            }
        } finally {
            syncing = false;
        }
    }

    private void write() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            String a = address.get() == null ? "" : address.get().strip();
            remote.set(a.isEmpty() ? "" : kind.get().prefix + a);
        } finally {
            syncing = false;
        }
    }
}
