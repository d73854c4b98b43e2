package dev.tandem.app.cli;

import dev.tandem.app.Device;
import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.RemoteSpec;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.space.SpaceLists.Space;
import dev.tandem.app.space.Spaces;
import dev.tandem.engine.sync.JoinRequest;
import dev.tandem.engine.sync.OpenInvite;
import dev.tandem.engine.sync.SpaceMember;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Lists shared with other people (docs/SHARING.md): share one, join with an invite, see and admit
 * members, remove one, leave: the command line's words around {@link Spaces}, which the window
 * uses too.
 */
final class ShareCommands {
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
        Spaces sharing = sharing(dir);
        if (sharing.get(list.id()).isPresent()) {
            throw new Failure("“" + list.name() + "” is shared already; `tandem members " + list.name() + " --invite`"
                    + " makes another invite");
        }
        try {
            RemoteSpec.builder(remote, env, Map.of());
        } catch (IllegalStateException e) {
            throw new Failure(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageError("share: " + e.getMessage());
        }
        String code = sharing.share(store, list, remote, a.options().getOrDefault("--as", Device.chosenName(dir)));
        out.println(code);
        err.println("Shared “" + list.name() + "” at " + remote + ". Send the line above to the people you share it"
                + " with; each runs `tandem join CODE` and reads you their fingerprint, and you admit them with"
                + " `tandem members \"" + list.name() + "\" --admit FINGERPRINT`.");
        return 0;
    }

    int join(TodoStore store, Path dir, Args a) {
        if (a.positional().size() != 1) {
            throw new UsageError("join: give the invite code, e.g. tandem join tandem-invite-2.…");
        }
        String code = a.positional().get(0);
        String listId;
        try {
            listId = Spaces.listOf(code);
        } catch (IllegalArgumentException e) {
            throw new UsageError("join: " + e.getMessage());
        }
        Spaces sharing = sharing(dir);
        Optional<Space> known = sharing.get(listId);
        if (known.isEmpty()) {
            Spaces.Asked asked;
            try {
                asked = sharing.join(store, code, a.options().getOrDefault("--as", Device.chosenName(dir)),
                        a.flags().contains("--into-existing"));
            } catch (IllegalStateException e) {
                throw new Failure(e.getMessage());
            }
            out.println(asked.fingerprint());
            err.println("Asked to join as " + asked.memberName() + ". Read the fingerprint above to the person who"
                    + " invited you; once they admit you, `tandem sync` (or this command again) brings the list.");
            return 0;
        }
        if (known.get().joined()) {
            err.println("Already joined; syncing.");
        } else if (!sharing.admitted(listId)) {
            out.println(known.get().keys().fingerprint());
            err.println("Not admitted yet. Read the fingerprint above to the person who invited you.");
            return 0;
        }
        SyncReport r;
        try {
            r = sharing.syncList(store, listId);
        } catch (SyncException e) {
            if (e.reason() != SyncException.Reason.WRONG_PASSPHRASE) {
                throw e;
            }
            // syncList already looked for a new key sealed to this person and found none.
            throw new Failure("the shared list's key changed and no new key was sealed to you: its owner has"
                    + " probably removed you. You keep what you had. (" + e.getMessage() + ")");
        }
        String name = store.db().get(TodoList.class, listId).map(TodoList::name).orElse("the shared list");
        out.printf("Joined “%s”: pulled %d changes%n", name, r.pulled());
        r.warnings().forEach(w -> err.println("tandem: warning: " + w));
        r.notes().forEach(n -> err.println("tandem: note: " + n));
        return 0;
    }

    int members(TodoStore store, Path dir, Args a) {
        TodoList list = list(store, a, "members");
        Spaces sharing = sharing(dir);
        Space s = sharing.get(list.id()).orElseThrow(() -> new Failure("“" + list.name() + "” is not shared"));
        if (!s.joined()) {
            throw new Failure("not admitted to “" + list.name() + "” yet; your fingerprint: " + s.keys().fingerprint());
        }
        String admit = a.options().get("--admit");
        if (admit != null) {
            try {
                SpaceMember m = sharing.admit(store, list.id(), admit);
                out.println("Admitted " + m.name() + " (" + m.fingerprint() + ")");
                return 0;
            } catch (IllegalArgumentException e) {
                throw new Failure(e.getMessage());
            }
        }
        String revoke = a.options().get("--revoke");
        if (revoke != null) {
            try {
                sharing.revoke(store, list.id(), revoke);
                out.println("Revoked invite " + revoke.strip() + ": nobody can ask to join with it any more.");
                return 0;
            } catch (IllegalArgumentException e) {
                throw new Failure(e.getMessage());
            }
        }
        if (a.flags().contains("--invite")) {
            out.println(sharing.invite(store, list.id()));
            return 0;
        }
        if (a.flags().contains("--repair")) {
            List<String> done = sharing.repair(store, list.id());
            done.forEach(out::println);
            out.println(done.isEmpty() ? "The membership log is whole: nothing to mend." : "Mended the membership log.");
            return 0;
        }
        Spaces.Members all = sharing.members(store, list.id());
        for (SpaceMember m : all.members()) {
            out.printf("%s  %s%s%n", m.name(), m.fingerprint(), m.owner() ? "  (owner)" : m.removed() ? "  (removed)" : "");
        }
        for (JoinRequest r : all.requests()) {
            out.printf("%s  %s  asks to join%n", r.name(), r.fingerprint());
        }
        for (OpenInvite i : all.invites()) {
            out.printf("invite %s  open until %s%n", i.id(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(i.expiresAt().atZone(ZoneId.systemDefault())));
        }
        // Junk among the requests is skipped, not hidden: someone with access to the storage wrote it.
        all.skipped().forEach(line -> err.println("tandem: skipped among the join requests: " + line));
        return 0;
    }

    int unshare(TodoStore store, Path dir, Args a) {
        TodoList list = list(store, a, "unshare");
        Spaces sharing = sharing(dir);
        Space s = sharing.get(list.id()).orElseThrow(() -> new Failure("“" + list.name() + "” is not shared"));
        String member = a.options().get("--member");
        if (member != null) {
            if (!s.keys().isOwner()) {
                throw new Failure("only the person who shared “" + list.name() + "” can remove members");
            }
            sharing.remove(store, list.id(), member);
            out.println("Removed " + member + " from “" + list.name() + "”. They keep what they already had, and"
                    + " can read and write nothing from now on: the list's key was changed.");
            return 0;
        }
        if (a.flags().contains("--keep")) {
            String name = sharing.keepPrivate(store, list.id());
            out.println("“" + name + "” is a private list here now, with its todos: it no longer syncs with the others,"
                    + " and syncs with your own remote, if you have one.");
            return 0;
        }
        Spaces.Left left = sharing.leave(store, list.id());
        out.println("Left “" + list.name() + "”: " + left.trashed().size() + " items moved to the Trash here. The others"
                + " keep the list.");
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

    private Spaces sharing(Path dir) {
        return new Spaces(new SettingsStore(dir), env);
    }
}
