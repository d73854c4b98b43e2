package dev.tandem.engine.sync;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.keys.KeyCache;
import dev.tandem.engine.internal.keys.Secret;
import dev.tandem.engine.internal.sync.DefaultSyncEngine;
import dev.tandem.engine.internal.sync.RetryPause;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Exchanges a database's changelog with a remote the user owns, and merges what it pulls per
 * attribute, last write wins. Sync state (what was pushed, how far each remote device was read)
 * lives in each database, so one engine can sync several databases and a restart resumes.
 */
public interface SyncEngine extends AutoCloseable {

    static Builder builder() {
        return new Builder();
    }

    /** Pushes local changes, pulls remote ones, merges them. One sync per database at a time. */
    default SyncReport sync(Db db) {
        return sync(db, SyncProgress.NONE);
    }

    SyncReport sync(Db db, SyncProgress progress);

    /**
     * Syncs, then writes a snapshot of the merged state to the remote (unless the newest one already
     * covers everything) and deletes the batches and snapshots no device can need any more. Sync
     * also does this by itself under the policy set with {@link Builder#snapshotEvery(int)}; this is
     * the on-demand form (e.g. {@code tandem compact}).
     */
    default CompactionReport compact(Db db) {
        return compact(db, SyncProgress.NONE);
    }

    /** {@link #compact(Db)}, reporting its sync's progress (and any wait for another sync of the database). */
    CompactionReport compact(Db db, SyncProgress progress);

    /**
     * How many changes made on this device the remote of this engine does not hold yet: what the
     * next sync would push. Changes pulled from other devices never count. A cheap local read (no
     * request to the remote) that may run while a sync of the same database is under way; it then
     * sees the pushes that sync has recorded so far. Another remote's progress does not matter.
     */
    long pendingChanges(Db db);

    /**
     * The remote objects this database has set aside because it could not read them, oldest first:
     * the same list the last sync reported, read locally without a request. Empty when every object
     * of this remote that this database knows of has been read.
     */
    List<SetAside> setAside(Db db);

    /**
     * The devices the remote knows of (each with a head, an ack or a retirement), this database's
     * own included, in id order: lists the remote and reads each device's newest head or ack (one
     * request per device). For Settings' device list; not part of a sync.
     */
    List<RemoteDevice> devices(Db db);

    /**
     * Retires {@code device} from the remote by hand ("Forget this device": a lost phone, a sold
     * laptop). The others stop waiting for it, so what only it still needed is cleaned up; its own
     * changes stay with every device. Should it sync again, it is told so and re-joins under a new
     * id without losing what it had not pushed. Returns false when it already was retired.
     *
     * @throws IllegalArgumentException for {@code db}'s own device
     */
    boolean forget(Db db, UUID device);

    /**
     * A cheap check whether the remote may hold changes this engine has not synced yet: one
     * conditional request for the change marker that every push rewrites (a 304 on S3 when
     * nothing changed, a file's attributes in a folder), never a listing. True when the marker
     * changed since this engine last synced, or the storage cannot tell. Correctness never depends
     * on it: a marker write that raced another is only noticed at the next sync, and devices that
     * write no marker are read by every sync.
     */
    boolean remoteChanged();

    /**
     * Calls {@code onChange} when the storage notices on its own that the remote changed (a folder
     * watched by the file system); null when it cannot, and the caller polls {@link #remoteChanged}.
     * Close the result to stop.
     */
    AutoCloseable watchRemote(Runnable onChange);

    /** Requests this engine has made to the remote so far, syncs and checks alike: what it costs. */
    long requestsSoFar();

    /**
     * Tries the remote for real: lists, writes and reads back a probe object, checks conditional
     * writes and the passphrase. Never throws for a remote problem; the result says what failed.
     */
    ConnectionCheck check();

    /** Where this engine syncs to, without secrets. */
    String describe();

    /**
     * The remote's keys: change the passphrase, make a recovery key, rotate after a leak.
     *
     * @throws IllegalStateException when this engine does not encrypt
     */
    default RemoteKeys keys() {
        throw new IllegalStateException("keys: " + describe() + " is synced without encryption");
    }

    /**
     * The membership of the shared space this engine syncs with: who may write, admit, remove.
     *
     * @throws IllegalStateException when this engine was not built with {@link Builder#space}
     */
    default SpaceMembers members() {
        throw new IllegalStateException("members: " + describe() + " is not a shared space");
    }

    /**
     * As {@link #members()}, read against what {@code db}'s device accepted of the membership log
     * before: a log cut short or changed on the storage is mended from it, never believed. The
     * owner's changes (admit, remove) need it, or a sync of {@code db} first.
     */
    default SpaceMembers members(Db db) {
        throw new IllegalStateException("members: " + describe() + " is not a shared space");
    }

    /**
     * Attached files on this engine's remote.
     *
     * @throws IllegalStateException when this engine cannot move blobs
     */
    default RemoteBlobs blobs() {
        throw new IllegalStateException("blobs: " + describe() + " does not move attachments");
    }

    @Override
    void close();

    /** Configures a {@link SyncEngine}: one target, then options, then {@link #build()}. */
    final class Builder {
        private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

        private SyncStorage storage;
        private String target;
        private String prefix = "";
        private String passphrase;
        private Path keyCache;
        private String recoveryKey;
        private String deviceName;
        private int snapshotEvery = DefaultSyncEngine.SNAPSHOT_EVERY;
        private int snapshotChanges = DefaultSyncEngine.SNAPSHOT_CHANGES;
        private Duration retireAfter = DefaultSyncEngine.RETIRE_AFTER;
        private SyncScope scope = SyncScope.everything();
        private SpaceKeys space;
        private RetryPause retryPause = RetryPause.REAL;

        private Builder() {
        }

        /**
         * For tests in this package: what read retries wait with. A test whose storage lags by a
         * random draw per call, not in time, counts the back-off instead of sleeping it.
         */
        Builder retryPause(RetryPause pause) {
            this.retryPause = Objects.requireNonNull(pause, "pause");
            return this;
        }

        /** A fresh in-memory remote owned by the built engine. */
        public Builder inMemory() {
            return target("inMemory", SyncStorage.memory());
        }

        /** A folder, e.g. inside Dropbox or Syncthing, or on a NAS. */
        public Builder folder(Path dir) {
            Objects.requireNonNull(dir, "dir");
            return target("folder", SyncStorage.folder(dir));
        }

        /** An S3 bucket; {@code endpoint} may be null for AWS itself, else any S3-compatible URL. */
        public Builder s3(String endpoint, String bucket, String region, String accessKey, String secretKey) {
            return s3(new S3Settings(endpoint, bucket, region, accessKey, secretKey));
        }

        /** An S3 bucket, through the proxy the settings name if any (docs/REMOTES.md, "Proxies"). */
        public Builder s3(S3Settings settings) {
            Objects.requireNonNull(settings, "settings");
            return target("s3", SyncStorage.s3(settings));
        }

        /**
         * A WebDAV folder, e.g. {@code https://cloud.example.com/remote.php/dav/files/sam/Tandem}
         * for Nextcloud; {@code user} and {@code password} may be empty for a server without log-in.
         */
        public Builder webDav(String url, String user, String password) {
            return webDav(new WebDavSettings(url, user, password));
        }

        /** A WebDAV folder, with a certificate trusted on purpose if the settings name one. */
        public Builder webDav(WebDavSettings settings) {
            Objects.requireNonNull(settings, "settings");
            return target("webDav", SyncStorage.webDav(settings));
        }

        /** Any storage, e.g. one in-memory store shared by several databases in a test. */
        public Builder storage(SyncStorage storage) {
            Objects.requireNonNull(storage, "storage");
            return target("storage", storage);
        }

        /** Keeps this engine's objects under a key prefix, e.g. {@code "tandem/alice"}. */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** Encrypts every object end to end; the passphrase opens the remote's keyring (or sets it up). */
        public Builder encrypted(String passphrase) {
            this.passphrase = passphrase;
            return this;
        }

        /**
         * Keeps the keys stretched from the passphrase in {@code file}, so that a later process opens
         * the remote without stretching it again (Argon2id, about 0.3 s, and 2 s where only C1 runs).
         * Only for a passphrase the device keeps saved, owner-only, beside the file: the file opens what
         * the passphrase opens. Delete the file when the saved passphrase changes or goes. A damaged or
         * stale file costs a stretch, never an error. Use with {@link #encrypted(String)}.
         */
        public Builder keyCache(Path file) {
            this.keyCache = Objects.requireNonNull(file, "keyCache");
            return this;
        }

        /**
         * Encrypts like {@link #encrypted(String)}, opening the keyring with a recovery key instead of
         * the passphrase, e.g. to set a new passphrase with {@link RemoteKeys#changePassphrase}.
         */
        public Builder recoveryKey(String code) {
            this.recoveryKey = code;
            return this;
        }

        /** How keyring changes made here name this device to the others; default: the host name. */
        public Builder deviceName(String name) {
            this.deviceName = name;
            return this;
        }

        /**
         * Writes a snapshot (and cleans up) after a sync once at least {@code batches} remote batches lie
         * past the newest snapshot; 0 turns the automatic policy off. Default {@value
         * DefaultSyncEngine#SNAPSHOT_EVERY}.
         */
        public Builder snapshotEvery(int batches) {
            if (batches < 0) {
                throw new IllegalArgumentException("batches: must be 0 (off) or more, was " + batches);
            }
            this.snapshotEvery = batches;
            return this;
        }

        /**
         * Also writes a snapshot after a sync once the changes this database merged and pushed since
         * the newest snapshot it knows of reach {@code changes} and a quarter of that snapshot's
         * size, however few batches hold them; 0 leaves only the batch count. Default {@value
         * DefaultSyncEngine#SNAPSHOT_CHANGES}. {@link #snapshotEvery(int) snapshotEvery(0)} turns
         * both off.
         */
        public Builder snapshotChanges(int changes) {
            if (changes < 0) {
                throw new IllegalArgumentException("changes: must be 0 (off) or more, was " + changes);
            }
            this.snapshotChanges = changes;
            return this;
        }

        /**
         * Retires a device from the remote once it has been unseen this long (no push, no ack), so
         * cleanup stops keeping what only it would need: at least a day, or {@link Duration#ZERO}
         * for never. Default 90 days. A device that syncs says it is alive at least weekly, however
         * little it writes, so only one gone for good is retired.
         */
        public Builder retireAfter(Duration unseen) {
            Objects.requireNonNull(unseen, "retireAfter");
            if (!unseen.isZero() && unseen.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("retireAfter: at least 1 day, or zero for never; was " + unseen);
            }
            this.retireAfter = unseen;
            return this;
        }

        /**
         * Which of the database's own changes this remote receives; default {@link SyncScope#everything()}.
         * A list shared with other people syncs with a remote of its own whose scope is that list's
         * tree, and the personal remote beside it excepts that tree.
         */
        public Builder scope(SyncScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Makes this remote a space shared between people: what this device writes is signed by its
         * own key, vouched for by the member's key in {@code keys}; what others wrote is read only
         * when the space's membership log, signed by the owner, admits its author at that point, and
         * is set aside, and reported, otherwise. Use with {@link #encrypted(String)} and a
         * {@link #scope(SyncScope)}.
         */
        public Builder space(SpaceKeys keys) {
            this.space = Objects.requireNonNull(keys, "space");
            return this;
        }

        private Builder target(String name, SyncStorage storage) {
            if (this.storage != null) {
                throw new IllegalStateException("target: already set to " + target + ", cannot also set " + name);
            }
            this.target = name;
            this.storage = storage;
            return this;
        }

        public SyncEngine build() {
            if (storage == null) {
                throw new IllegalStateException("target: choose inMemory(), folder(..), s3(..), webDav(..) or storage(..)");
            }
            String p = prefix == null ? "" : prefix.strip();
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            if (!p.isEmpty() && !PREFIX.matcher(p).matches()) {
                throw new IllegalArgumentException("prefix: only letters, digits, '.', '_', '-' and '/' between them, was '" + prefix + "'");
            }
            if (p.contains("..")) {
                throw new IllegalArgumentException("prefix: must not contain '..', was '" + prefix + "'");
            }
            if (passphrase != null && passphrase.isEmpty()) {
                throw new IllegalArgumentException("passphrase: must not be empty; leave encryption off instead");
            }
            if (keyCache != null && passphrase == null) {
                throw new IllegalArgumentException("keyCache: only with encrypted(passphrase), for a passphrase the device"
                        + " keeps saved");
            }
            if (passphrase != null && recoveryKey != null) {
                throw new IllegalArgumentException("recoveryKey: give either a passphrase or a recovery key, not both");
            }
            if (space != null && passphrase == null) {
                throw new IllegalArgumentException("space: a shared space is always encrypted; set encrypted(passphrase),"
                        + " the space's passphrase from its invite");
            }
            if (scope instanceof SyncScope.Tree tree) {
                tree.check();
            } else if (scope instanceof SyncScope.Except except) {
                except.trees().forEach(SyncScope.Tree::check);
            }
            // Parsed here so a mistyped recovery key is named at build(), before any request.
            Secret secret = passphrase != null ? Secret.passphrase(passphrase)
                    : recoveryKey != null ? Secret.recoveryKey(recoveryKey) : null;
            if (keyCache != null) {
                secret.remembering(new KeyCache(keyCache));
            }
            EngineStack stack = EngineStack.over(storage, p, secret, deviceName, space, passphrase, scope);
            return new DefaultSyncEngine(stack.top(), stack.counting(), stack.remoteId(), snapshotEvery, snapshotChanges,
                    stack.plain(), retireAfter, scope, stack.space(), retryPause);
        }
    }
}
