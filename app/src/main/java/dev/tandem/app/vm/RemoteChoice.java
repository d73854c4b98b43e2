package dev.tandem.app.vm;

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
        FOLDER("Folder", "folder:", "/path/to/a/folder you all reach (Dropbox, Syncthing, a NAS)"),
        WEBDAV("WebDAV", "webdav:", "https://cloud.example.com/remote.php/dav/files/sam/Shared"),
        S3("S3", "s3://", "bucket/prefix");

        private final String label;
        private final String prefix;
        private final String prompt;

        Kind(String label, String prefix, String prompt) {
            this.label = label;
            this.prefix = prefix;
            this.prompt = prompt;
        }

        public String label() {
            return label;
        }

        /** What the address field suggests for this kind. */
        public String prompt() {
            return prompt;
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
