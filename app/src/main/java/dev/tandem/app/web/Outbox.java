package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.StorageException;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The page's outbox, replayed: every write the page makes, sent as entries in the order they were made, online
 * or after being offline (docs/WEB.md, "Offline"). It is the page's one door for writing items. The page never
 * merges; this does, through the model ({@link WebWrites}), so an edit of a field another device changed
 * meanwhile becomes a Conflict, never an overwrite.
 *
 * <p>Invariants. Each entry is one transaction that first claims {@code web:<browser>:<entry key>}
 * ({@link TodoStore#once}) and then makes the entry's write, which joins it: the claim and the write commit
 * together or not at all, so an entry sent again (its answer lost, the server killed mid-replay, the page
 * reloaded) never applies twice, and one whose transaction did not commit is tried again when sent again. Every
 * entry taken ends in exactly one outcome, answered per entry in order: {@code applied}, {@code conflict} (saved,
 * with the fields changed elsewhere kept in Conflicts) or {@code refused} with a reason (nothing of it written);
 * a malformed entry is refused on its own, and the entries after a refused one go on. An entry the model cannot
 * apply for a reason nobody foresaw (an exception that is not a refusal) is refused too, its cause in the log, so
 * no entry can hold the ones after it for good. Only a failure of the database itself ({@link StorageException}:
 * a full disk, a locked file) stops the replay at that entry, the rest not tried, so order is kept when the page
 * sends them again; the same entry stopping it {@value #STRIKES} times is then refused, so even that is bounded.
 * Keys are per browser, so one browser's keys never stand in another's way.
 *
 * <p>Bounds: at most {@link #MAX_ENTRIES} entries per request (the body's bytes are capped before, by
 * {@link Exchange#body}); a key is 8 to 64 letters, digits and dashes. A result says what the page needs (its
 * place, key, item id, status, outcome, reason; a quick add's sentence and fields), never the item's notes or
 * rendering, so an answer is as small as its request whatever the items hold.
 */
final class Outbox {
    static final int MAX_ENTRIES = 100;
    /** How often the database may fail on one entry before the entry is refused. */
    static final int STRIKES = 5;
    /** Entries whose database failures are counted; the oldest is forgotten past it. */
    private static final int STRIKES_KEPT = 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final System.Logger LOG = System.getLogger("tandem");

    private final TodoStore store;
    private final WebWrites writes;
    private final Map<String, Integer> strikes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > STRIKES_KEPT;
        }
    };

    Outbox(TodoStore store, WebWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    /** Replays a paired browser's entries (it sees everything): {@link #replay(Map, Browsers.Browser, Language, ApiScope)}. */
    Map<String, Object> replay(Map<String, Object> body, Browsers.Browser browser, Language language) {
        return replay(body, browser, language, ApiScope.EVERYTHING);
    }

    /**
     * Replays the entries of {@code body} in order, within what {@code scope} may touch; answers each one's outcome,
     * and where it stopped.
     */
    Map<String, Object> replay(Map<String, Object> body, Browsers.Browser browser, Language language, ApiScope scope) {
        if (!(body.get("entries") instanceof List<?> entries)) {
            throw new BadRequest("server.outbox.entries");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new BadRequest(413, "server.outbox.tooMany", String.valueOf(MAX_ENTRIES));
        }
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> m) || !(m.get("key") instanceof String key)
                    || !KEY.matcher(key).matches()) {
                results.add(refused(i, null, null, new BadRequest("server.outbox.key"), language));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) m;
            String id = entry.get("id") instanceof String s ? s : null;
            String claim = "web:" + browser.id() + ":" + key;
            try {
                results.add(once(i, entry, key, claim, browser, language, scope));
                forget(claim);
            } catch (BadRequest refusal) {
                forget(claim);
                results.add(refused(i, key, id, refusal, language));
            } catch (StorageException failed) {
                LOG.log(System.Logger.Level.WARNING, "web: the database failed on an outbox entry", failed);
                if (strike(claim) < STRIKES) {
                    return obj("results", results, "stopped", Messages.text(language, "server.outbox.stopped"),
                            "now", store.clock().millis());
                }
                forget(claim);
                results.add(refused(i, key, id, new BadRequest(500, "server.outbox.failedAgain", STRIKES), language));
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "web: an outbox entry could not be applied", failed);
                results.add(refused(i, key, id, new BadRequest(422, "server.outbox.failed"), language));
            }
        }
        return obj("results", results, "stopped", null, "now", store.clock().millis());
    }

    private Map<String, Object> once(int index, Map<String, Object> entry, String key, String claim,
            Browsers.Browser browser, Language language, ApiScope scope) {
        return store.once(claim, () -> {
            WebWrites.Answer a = scope.limited() ? inScope(entry, scope, () -> apply(entry, browser, language))
                    : apply(entry, browser, language);
            Map<String, Object> out = obj("index", index, "key", key, "id", a.id(), "status", a.status(),
                    "outcome", a.status() == 409 ? "conflict" : "applied");
            out.putAll(a.json());
            return out;
        }).orElseGet(() -> replayed(index, entry, key));
    }

    /**
     * An entry of a token limited to some lists ({@link ApiScope}): the item it names, and a quick add's parent, must
     * be in them (else refused as not found: it cannot learn they exist); and what it wrote must still be in them
     * once written (a quick add naming another list, an edit or a move to one), else it is refused and, being in
     * the entry's transaction, rolled back with everything it made (a list the text named included).
     */
    private WebWrites.Answer inScope(Map<String, Object> entry, ApiScope scope, Supplier<WebWrites.Answer> write) {
        Object named = "add".equals(entry.get("op")) ? entry.get("parentId") : entry.get("id");
        if (named instanceof String id && store.get(id).filter(scope::sees).isEmpty()) {
            throw new BadRequest(404, "server.item.gone");
        }
        WebWrites.Answer a = write.get();
        if (a.id() != null && store.get(a.id()).filter(scope::sees).isEmpty()) {
            throw new BadRequest(403, "server.token.outsideLists");
        }
        return a;
    }

    /**
     * The answer to an entry applied before (its first answer lost): applied; for a quick add, the fields its item
     * has now, as the page's next edit is made on them (what the add itself made is not kept).
     */
    private Map<String, Object> replayed(int index, Map<String, Object> entry, String key) {
        String id = entry.get("id") instanceof String s ? s : null;
        Map<String, Object> out = obj("index", index, "key", key, "id", id, "status", 200, "outcome", "applied",
                "replayed", true);
        if ("add".equals(entry.get("op")) && id != null) {
            out.put("values", writes.values(id));
        }
        return out;
    }

    private static Map<String, Object> refused(int index, String key, String id, BadRequest refusal, Language language) {
        return obj("index", index, "key", key, "id", id, "status", refusal.status(), "outcome", "refused",
                "reason", refusal.text(language));
    }

    private synchronized int strike(String claim) {
        return strikes.merge(claim, 1, Integer::sum);
    }

    private synchronized void forget(String claim) {
        strikes.remove(claim);
    }

    private WebWrites.Answer apply(Map<String, Object> entry, Browsers.Browser browser, Language language) {
        Object op = entry.get("op");
        Long at = entry.get("at") instanceof Long n ? n : null;
        if ("add".equals(op)) {
            return writes.add(ApiRoutes.string(entry, "text"), optional(entry, "view"), optional(entry, "id"),
                    optional(entry, "parentId"), at, object(entry, "set"), browser, language);
        }
        String id = ApiRoutes.string(entry, "id");
        if ("done".equals(op)) {
            return writes.done(id, Boolean.TRUE.equals(entry.get("done")), at, browser);
        }
        if ("edit".equals(op)) {
            Edit e = Edit.of(entry);
            return writes.edit(id, e.set(), e.base(), browser, language);
        }
        if ("move".equals(op)) {
            return writes.move(id, entry.get("to"), entry.get("base"), browser, language);
        }
        if ("trash".equals(op)) {
            return writes.trash(id, !Boolean.FALSE.equals(entry.get("trashed")), at, browser);
        }
        if ("check".equals(op)) {
            if (!(entry.get("text") instanceof String text) || !(entry.getOrDefault("occurrence", 0L) instanceof Long n)
                    || n < 0 || !(entry.get("checked") instanceof Boolean checked)) {
                throw new BadRequest("server.check.text");
            }
            return writes.check(id, text, n, checked);
        }
        throw new BadRequest("server.outbox.unknownOp", op);
    }

    private static String optional(Map<String, Object> entry, String name) {
        Object v = entry.get(name);
        if (v != null && !(v instanceof String)) {
            throw new BadRequest("server.field.notText", name);
        }
        return (String) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> entry, String name) {
        Object v = entry.get(name);
        if (v != null && !(v instanceof Map)) {
            throw new BadRequest("server.edit.setAndBase");
        }
        return (Map<String, Object>) v;
    }
}
