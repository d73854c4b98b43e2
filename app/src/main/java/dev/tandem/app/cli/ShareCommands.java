package dev.tandem.app.cli;

import dev.tandem.app.DeviceNames;
import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.space.SpaceLists.Space;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.sync.RemoteSpec;
import dev.tandem.engine.sync.JoinRequest;
import dev.tandem.engine.sync.OpenInvite;
import dev.tandem.engine.sync.SpaceMember;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
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
            throw new UsageError(Messages.text("cli.share.needsRemote"));
        }
        Spaces sharing = sharing(dir);
        if (sharing.get(list.id()).isPresent()) {
            throw new Failure(Messages.text("cli.share.already", list.name()));
        }
        try {
            RemoteSpec.builder(remote, env, Map.of());
        } catch (IllegalStateException e) {
            throw new Failure(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageError(Messages.text("cli.share.usage", "share", e.getMessage()));
        }
        String code = sharing.share(store, list, remote, a.options().getOrDefault("--as", DeviceNames.chosenName(dir)));
        out.println(code);
        err.println(Messages.text("cli.share.shared", list.name(), remote));
        return 0;
    }

    int join(TodoStore store, Path dir, Args a) {
        if (a.positional().size() != 1) {
            throw new UsageError(Messages.text("cli.share.joinNeedsCode"));
        }
        String code = a.positional().get(0);
        String listId;
        try {
            listId = Spaces.listOf(code);
        } catch (IllegalArgumentException e) {
            throw new UsageError(Messages.text("cli.share.usage", "join", e.getMessage()));
        }
        Spaces sharing = sharing(dir);
        Optional<Space> known = sharing.get(listId);
        if (known.isEmpty()) {
            Spaces.Asked asked;
            try {
                asked = sharing.join(store, code, a.options().getOrDefault("--as", DeviceNames.chosenName(dir)),
                        a.flags().contains("--into-existing"));
            } catch (IllegalStateException e) {
                throw new Failure(e.getMessage());
            }
            out.println(asked.fingerprint());
            err.println(Messages.text("cli.share.asked", asked.memberName()));
            return 0;
        }
        if (known.get().joined()) {
            err.println(Messages.text("cli.share.alreadyJoined"));
        } else if (!sharing.admitted(listId)) {
            out.println(known.get().keys().fingerprint());
            err.println(Messages.text("cli.share.notAdmitted"));
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
            throw new Failure(Messages.text("cli.share.removedProbably", e.getMessage()));
        }
        String name = store.list(listId).map(TodoList::name)
                .orElse(Messages.text("cli.share.theSharedList"));
        out.println(Messages.text("cli.share.joined", name, r.pulled()));
        r.warnings().forEach(w -> err.println("tandem: warning: " + w));
        r.notes().forEach(n -> err.println("tandem: note: " + n));
        return 0;
    }

    int members(TodoStore store, Path dir, Args a) {
        TodoList list = list(store, a, "members");
        Spaces sharing = sharing(dir);
        Space s = sharing.get(list.id()).orElseThrow(() -> new Failure(Messages.text("cli.share.notShared", list.name())));
        if (!s.joined()) {
            throw new Failure(Messages.text("cli.share.notAdmittedTo", list.name(), s.keys().fingerprint()));
        }
        String admit = a.options().get("--admit");
        if (admit != null) {
            try {
                SpaceMember m = sharing.admit(store, list.id(), admit);
                out.println(Messages.text("cli.share.admitted", m.name(), m.fingerprint()));
                return 0;
            } catch (IllegalArgumentException e) {
                throw new Failure(e.getMessage());
            }
        }
        String revoke = a.options().get("--revoke");
        if (revoke != null) {
            try {
                sharing.revoke(store, list.id(), revoke);
                out.println(Messages.text("cli.share.revoked", revoke.strip()));
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
            out.println(Messages.text(done.isEmpty() ? "cli.share.logWhole" : "cli.share.logMended"));
            return 0;
        }
        Spaces.Members all = sharing.members(store, list.id());
        for (SpaceMember m : all.members()) {
            out.printf("%s  %s%s%n", TerminalText.field(m.name()), m.fingerprint(), m.owner() ? "  " + Messages.text("cli.share.owner")
                    : m.removed() ? "  " + Messages.text("cli.share.removed") : "");
        }
        for (JoinRequest r : all.requests()) {
            out.printf("%s  %s  %s%n", TerminalText.field(r.name()), r.fingerprint(), Messages.text("cli.share.asksToJoin"));
        }
        for (OpenInvite i : all.invites()) {
            out.println(Messages.text("cli.share.invite", i.id(), Formats.dayTime(
                    LocalDateTime.ofInstant(i.expiresAt(), ZoneId.systemDefault()), store.today())));
        }
        // Junk among the requests is skipped, not hidden: someone with access to the storage wrote it.
        all.skipped().forEach(line -> err.println("tandem: " + Messages.text("cli.share.skippedRequest", line)));
        return 0;
    }

    int unshare(TodoStore store, Path dir, Args a) {
        TodoList list = list(store, a, "unshare");
        Spaces sharing = sharing(dir);
        Space s = sharing.get(list.id()).orElseThrow(() -> new Failure(Messages.text("cli.share.notShared", list.name())));
        String member = a.options().get("--member");
        if (member != null) {
            if (!s.keys().isOwner()) {
                throw new Failure(Messages.text("cli.share.onlyOwnerRemoves", list.name()));
            }
            sharing.remove(store, list.id(), member);
            out.println(Messages.text("cli.share.memberRemoved", member, list.name()));
            return 0;
        }
        if (a.flags().contains("--keep")) {
            String name = sharing.keepPrivate(store, list.id());
            out.println(Messages.text("cli.share.keptPrivate", name));
            return 0;
        }
        Spaces.Left left = sharing.leave(store, list.id());
        out.println(Messages.text("cli.share.left", list.name(), left.trashed().size()));
        return 0;
    }

    private static TodoList list(TodoStore store, Args a, String verb) {
        if (a.positional().size() != 1) {
            throw new UsageError(Messages.text("cli.share.nameOneList", verb));
        }
        String name = a.positional().get(0);
        return store.lists().stream().filter(l -> l.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new Failure(Messages.text("cli.todo.noSuchList", name)));
    }

    private Spaces sharing(Path dir) {
        return new Spaces(new SettingsStore(dir), env);
    }
}
