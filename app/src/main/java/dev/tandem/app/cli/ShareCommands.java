package dev.tandem.app.cli;

import dev.tandem.app.Device;
import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.RemoteSpec;
import dev.tandem.app.sync.SettingsStore;
import dev.tandem.app.sync.SharedLists;
import dev.tandem.app.sync.SharedLists.Shared;
import dev.tandem.engine.sync.JoinRequest;
import dev.tandem.engine.sync.SpaceInvite;
import dev.tandem.engine.sync.SpaceKeys;
import dev.tandem.engine.sync.SpaceMember;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists shared with other people (docs/SHARING.md): share one, join with an invite, see and admit
 * members, remove one, leave. The invite's location names the list and its remote:
 * {@code list:<id>:<remote>}.
 */
final class ShareCommands {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    ShareCommands(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int share(TodoStore store, Path dir, Args a) {
        TodoList list = list(store, a, "share");
        String remote = a.options().get("--remote");
        if (remote == null || remote.isBlank()) {
            throw new UsageError("share: --remote REMOTE names where the shared list lives (a folder both of you reach,"
                    + " an S3 prefix or a WebDAV folder)");
        }
        SharedLists shared = shared(dir);
        if (shared.get(list.id()).isPresent()) {
            throw new Failure("“" + list.name() + "” is shared already; `tandem members " + list.name() + " --invite`"
                    + " makes another invite");
        }
        String name = a.options().getOrDefault("--as", Device.chosenName(dir));
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        Shared s = new Shared(list.id(), remote, SpaceKeys.newSpace(name),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret), null);
        try {
            // Checked before anything is saved; an S3 endpoint and region come from the environment,
            // as every later sync of the list reads them there too.
            RemoteSpec.builder(remote, env, Map.of());
        } catch (IllegalStateException e) {
            throw new Failure(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageError("share: " + e.getMessage());
        }
        shared.save(s);
        try (SyncEngine engine = SharedLists.engine(s, env)) {
            // A snapshot holds the list as it is, whoever wrote it; the joiners start from it.
            engine.compact(store.db());
            SpaceInvite invite = engine.members().invite(location(list.id(), remote));
            out.println(invite.code());
            err.println("Shared “" + list.name() + "” at " + remote + ". Send the line above to the people you share it"
                    + " with; each runs `tandem join CODE` and reads you their fingerprint, and you admit them with"
                    + " `tandem members \"" + list.name() + "\" --admit FINGERPRINT`.");
            return 0;
        } catch (RuntimeException e) {
            shared.remove(list.id());
            throw e;
        }
    }

    int join(TodoStore store, Path dir, Args a) {
        if (a.positional().size() != 1) {
            throw new UsageError("join: give the invite code, e.g. tandem join tandem-invite-1.…");
        }
        SpaceInvite invite;
        try {
            invite = SpaceInvite.parse(a.positional().get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageError("join: " + e.getMessage());
        }
        String[] where = where(invite.location());
        SharedLists shared = shared(dir);
        Shared s = shared.get(where[0]).orElse(null);
        if (s == null) {
            SpaceKeys keys = SpaceKeys.joining(invite.ownerPublicKey(), a.options().getOrDefault("--as", Device.chosenName(dir)));
            JoinRequest asked = invite.requestToJoin(RemoteSpec.storage(where[1], env), keys);
            s = new Shared(where[0], where[1], keys, null, invite.code());
            shared.save(s);
            out.println(asked.fingerprint());
            err.println("Asked to join as " + keys.memberName() + ". Read the fingerprint above to the person who"
                    + " invited you; once they admit you, `tandem sync` (or this command again) brings the list.");
            return 0;
        }
        if (s.joined()) {
            err.println("Already joined; syncing.");
        } else if (!finish(shared, s)) {
            out.println(s.keys().fingerprint());
            err.println("Not admitted yet. Read the fingerprint above to the person who invited you.");
            return 0;
        }
        try (SyncEngine engine = SharedLists.engine(shared.get(where[0]).orElseThrow(), env)) {
            SyncReport r = engine.sync(store.db());
            String name = store.db().get(TodoList.class, where[0]).map(TodoList::name).orElse("the shared list");
            out.printf("Joined “%s”: pulled %d changes%n", name, r.pulled());
            r.warnings().forEach(w -> err.println("tandem: warning: " + w));
            return 0;
        }
    }

    /** Takes the passphrase the owner sealed to this member, if they admitted them; true when joined now. */
    boolean finish(SharedLists shared, Shared s) {
        Optional<String> pass = SpaceInvite.parse(s.invite()).passphrase(RemoteSpec.storage(s.remote(), env), s.keys());
        if (pass.isEmpty()) {
            return false;
        }
        shared.save(new Shared(s.listId(), s.remote(), s.keys(), pass.get(), null));
        return true;
    }

    int members(TodoStore store, Path dir, Args a) {
        TodoList list = list(store, a, "members");
        Shared s = shared(dir).get(list.id()).orElseThrow(() -> new Failure("“" + list.name() + "” is not shared"));
        if (!s.joined()) {
            throw new Failure("not admitted to “" + list.name() + "” yet; your fingerprint: " + s.keys().fingerprint());
        }
        try (SyncEngine engine = SharedLists.engine(s, env)) {
            String admit = a.options().get("--admit");
            if (admit != null) {
                String want = admit.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
                List<JoinRequest> match = engine.members().requests().stream()
                        .filter(r -> r.fingerprint().replace(" ", "").startsWith(want)).toList();
                if (want.length() < 8 || match.size() != 1) {
                    throw new Failure(match.isEmpty() ? "no request to join has the fingerprint " + admit
                            : "give more of the fingerprint: " + match.size() + " requests start with " + admit);
                }
                SpaceMember m = engine.members().admit(match.get(0));
                out.println("Admitted " + m.name() + " (" + m.fingerprint() + ")");
                return 0;
            }
            if (a.flags().contains("--invite")) {
                out.println(engine.members().invite(location(list.id(), s.remote())).code());
                return 0;
            }
            for (SpaceMember m : engine.members().list()) {
                out.printf("%s  %s%s%n", m.name(), m.fingerprint(), m.owner() ? "  (owner)" : m.removed() ? "  (removed)" : "");
            }
            if (s.keys().isOwner()) {
                for (JoinRequest r : engine.members().requests()) {
                    out.printf("%s  %s  asks to join%n", r.name(), r.fingerprint());
                }
            }
            return 0;
        }
    }

    int unshare(TodoStore store, Path dir, Args a) {
        TodoList list = list(store, a, "unshare");
        SharedLists shared = shared(dir);
        Shared s = shared.get(list.id()).orElseThrow(() -> new Failure("“" + list.name() + "” is not shared"));
        String member = a.options().get("--member");
        if (member != null) {
            if (!s.keys().isOwner()) {
                throw new Failure("only the person who shared “" + list.name() + "” can remove members");
            }
            try (SyncEngine engine = SharedLists.engine(s, env)) {
                String fresh = engine.members().removeAndRotate(store.db(), member, null);
                shared.save(new Shared(s.listId(), s.remote(), s.keys(), fresh, null));
                out.println("Removed " + member + " from “" + list.name() + "”. They keep what they already had, and"
                        + " can read and write nothing from now on: the list's key was changed.");
                return 0;
            }
        }
        // Leaving: the list stops syncing first, so its removal here stays here; its items go to the Trash.
        shared.remove(list.id());
        List<String> trashed = store.deleteList(list.id());
        out.println("Left “" + list.name() + "”: " + trashed.size() + " items moved to the Trash here. The others keep"
                + " the list.");
        return 0;
    }

    private static TodoList list(TodoStore store, Args a, String verb) {
        if (a.positional().size() != 1) {
            throw new UsageError(verb + ": name one list");
        }
        String name = a.positional().get(0);
        return store.lists().stream().filter(l -> l.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new Failure("no list called “" + name + "”"));
    }

    private static SharedLists shared(Path dir) {
        return new SharedLists(new SettingsStore(dir));
    }

    static String location(String listId, String remote) {
        return "list:" + listId + ":" + remote;
    }

    /** The list id and the remote an invite's location names. */
    static String[] where(String location) {
        if (!location.startsWith("list:") || location.indexOf(':', 5) < 0) {
            throw new Failure("the invite names no list Tandem can join (" + location + ")");
        }
        int colon = location.indexOf(':', 5);
        return new String[] {location.substring(5, colon), location.substring(colon + 1)};
    }
}
