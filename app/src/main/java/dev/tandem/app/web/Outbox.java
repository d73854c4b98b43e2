package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The page's outbox, replayed: what a phone did while the server was out of reach (docs/WEB.md, "Offline"),
 * sent as entries in the order they were made. The page never merges; this does, through the same writes
 * as a request made online ({@link WebWrites}), so an edit of a field another device changed meanwhile
 * becomes a Conflict, never an overwrite.
 *
 * <p>Invariants. Each entry is one transaction that first claims {@code web:<browser>:<entry key>}
 * ({@link TodoStore#once}) and then makes the entry's write, which joins it: the claim and the write commit
 * together or not at all, so an entry sent again (its answer lost, the server killed mid-replay, the
 * page reloaded) never applies twice, and an entry whose transaction did not commit applies when sent
 * again. Entries apply in order: a refused entry (4xx: a bad value, an item deleted meanwhile) has its
 * answer and the next goes on; a failure of the server stops the replay there, with the entries after it
 * not tried, so order is kept when the page sends them again. Keys are per browser, so one browser's
 * keys never stand in another's way.
 *
 * <p>Bounds: at most {@link #MAX_ENTRIES} entries per request (the body's bytes are capped before, by
 * {@link Exchange#body}); a key is 8 to 64 letters, digits and dashes.
 */
final class Outbox {
    static final int MAX_ENTRIES = 100;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final System.Logger LOG = System.getLogger("tandem");

    private final TodoStore store;
    private final WebWrites writes;

    Outbox(TodoStore store, WebWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    /** Replays the entries of {@code body} in order; answers each one's outcome, and where it stopped. */
    Map<String, Object> replay(Map<String, Object> body, Browsers.Browser browser, Language language) {
        if (!(body.get("entries") instanceof List<?> entries)) {
            throw new BadRequest("server.outbox.entries");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new BadRequest(413, "server.outbox.tooMany", String.valueOf(MAX_ENTRIES));
        }
        List<Object> results = new ArrayList<>();
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> m) || !(m.get("key") instanceof String key) || !KEY.matcher(key).matches()) {
                throw new BadRequest("server.outbox.key");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) m;
            try {
                results.add(once(entry, key, browser, language));
            } catch (BadRequest refused) {
                results.add(obj("key", key, "status", refused.status(), "error", refused.text(language)));
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "web: an outbox entry could not be applied", failed);
                return obj("results", results, "stopped", Messages.text(language, "server.outbox.stopped"));
            }
        }
        return obj("results", results, "stopped", null);
    }

    private Map<String, Object> once(Map<String, Object> entry, String key, Browsers.Browser browser,
            Language language) {
        return store.once("web:" + browser.id() + ":" + key, () -> {
            WebWrites.Answer a = apply(entry, browser, language);
            Map<String, Object> out = new LinkedHashMap<>(a.json());
            out.put("key", key);
            out.put("status", a.status());
            return out;
        }).orElseGet(() -> obj("key", key, "status", 200, "replayed", true));
    }

    private WebWrites.Answer apply(Map<String, Object> entry, Browsers.Browser browser, Language language) {
        Object op = entry.get("op");
        if ("add".equals(op)) {
            return writes.add(ApiRoutes.string(entry, "text"), optional(entry, "view"), optional(entry, "id"),
                    optional(entry, "parentId"), entry.get("at") instanceof Long at ? at : null, language);
        }
        String id = ApiRoutes.string(entry, "id");
        if ("done".equals(op)) {
            return writes.done(id, Boolean.TRUE.equals(entry.get("done")));
        }
        if ("edit".equals(op)) {
            Edit e = Edit.of(entry);
            return writes.edit(id, e.set(), e.base(), browser, language);
        }
        if ("move".equals(op)) {
            return writes.move(id, entry.get("to"), entry.get("base"), browser, language);
        }
        if ("trash".equals(op)) {
            return writes.trash(id, !Boolean.FALSE.equals(entry.get("trashed")));
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
}
