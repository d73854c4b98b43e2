package dev.tandem.app.vm.sharing;

import dev.tandem.ui.messages.Messages;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in a shared list's remote needs, as the Share and Join dialogs ask for it: a user and
 * password for WebDAV, an access key and secret for S3, nothing for a folder ({@link #kindProperty()}).
 * Where the remote is the one this profile already syncs with (same server or bucket), the saved
 * sign-in is filled in, so sharing through the server the person uses works without typing it again;
 * what the person types is never replaced. Needs no toolkit.
 */
public final class RemoteLogin {
    /** What the remote asks for: "webdav", "s3", or "" (a folder, or nothing chosen yet). */
    private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty accessKey = new SimpleStringProperty("");
    private final StringProperty secretKey = new SimpleStringProperty("");
    private final Function<String, Map<String, String>> saved;
    /** The fields hold the saved sign-in, untouched since. */
    private boolean filled;
    private boolean filling;
    /** Where the filled-in S3 keys belong (endpoint, region): they go together. */
    private Map<String, String> carried = Map.of();

    /** {@code saved}: the saved sign-in for a remote, by the command line's names, empty when it is not this profile's. */
    public RemoteLogin(Function<String, Map<String, String>> saved) {
        this.saved = saved;
        // Typing after a fill keeps what is typed.
        for (StringProperty p : new StringProperty[] {user, password, accessKey, secretKey}) {
            p.addListener((o, a, b) -> {
                if (!filling) {
                    filled = false;
                    carried = Map.of();
                    note.set("");
                }
            });
        }
    }

    public ReadOnlyStringProperty kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** "Filled in from your sync settings." after a prefill, else empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty accessKeyProperty() {
        return accessKey;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    /** The remote changed (typed, chosen, or read from an invite): asks for what it needs, prefilled where it can be. */
    public void follow(String remote) {
        String r = remote == null ? "" : remote.strip();
        kind.set(r.startsWith("webdav:") ? "webdav" : r.startsWith("s3://") ? "s3" : "");
        boolean empty = kind.get().equals("webdav") ? user.get().isBlank() && password.get().isBlank()
                : kind.get().equals("s3") && accessKey.get().isBlank() && secretKey.get().isBlank();
        if (!empty && !filled) {
            return;
        }
        Map<String, String> known = kind.get().isEmpty() ? Map.of() : saved.apply(r);
        if (known.isEmpty()) {
            if (filled) {
                // The remote moved away from the one the fill was for: its sign-in does not go with it.
                clear();
            }
            return;
        }
        filling = true;
        user.set(known.getOrDefault("TANDEM_WEBDAV_USER", ""));
        password.set(known.getOrDefault("TANDEM_WEBDAV_PASSWORD", ""));
        accessKey.set(known.getOrDefault("AWS_ACCESS_KEY_ID", ""));
        secretKey.set(known.getOrDefault("AWS_SECRET_ACCESS_KEY", ""));
        filling = false;
        filled = true;
        carried = new HashMap<>(known);
        carried.keySet().retainAll(Set.of("AWS_ENDPOINT_URL", "AWS_REGION"));
        note.set(Messages.text(kind.get().equals("s3") ? "settings.login.filledAccount" : "settings.login.filledServer"));
    }

    private void clear() {
        filling = true;
        for (StringProperty p : new StringProperty[] {user, password, accessKey, secretKey}) {
            p.set("");
        }
        filling = false;
        filled = false;
        carried = Map.of();
        note.set("");
    }

    /** What to sign in with, by the command line's names; only what the remote's kind uses. */
    public Map<String, String> values() {
        Map<String, String> out = new HashMap<>();
        if (kind.get().equals("webdav")) {
            out.put("TANDEM_WEBDAV_USER", user.get());
            out.put("TANDEM_WEBDAV_PASSWORD", password.get());
        } else if (kind.get().equals("s3")) {
            out.put("AWS_ACCESS_KEY_ID", accessKey.get());
            out.put("AWS_SECRET_ACCESS_KEY", secretKey.get());
            out.putAll(carried);
        }
        return out;
    }
}
