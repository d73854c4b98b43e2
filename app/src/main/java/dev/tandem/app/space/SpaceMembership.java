package dev.tandem.app.space;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.space.SpaceLists.Space;
import dev.tandem.engine.sync.JoinRequest;
import dev.tandem.engine.sync.JoinRequests;
import dev.tandem.engine.sync.OpenInvite;
import dev.tandem.engine.sync.SpaceMember;
import dev.tandem.engine.sync.SpaceMembers;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Messages;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The members of a list's space, as {@link Spaces} offers them: who is in, who asks to join and
 * the invites still open; and to the list's owner, admitting one, revoking an invite, removing a
 * member (which changes the list's key) and mending the membership log. Every call blocks on the
 * list's remote.
 *
 * <p>A removal is kept in the settings before the remote changes, with the new passphrase, so one
 * cut short (a crash, a lost connection) is finished with the same passphrase by
 * {@link #finishRemovals}.
 *
 * @param open opens a joined list's engine, signed in as every sync of it is
 */
record SpaceMembership(SpaceLists lists, SettingsStore settings, Function<Space, SyncEngine> open) {
    /** How many of a fingerprint's 32 hex digits admitting takes at least: 64 bits, four groups. */
    public static final int ADMIT_DIGITS = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The list's members and requests; also notes whose each device is, for {@link #people()}. */
    public Spaces.Members members(TodoStore store, String listId) {
        Space s = lists.joined(listId);
        try (SyncEngine engine = open.apply(s)) {
            // Read against what this device accepted of the log before, so a log cut short on the
            // storage is mended rather than shown (a removed member who deleted their removal).
            SpaceMembers members = store.replica().members(engine);
            List<SpaceMember> all = members.list();
            JoinRequests asking = s.keys().isOwner() ? members.joinRequests() : new JoinRequests(List.of(), List.of());
            List<OpenInvite> invites = s.keys().isOwner() ? members.invites() : List.of();
            StringBuilder people = new StringBuilder();
            members.devices().forEach((device, person) ->
                    people.append(device).append('=').append(person.replace("\n", " ")).append('\n'));
            settings.put("shared." + listId + ".people", people.toString());
            all.stream().filter(SpaceMember::owner).findFirst().ifPresent(o -> lists.owner(listId, o.name()));
            return new Spaces.Members(all, asking.requests(), s.keys().isOwner(), invites, asking.skipped());
        }
    }

    /**
     * Whose each device of the shared lists is (device id to person), as last read from their
     * members ({@link #members}); kept with the settings, so history names people offline too.
     */
    public Map<String, String> people() {
        Map<String, String> out = new HashMap<>();
        for (Space s : lists.all()) {
            for (String line : settings.get("shared." + s.listId() + ".people", "").split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return out;
    }

    /**
     * Admits the one person asking to join whose fingerprint starts with {@code fingerprint}: the whole
     * fingerprint is best, and at least {@link #ADMIT_DIGITS} digits are needed, so a stranger who asks
     * with an intercepted invite cannot pass by making a key whose fingerprint merely starts alike.
     */
    public SpaceMember admit(TodoStore store, String listId, String fingerprint) {
        String want = fingerprint.replace(" ", "").toLowerCase(Locale.ROOT);
        if (!want.matches("[0-9a-f]*")) {
            throw new IllegalArgumentException(Messages.text("common.share.fingerprintNotHex", fingerprint));
        }
        if (want.length() < ADMIT_DIGITS) {
            throw new IllegalArgumentException(Messages.text("common.share.fingerprintShort", ADMIT_DIGITS,
                    fingerprint.strip(), want.length()));
        }
        Space s = owned(listId);
        try (SyncEngine engine = open.apply(s)) {
            SpaceMembers members = store.replica().members(engine);
            List<JoinRequest> match = members.requests().stream()
                    .filter(r -> r.fingerprint().replace(" ", "").startsWith(want)).toList();
            if (match.isEmpty()) {
                throw new IllegalArgumentException(Messages.text("common.share.noRequest", fingerprint));
            }
            if (match.size() != 1) {
                throw new IllegalArgumentException(Messages.text("common.share.ambiguous", match.size(), fingerprint));
            }
            return members.admit(match.get(0));
        }
    }

    /**
     * Mends the list's membership log on its storage from what this device accepted of it: entries
     * deleted or replaced are written back, junk is deleted (docs/SHARING.md, "A jammed log").
     * Returns what it did, in plain words.
     */
    public List<String> repair(TodoStore store, String listId) {
        try (SyncEngine engine = open.apply(lists.joined(listId))) {
            return store.replica().members(engine).repair();
        }
    }

    /**
     * Revokes the open invite {@code inviteId} of a list this device owns: nobody asks with it any more.
     * An {@link IllegalArgumentException} when no open invite has that id.
     */
    public void revoke(TodoStore store, String listId, String inviteId) {
        Space s = owned(listId);
        String id = inviteId.strip().toLowerCase(Locale.ROOT);
        if (!id.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException(Messages.text("common.share.badInviteId", inviteId));
        }
        try (SyncEngine engine = open.apply(s)) {
            if (!store.replica().members(engine).revoke(id)) {
                throw new IllegalArgumentException(Messages.text("common.share.noInvite", id));
            }
        }
    }

    /**
     * Removes {@code member} from the list's space and changes its key, sealed to everyone else; the
     * removed person keeps what they had and reads and writes nothing from now on.
     */
    public void remove(TodoStore store, String listId, String member) {
        Space s = owned(listId);
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Kept before the remote changes: a removal cut short (a crash, a lost connection) is
        // finished with the same passphrase by the next call of finishRemovals.
        settings.put(removing(listId), member);
        settings.putSecret(rotating(listId), fresh);
        finishRemoval(store, s, member, fresh);
    }

    /**
     * Finishes every removal of a member that was cut short on this device (the removal, the key
     * change, saving the new passphrase); says on {@code problems} each one that still fails.
     * Returns how many were finished now.
     */
    public int finishRemovals(TodoStore store, Consumer<String> problems) {
        int done = 0;
        for (Space s : lists.all()) {
            String member = settings.get(removing(s.listId()), "");
            String fresh = settings.secret(rotating(s.listId()));
            if (member.isEmpty() || fresh.isEmpty() || !s.joined() || !s.keys().isOwner()) {
                continue;
            }
            try {
                finishRemoval(store, s, member, fresh);
                done++;
            } catch (RuntimeException e) {
                problems.accept(Messages.text("common.space.removalUnfinished", member, String.valueOf(e.getMessage())));
            }
        }
        return done;
    }

    private void finishRemoval(TodoStore store, Space s, String member, String fresh) {
        // The key may have changed to the new passphrase already, before the cut.
        SyncException wrong = null;
        for (String pass : List.of(s.passphrase(), fresh)) {
            Space with = s.withPassphrase(pass);
            try (SyncEngine engine = open.apply(with)) {
                store.replica().removeAndRotate(engine, member, fresh, null);
                lists.save(s.withPassphrase(fresh));
                settings.put(removing(s.listId()), "");
                settings.putSecret(rotating(s.listId()), "");
                return;
            } catch (SyncException e) {
                if (e.reason() != SyncException.Reason.WRONG_PASSPHRASE) {
                    throw e;
                }
                wrong = e;
            }
        }
        throw wrong;
    }

    private static String removing(String listId) {
        return "shared." + listId + ".removing";
    }

    private static String rotating(String listId) {
        return "shared." + listId + ".rotating";
    }

    private Space owned(String listId) {
        Space s = lists.joined(listId);
        if (!s.keys().isOwner()) {
            throw new IllegalStateException(Messages.text("common.share.onlyOwner"));
        }
        return s;
    }
}
