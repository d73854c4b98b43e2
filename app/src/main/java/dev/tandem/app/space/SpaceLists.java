package dev.tandem.app.space;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.sync.RemoteSpec;
import dev.tandem.engine.sync.SpaceKeys;
import dev.tandem.engine.sync.SpaceMember;
import dev.tandem.engine.sync.SpaceMembers;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncScope;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The lists this profile shares with other people, each a space of its own (docs/SHARING.md): its
 * remote, the member's keys and the space's passphrase, or, while the owner has not admitted this
 * person yet, the invite it was asked with. Kept with the settings: the remote in
 * {@code settings.properties} ({@code shared.lists} names the lists), keys, passphrase and invite in
 * the owner-only {@code secrets.properties}.
 */
public final class SpaceLists {
    /**
     * One shared list. {@code passphrase} is null while the join waits for the owner. {@code login}:
     * the sign-in for the list's remote where it needs one (a WebDAV user and password, S3 keys), by
     * the names of the environment variables the command line reads them from; it wins over those.
     */
    public record Space(String listId, String remote, SpaceKeys keys, String passphrase, String invite,
                         Map<String, String> login) {
        public Space {
            login = Map.copyOf(login);
        }

        public Space(String listId, String remote, SpaceKeys keys, String passphrase, String invite) {
            this(listId, remote, keys, passphrase, invite, Map.of());
        }

        public boolean joined() {
            return passphrase != null;
        }

        /** The same list with another passphrase (and no invite): its remote and sign-in stay. */
        public Space withPassphrase(String fresh) {
            return new Space(listId, remote, keys, fresh, null, login);
        }

        /** {@code env} with this list's own sign-in over it. */
        public Map<String, String> env(Map<String, String> env) {
            return withLogin(env, login);
        }
    }

    /** The sign-in values a shared list keeps for its remote, as the command line's environment names them. */
    public static final List<String> LOGIN = List.of("TANDEM_WEBDAV_USER", "TANDEM_WEBDAV_PASSWORD",
            "TANDEM_WEBDAV_TRUST", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL", "AWS_REGION");

    /** {@code env} with a list's sign-in ({@link #LOGIN} names) over it. */
    public static Map<String, String> withLogin(Map<String, String> env, Map<String, String> login) {
        if (login.isEmpty()) {
            return env;
        }
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(login);
        return merged;
    }

    /**
     * The sign-in a list keeps for {@code remote}: {@code login} where it holds a value, else (the
     * command line) what {@code env} holds now, so later syncs need it no more; only the
     * {@link #LOGIN} values the remote's kind uses.
     */
    static Map<String, String> loginFor(String remote, Map<String, String> login, Map<String, String> env) {
        Map<String, String> from = login.values().stream().anyMatch(v -> v != null && !v.isBlank()) ? login : env;
        String r = remote.strip();
        String kind = r.startsWith("webdav:") ? "TANDEM_WEBDAV_" : r.startsWith("s3://") ? "AWS_" : null;
        Map<String, String> out = new HashMap<>();
        if (kind != null) {
            from.forEach((k, v) -> {
                if (LOGIN.contains(k) && k.startsWith(kind) && v != null && !v.isBlank()) {
                    out.put(k, v.strip());
                }
            });
        }
        return out;
    }

    private static final String LISTS = "shared.lists";
    private final SettingsStore store;

    public SpaceLists(SettingsStore store) {
        this.store = store;
    }

    public List<Space> all() {
        List<Space> out = new ArrayList<>();
        for (String id : ids()) {
            get(id).ifPresent(out::add);
        }
        return out;
    }

    /** The ids of the lists shared with other people (joined or being joined). */
    public Set<String> listIds() {
        Set<String> out = new HashSet<>();
        all().forEach(sp -> out.add(sp.listId()));
        return out;
    }

    public Optional<Space> get(String listId) {
        if (!ids().contains(listId)) {
            return Optional.empty();
        }
        String keys = store.secret(key(listId, "keys"));
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String pass = store.secret(key(listId, "passphrase"));
        String invite = store.secret(key(listId, "invite"));
        Map<String, String> login = new HashMap<>();
        for (String name : LOGIN) {
            String v = store.secret(key(listId, "login." + name));
            if (!v.isEmpty()) {
                login.put(name, v);
            }
        }
        return Optional.of(new Space(listId, store.get(key(listId, "remote"), ""), SpaceKeys.decode(keys),
                pass.isEmpty() ? null : pass, invite.isEmpty() ? null : invite, login));
    }

    /** The list, joined: an {@link IllegalStateException} says why not when it is not shared or not joined yet. */
    Space joined(String listId) {
        Space s = get(listId).orElseThrow(() -> new IllegalStateException(Messages.text("common.share.notShared")));
        if (!s.joined()) {
            throw new IllegalStateException(Messages.text("common.share.notAdmitted", s.keys().fingerprint()));
        }
        return s;
    }

    public void save(Space s) {
        store.put(key(s.listId(), "remote"), s.remote());
        store.putSecret(key(s.listId(), "keys"), s.keys().encode());
        store.putSecret(key(s.listId(), "passphrase"), s.passphrase() == null ? "" : s.passphrase());
        store.putSecret(key(s.listId(), "invite"), s.invite() == null ? "" : s.invite());
        for (String name : LOGIN) {
            String v = s.login().getOrDefault(name, "");
            if (!v.equals(store.secret(key(s.listId(), "login." + name)))) {
                store.putSecret(key(s.listId(), "login." + name), v);
            }
        }
        List<String> ids = new ArrayList<>(ids());
        if (!ids.contains(s.listId())) {
            ids.add(s.listId());
            store.put(LISTS, String.join(",", ids));
        }
    }

    /** The name of the person who shared the list, as this device last read it from the list's members. */
    public Optional<String> owner(String listId) {
        String name = store.get(key(listId, "owner"), "");
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    /** The new passphrase a list's owner sealed to this member in {@code storage}, read with this profile's data. */
    @FunctionalInterface
    public interface Rekeyed {
        Optional<String> passphrase(SpaceKeys keys, SyncStorage storage);
    }

    /**
     * After the list synced, with its {@code members}: notes who shared it, once, so a later removal can name
     * them. Returns why it could not be read, or null.
     */
    public String learnOwner(String listId, Supplier<SpaceMembers> members) {
        if (owner(listId).isPresent()) {
            return null;
        }
        try {
            members.get().list().stream().filter(SpaceMember::owner).findFirst()
                    .ifPresent(o -> owner(listId, o.name()));
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** Notes who shared the list, for messages that must name them when the members cannot be read. */
    public void owner(String listId, String name) {
        if (!name.equals(store.get(key(listId, "owner"), ""))) {
            store.put(key(listId, "owner"), name);
        }
    }

    /** Forgets a shared list here: its keys and passphrase go; the list's rows are the caller's to handle. */
    public void remove(String listId) {
        List<String> ids = new ArrayList<>(ids());
        ids.remove(listId);
        store.put(LISTS, String.join(",", ids));
        for (String part : List.of("keys", "passphrase", "invite")) {
            store.putSecret(key(listId, part), "");
        }
        for (String name : LOGIN) {
            store.putSecret(key(listId, "login." + name), "");
        }
        store.put(key(listId, "owner"), "");
    }

    /** The entities a shared list's space holds: the list, its items, their tags and attachments. */
    public static SyncScope.Tree scope(String listId) {
        return (SyncScope.Tree) SyncScope.tree("lists", Set.of(listId), List.of(
                new SyncScope.Link("items", "listId", "lists"), new SyncScope.Link("item_tags", "itemId", "items"),
                new SyncScope.Link("attachments", "itemId", "items")));
    }

    /** The personal remote's scope: everything but the shared lists (all of them, joined or not). */
    public SyncScope personalScope() {
        List<SyncScope.Tree> trees = ids().stream().map(SpaceLists::scope).collect(Collectors.toList());
        return trees.isEmpty() ? SyncScope.everything() : SyncScope.except(trees);
    }

    /** The engine of a joined shared list. */
    public static SyncEngine engine(Space s, Map<String, String> env) {
        if (!s.joined()) {
            throw new IllegalStateException("list " + s.listId() + ": the owner has not admitted this person yet");
        }
        return RemoteSpec.builder(s.remote(), s.env(env), Map.of()).encrypted(s.passphrase()).space(s.keys())
                .scope(scope(s.listId())).build();
    }

    /**
     * The engine a sync of this profile runs: {@code personal} scoped to leave the shared lists out,
     * with every joined shared list's engine beside it; just the personal one when nothing is shared.
     * With no personal remote ({@code personal} null) the shared lists sync alone, and with none of
     * them either there is nothing to sync: null. {@code store}: the profile the engine's calls are
     * made for (it names the lists in messages, and says which list a file is attached in); null only
     * for an engine that makes no call with a database, as {@code tandem check}'s.
     */
    public SyncEngine withSpaces(SyncEngine.Builder personal, Map<String, String> env, TodoStore store) {
        List<Space> shared = all();
        if (shared.isEmpty()) {
            return personal == null ? null : personal.build();
        }
        if (personal == null && shared.stream().noneMatch(Space::joined)) {
            return null;
        }
        SyncEngine main = personal == null ? null : personal.scope(personalScope()).build();
        List<SpaceSync.Named> spaces = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (Space s : shared) {
            if (!s.joined()) {
                continue;
            }
            try {
                spaces.add(new SpaceSync.Named(s.listId(), engine(s, env)));
            } catch (RuntimeException e) {
                // One shared list that cannot be set up (its remote's log-in is missing here) stops
                // nothing else; every sync says so.
                unusable.add(Messages.text("common.space.cannotSyncHere", s.listId(), String.valueOf(e.getMessage())));
            }
        }
        return new SpaceSync(main, spaces, (listId, rekeyed) -> followRekey(listId, rekeyed, env), unusable, this,
                store);
    }

    /**
     * After the owner removed someone and changed the list's key: the new passphrase sealed to
     * this member, saved, and the list's engine with it; null when there is none (this person was
     * removed, or the passphrase is wrong for another reason). {@code rekeyed} reads the grant with this
     * profile's database ({@link dev.tandem.app.model.Replica#rekeyedPassphrase}): a grant older than one
     * its device took before is never taken, the engine's SyncException says the storage was put back.
     */
    public SyncEngine followRekey(String listId, Rekeyed rekeyed, Map<String, String> env) {
        Space s = get(listId).orElse(null);
        if (s == null || !s.joined()) {
            return null;
        }
        Optional<String> fresh = rekeyed.passphrase(s.keys(), RemoteSpec.storage(s.remote(), s.env(env)));
        if (fresh.isEmpty() || fresh.get().equals(s.passphrase())) {
            return null;
        }
        Space now = s.withPassphrase(fresh.get());
        save(now);
        return engine(now, env);
    }

    private List<String> ids() {
        String v = store.get(LISTS, "");
        return v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String key(String listId, String part) {
        return "shared." + listId + "." + part;
    }
}
