package dev.tandem.app.space;

import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SavedLogin;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.space.SpaceLists.Space;
import dev.tandem.app.sync.FolderRemote;
import dev.tandem.app.sync.RemoteSpec;
import dev.tandem.engine.sync.JoinRequest;
import dev.tandem.engine.sync.OpenInvite;
import dev.tandem.engine.sync.SpaceInvite;
import dev.tandem.engine.sync.SpaceKeys;
import dev.tandem.engine.sync.SpaceMember;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sharing one list with other people (docs/SHARING.md), as the CLI and the window both do it:
 * share, invite, join, admit, remove a member, leave and undo a leave. Every call blocks on the
 * list's remote, so the window runs them off its thread. Bad input is an
 * {@link IllegalArgumentException} and a state that forbids the step an {@link IllegalStateException},
 * each with a message for the user; the remote's failures are the engine's {@code SyncException}.
 *
 * <p>Order matters in two places. Sharing saves the list's space before it writes anything to the
 * remote, and forgets it again if the remote refuses, so a crash between leaves a list that the next
 * share reports as shared rather than a half-made space nobody knows of. Leaving forgets the space
 * first and deletes the list after, so the delete is never pushed to the other members.
 */
public final class Spaces {
    /** A join that was asked for: the fingerprint the joiner reads to the owner. */
    public record Asked(String listId, String memberName, String fingerprint) {
    }

    /**
     * The members of a list's space, and (to its owner) who asks to join, the invites still open, and
     * each object skipped among the requests (junk someone with access to the storage wrote there).
     */
    public record Members(List<SpaceMember> members, List<JoinRequest> requests, boolean owner, List<OpenInvite> invites,
                          List<String> skipped) {
    }

    /** A list this device left, with what {@link #undoLeave} needs to take it back. */
    public record Left(Space space, String listName, List<String> trashed) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SpaceLists lists;
    private final SettingsStore settings;
    private final Map<String, String> env;
    /** Opens a joined list's engine: {@link SpaceLists#engine}, signed in from {@code env}. */
    private final Function<Space, SyncEngine> open;
    private final SpaceMembership membership;

    /** {@code env}: where a shared list's S3 keys and WebDAV log-in come from, as for every sync. */
    public Spaces(SettingsStore settings, Map<String, String> env) {
        this(settings, env, null);
    }

    /** With {@code open} in place of {@link SpaceLists#engine} (null for it): tests wrap the engines. */
    Spaces(SettingsStore settings, Map<String, String> env, Function<Space, SyncEngine> open) {
        this.lists = new SpaceLists(settings);
        this.settings = settings;
        this.env = Map.copyOf(env);
        this.open = open != null ? open : s -> SpaceLists.engine(s, this.env);
        this.membership = new SpaceMembership(lists, settings, this.open);
    }

    public Optional<Space> get(String listId) {
        return lists.get(listId);
    }

    public List<Space> all() {
        return lists.all();
    }

    /**
     * Moves {@code list} into a space of its own at {@code remote}, with {@code asName} as the owner's
     * name, and returns the first invite's code.
     */
    public String share(TodoStore store, TodoList list, String remote, String asName) {
        return share(store, list, remote, asName, Map.of());
    }

    /**
     * As {@link #share(TodoStore, TodoList, String, String)}, signing in to {@code remote} with
     * {@code login} (the {@link SpaceLists#LOGIN} names: a WebDAV user and password, S3 keys), which
     * the list keeps for every later sync here.
     */
    public String share(TodoStore store, TodoList list, String remote, String asName, Map<String, String> login) {
        if (remote == null || remote.isBlank()) {
            throw new IllegalArgumentException(Messages.text("common.share.chooseRemote"));
        }
        if (lists.get(list.id()).isPresent()) {
            throw new IllegalStateException(Messages.text("common.share.already", list.name()));
        }
        // Checked before anything is saved; an S3 endpoint and region come from the environment,
        // as every later sync of the list reads them there too.
        Map<String, String> signIn = SpaceLists.loginFor(remote, login, env);
        RemoteSpec.builder(remote.strip(), SpaceLists.withLogin(env, signIn), Map.of());
        if (remote.strip().startsWith("folder:")) {
            Path dir = Path.of(remote.strip().substring("folder:".length()));
            FolderRemote.Look look = FolderRemote.look(dir);
            if (look.contents() == FolderRemote.Contents.OTHER) {
                throw new IllegalArgumentException(FolderRemote.problem(dir, look));
            }
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        Space s = new Space(list.id(), remote.strip(), SpaceKeys.newSpace(name(asName)),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret), null, signIn);
        lists.save(s);
        try (SyncEngine engine = open.apply(s)) {
            // A snapshot holds the list as it is, whoever wrote it; the joiners start from it.
            store.replica().compact(engine);
            return store.replica().members(engine).invite(location(list.id(), s.remote())).code();
        } catch (RuntimeException e) {
            lists.remove(list.id());
            throw e;
        }
    }

    /**
     * Another invite to a list this device owns. The list is synced first, so whoever joins finds
     * it as it is here, even when the share that made the space was cut short before it wrote the list.
     */
    public String invite(TodoStore store, String listId) {
        Space s = lists.joined(listId);
        try (SyncEngine engine = open.apply(s)) {
            store.replica().sync(engine);
            return store.replica().members(engine).invite(location(listId, s.remote())).code();
        }
    }

    /**
     * As {@link #join(String, String)}, refusing an invite that names a list {@code store} already
     * holds, unless {@code intoExisting} (the person shared that list themselves from another of
     * their devices, and says so): an invite's list id is the inviter's word, and an invite changed
     * to name one of this person's lists would make what they add to it readable by whoever made it.
     */
    public Asked join(TodoStore store, String code, String asName, boolean intoExisting) {
        return join(store, code, asName, intoExisting, Map.of());
    }

    /** As {@link #join(TodoStore, String, String, boolean)}, signing in to the invite's remote with {@code login}. */
    public Asked join(TodoStore store, String code, String asName, boolean intoExisting, Map<String, String> login) {
        String listId = listOf(code);
        Optional<TodoList> mine = store.lists().stream().filter(l -> l.id().equals(listId)).findFirst();
        if (mine.isPresent() && lists.get(listId).isEmpty() && !intoExisting) {
            throw new IllegalStateException(Messages.text("common.share.inviteNamesYours", mine.get().name()));
        }
        return join(code, asName, login);
    }

    /**
     * Asks to join with an invite {@code code} as {@code asName}; asking again with the same code
     * returns the same fingerprint and asks nothing new.
     */
    public Asked join(String code, String asName) {
        return join(code, asName, Map.of());
    }

    /** As {@link #join(String, String)}, signing in to the invite's remote with {@code login}, which the list keeps. */
    public Asked join(String code, String asName, Map<String, String> login) {
        SpaceInvite invite = SpaceInvite.parse(code.strip());
        String[] where = where(invite.location());
        Optional<Space> known = lists.get(where[0]);
        if (known.isPresent()) {
            return new Asked(where[0], known.get().keys().memberName(), known.get().keys().fingerprint());
        }
        SpaceKeys keys = SpaceKeys.joining(invite.ownerPublicKey(), name(asName));
        Space asking = new Space(where[0], where[1], keys, null, invite.code(), SpaceLists.loginFor(where[1], login, env));
        invite.requestToJoin(RemoteSpec.storage(where[1], asking.env(env)), keys);
        lists.save(asking);
        return new Asked(where[0], keys.memberName(), keys.fingerprint());
    }

    /** Whether this device may open the list's space now: admitted before, or admitted since it last asked. */
    public boolean admitted(String listId) {
        Space s = lists.get(listId).orElseThrow(() -> new IllegalStateException(Messages.text("common.share.notSharedHere")));
        if (s.joined()) {
            return true;
        }
        Optional<String> pass = SpaceInvite.parse(s.invite()).passphrase(RemoteSpec.storage(s.remote(), s.env(env)), s.keys());
        pass.ifPresent(p -> lists.save(s.withPassphrase(p)));
        return pass.isPresent();
    }

    /**
     * Joins every list whose owner has admitted this person since it asked; says on {@code problems}
     * each one it could not check. Returns how many were joined now.
     */
    public int finishJoins(Consumer<String> problems) {
        int now = 0;
        for (Space s : lists.all()) {
            if (!s.joined()) {
                try {
                    now += admitted(s.listId()) ? 1 : 0;
                } catch (RuntimeException e) {
                    problems.accept(Messages.text("common.space.admissionUnchecked", String.valueOf(e.getMessage())));
                }
            }
        }
        return now;
    }

    /**
     * A sync of a joined list alone, so it shows before the next sync of everything. When the list's
     * passphrase no longer opens its space (its owner removed someone and changed the key), it takes
     * the new passphrase sealed to this member and syncs with that, as every sync of the list does
     * ({@link SpaceLists#followRekey}); with none for this member, the wrong passphrase is the error.
     * Who shared the list is learnt as in every sync ({@link SpaceSync}): when it cannot be read, the
     * report's notes say so.
     */
    public SyncReport syncList(TodoStore store, String listId) {
        try (SyncEngine engine = open.apply(lists.joined(listId))) {
            SyncReport report = store.replica().sync(engine);
            // A removal said later names who removed this person; a failed read is a note, read again next time.
            String note = SpaceSync.ownerNote(lists, listId, () -> SpaceSync.named(store.list(listId), listId),
                    () -> store.replica().members(engine));
            return note == null ? report : SpaceSync.withNote(report, note);
        } catch (SyncException e) {
            if (e.reason() != SyncException.Reason.WRONG_PASSPHRASE) {
                throw e;
            }
            try (SyncEngine fresh = lists.followRekey(listId, store.replica()::rekeyedPassphrase, env)) {
                if (fresh == null) {
                    throw e;
                }
                return store.replica().sync(fresh);
            }
        }
    }

    /** The list's members and requests ({@link SpaceMembership#members}). */
    public Members members(TodoStore store, String listId) {
        return membership.members(store, listId);
    }

    /** Whose each device of the shared lists is, device id to person ({@link SpaceMembership#people}). */
    public Map<String, String> people() {
        return membership.people();
    }

    /** Admits the one person asking whose fingerprint starts with {@code fingerprint} ({@link SpaceMembership#admit}). */
    public SpaceMember admit(TodoStore store, String listId, String fingerprint) {
        return membership.admit(store, listId, fingerprint);
    }

    /** Mends the list's membership log on its storage ({@link SpaceMembership#repair}). */
    public List<String> repair(TodoStore store, String listId) {
        return membership.repair(store, listId);
    }

    /** Revokes an open invite of a list this device owns ({@link SpaceMembership#revoke}). */
    public void revoke(TodoStore store, String listId, String inviteId) {
        membership.revoke(store, listId, inviteId);
    }

    /** Removes {@code member} and changes the list's key ({@link SpaceMembership#remove}). */
    public void remove(TodoStore store, String listId, String member) {
        membership.remove(store, listId, member);
    }

    /** Finishes every removal cut short on this device ({@link SpaceMembership#finishRemovals}). */
    public int finishRemovals(TodoStore store, Consumer<String> problems) {
        return membership.finishRemovals(store, problems);
    }

    /**
     * The sign-in this profile saved for its own remote, when {@code remote} is on the same server
     * or bucket ({@link SavedLogin}); empty otherwise.
     */
    public Map<String, String> savedLogin(String remote) {
        return SavedLogin.forRemote(settings.loadSync(), remote);
    }

    /** Stops syncing the list here, then deletes it here; its items go to the Trash. The others keep it. */
    public Left leave(TodoStore store, String listId) {
        Space s = lists.get(listId).orElseThrow(() -> new IllegalStateException(Messages.text("common.share.notShared")));
        String name = store.lists().stream().filter(l -> l.id().equals(listId)).map(TodoList::name)
                .findFirst().orElseGet(() -> Messages.text("common.space.theSharedList"));
        lists.remove(listId);
        return new Left(s, name, store.deleteList(listId));
    }

    /**
     * Stops syncing the list with the others and keeps it here as a private list, with its items:
     * after a removal, what the person had stays theirs, and syncs with their own remote from now
     * on. The others keep the shared list; nothing of it is deleted anywhere.
     */
    public String keepPrivate(TodoStore store, String listId) {
        lists.get(listId).orElseThrow(() -> new IllegalStateException(Messages.text("common.share.notShared")));
        String name = store.lists().stream().filter(l -> l.id().equals(listId)).map(TodoList::name)
                .findFirst().orElseGet(() -> Messages.text("common.space.theSharedList"));
        lists.remove(listId);
        return name;
    }

    /** Takes a leave back: the list's space again, then the list and its items out of the Trash. */
    public void undoLeave(TodoStore store, Left left) {
        lists.save(left.space());
        store.undeleteList(left.space().listId(), left.trashed());
    }

    private String name(String asName) {
        if (asName == null || asName.isBlank()) {
            throw new IllegalArgumentException(Messages.text("common.share.needName"));
        }
        if (!asName.strip().equals(settings.get(MY_NAME, ""))) {
            settings.put(MY_NAME, asName.strip());
        }
        return asName.strip();
    }

    /**
     * The name to offer in Share and Join: the one this person gave the last time, else their account's
     * user name with a capital; empty (the field asks) rather than a computer's name.
     */
    public String myName() {
        String last = settings.get(MY_NAME, "");
        return last.isBlank() ? personName("") : last;
    }

    private static final String MY_NAME = "sharing.name";

    /**
     * The name the others see a person by until they type their own: the account's user name with
     * a capital ("sam" is "Sam"), else {@code fallback}.
     */
    public static String personName(String fallback) {
        String user = System.getProperty("user.name", "").strip();
        if (user.isEmpty() || user.equals("root")) {
            return fallback;
        }
        return user.substring(0, 1).toUpperCase(Locale.ROOT) + user.substring(1);
    }

    /** The location an invite carries: {@code list:<id>:<remote>}. */
    public static String location(String listId, String remote) {
        return "list:" + listId + ":" + remote;
    }

    /** The remote an invite {@code code} names ({@code webdav:…}, {@code s3://…}, {@code folder:…}). */
    public static String remoteOf(String code) {
        return where(SpaceInvite.parse(code.strip()).location())[1];
    }

    /** The id of the list an invite {@code code} names; an {@link IllegalArgumentException} says what is wrong with it. */
    public static String listOf(String code) {
        return where(SpaceInvite.parse(code.strip()).location())[0];
    }

    /** The list id and the remote an invite's location names. */
    static String[] where(String location) {
        int colon = location.indexOf(':', 5);
        if (!location.startsWith("list:") || colon < 0) {
            throw new IllegalArgumentException(Messages.text("common.share.inviteNoList", location));
        }
        return new String[] {location.substring(5, colon), location.substring(colon + 1)};
    }
}
