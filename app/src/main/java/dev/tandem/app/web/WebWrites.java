package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.ConflictWords;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.QuickAddPlan;
import dev.tandem.engine.Tx;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The page's writes, each through the model as the desktop's are: quick add ({@link QuickAddPlan}), ticking
 * ({@link dev.tandem.app.model.TodoVerbs}, as the window's), an edit made on what the page last saw ({@link WebEdits}), a
 * move in a list ({@link WebMoves}), the Trash, and a check box of a note ({@link NoteChecks}). They are the entries of the page's outbox
 * ({@link Outbox}), each applied inside the transaction that claims it. A refused write throws
 * {@link BadRequest} and writes nothing.
 *
 * <p>What an entry names may have changed since the page made it; each write says what it does then, and never
 * fails for it. A quick add typed in a list deleted meanwhile goes to the Inbox, a subtask of a todo deleted or
 * moved to the Trash meanwhile too, and the answer says so. A tick or a move to the Trash is made on the state as
 * it stood when the page made it ({@code at}, in this server's time): when that state was set again elsewhere
 * after {@code at} (the desktop completed and reopened the todo since), the older tick is refused rather than
 * undoing the later choice; when the state already is what the page asks, there is nothing to do. "Elsewhere" is
 * told from this browser's own writes by a claim each of them leaves ({@code web:BROWSER:done:ID:TIME}, kept as
 * long as entry keys are), so a page's untick after its own tick, both made offline, builds on the tick.
 *
 * <p>Answers are as small as the request: the item's id and, for a quick add, its sentence and the fields the
 * add gave it (never the notes, which it cannot set); the page fetches what it shows.
 */
final class WebWrites {
    /** A write's answer: its status (201 added, 200 done, 409 kept in Conflicts), the item's id and the rest. */
    record Answer(int status, String id, Map<String, Object> json) {
    }

    /** How far back a quick add made offline may say it was typed: its "tomorrow" is read from then. */
    static final Duration TYPED_AT_MOST = Duration.ofDays(30);
    /**
     * An id a page makes for an item: a UUIDv7 in lower case, as the engine makes them. Not any UUID: ids of
     * another version are derived from names (a series' next occurrence, a tag's row, a list made by name) and
     * computable, so a page that took one would stand in that row's way.
     */
    private static final Pattern ITEM_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    /** The fields a quick add gives a todo, answered so that a page can make its next edit on them. */
    private static final List<String> ADDED_FIELDS = ItemJson.FIELDS.stream().filter(f -> !f.equals("notes")).toList();

    private final TodoStore store;
    private final WebEdits edits;
    private final ItemAnswers items;
    private final WebMoves moves;

    WebWrites(TodoStore store, ItemAnswers items) {
        this.store = store;
        this.edits = new WebEdits(store);
        this.items = items;
        this.moves = new WebMoves(store);
    }

    /**
     * Quick add of {@code text} in {@code view}: with the page's own id when it made one, as a subtask of
     * {@code parentId} when given, its dates read from when it was typed ({@code typedAt}, null: now), then the
     * fields of {@code set} over what the text gave (edits the page made before the add was sent).
     */
    Answer add(String text, String view, String id, String parentId, Long typedAt, Map<String, Object> set,
            Browsers.Browser browser, Language language) {
        if (id != null && !ITEM_ID.matcher(id).matches()) {
            throw new BadRequest("server.add.id");
        }
        // In use, or used before (deleted for good, its history kept): a second item never takes its id.
        if (id != null && (store.get(id).isPresent() || !store.history().changedAt("items", id).isEmpty())) {
            throw new BadRequest(409, "server.add.exists");
        }
        String gone = null;
        if (parentId != null && store.get(parentId).filter(p -> !p.isTrashed()).isEmpty()) {
            gone = "server.add.toInboxParentGone";
            parentId = null;
            view = "inbox";
        }
        Listing shown = ApiRoutes.listing(view == null ? "inbox" : view, "");
        if (shown instanceof Listing.UserListing l && store.list(l.listId()).isEmpty()) {
            gone = "server.add.toInboxListGone";
            shown = new Listing.BuiltInListing(Listing.BuiltIn.INBOX);
        }
        QuickAddPlan plan = QuickAddPlan.read(text, List.of(), shown, typedAt(typedAt));
        Optional<String> problem = plan.problem(text);
        if (problem.isPresent()) {
            throw new BadRequest("server.refused", problem.get());
        }
        TodoStore.Added added;
        try {
            added = plan.addTo(store, id, parentId);
        } catch (IllegalArgumentException e) {
            // The model's refusals (a subtask too deep, an empty title) name the field, then say why.
            throw new BadRequest("server.refused", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
        }
        String made = added.item().id();
        if (set != null && !set.isEmpty()) {
            knownFields(set);
            // Made on what the add gave, in this transaction: nobody else has seen this item yet.
            Item now = items.item(made);
            Map<String, Object> base = new LinkedHashMap<>();
            set.keySet().forEach(f -> base.put(f, ItemJson.field(now, f)));
            edits.apply(made, set, base, browser.id(), browser.name());
        }
        Item it = items.item(made);
        return new Answer(201, made, obj("message", added(plan, added, it, gone, language), "values", values(it)));
    }

    /**
     * The fields of an item a quick add gives, as an edit's base holds them: what an edit the page made on the
     * item before it heard of the add is made on. Null when there is no such item.
     */
    Map<String, Object> values(String id) {
        return store.get(id).map(found -> values(items.item(found.id()))).orElse(null);
    }

    private static Map<String, Object> values(Item it) {
        Map<String, Object> values = new LinkedHashMap<>();
        ADDED_FIELDS.forEach(f -> values.put(f, ItemJson.field(it, f)));
        return values;
    }

    private String added(QuickAddPlan plan, TodoStore.Added added, Item it, String gone, Language language) {
        String kind = plan.note() ? "note" : "todo";
        Optional<TodoList> list = it.listId() == null ? Optional.empty() : store.list(it.listId());
        String sentence = gone != null ? Messages.text(language, gone, kind, it.title())
                : list.isEmpty() ? Messages.text(language, "server.add.added", kind, it.title())
                : Messages.text(language, added.createdList() != null ? "server.add.addedToNewList" : "server.add.addedTo",
                        kind, it.title(), list.get().name());
        String warning = plan.draft().warning();
        return (warning != null ? warning + " " : "") + sentence;
    }

    private ZonedDateTime typedAt(Long at) {
        Instant typed = made(at);
        return ZonedDateTime.ofInstant(typed, store.dateClock().getZone());
    }

    /** When the page made an entry: {@code at}, unless that is later than now or more than 30 days ago. */
    private Instant made(Long at) {
        Instant now = store.clock().instant();
        Instant typed = at == null ? now : Instant.ofEpochMilli(at);
        return typed.isAfter(now) || typed.isBefore(now.minus(TYPED_AT_MOST)) ? now : typed;
    }

    /**
     * Ticks ({@code done}) or unticks the item, as the page did at {@code at}; completing a repeating todo makes its
     * next occurrence. Refused when its done state was set elsewhere after {@code at} and differs from the page's.
     */
    Answer done(String id, boolean done, Long at, Browsers.Browser browser) {
        Item it = items.item(id);
        if (it.isDone() == done || (done && it.isNote())) {
            return new Answer(200, id, Map.of());
        }
        if (changedElsewhereSince(id, "done", at, browser)) {
            throw new BadRequest(409, "server.done.later", done ? "done" : "open", it.titleOrEmpty());
        }
        if (done) {
            store.verbs().complete(id, false);
        } else {
            store.verbs().reopen(id);
        }
        markOurs(id, "done", browser);
        return new Answer(200, id, Map.of());
    }

    /** An edit of {@code set} made on {@code base}: fields changed elsewhere meanwhile go to Conflicts (409). */
    Answer edit(String id, Map<String, Object> set, Map<String, Object> base, Browsers.Browser browser,
            Language language) {
        knownFields(set);
        WebEdits.Result r = edits.apply(id, set, base, browser.id(), browser.name());
        if (r.stale().isEmpty()) {
            return new Answer(200, id, Map.of());
        }
        return new Answer(409, id, obj("reason", Messages.text(language, "server.conflict.changed",
                String.join(", ", r.stale().stream().map(ConflictWords::fieldLabel).toList())), "fields", r.stale()));
    }

    private static void knownFields(Map<String, Object> set) {
        for (Object k : set.keySet()) {
            if (!ItemJson.FIELDS.contains(k)) {
                throw new BadRequest("server.field.unknown", k);
            }
        }
    }

    /** Moves a todo in its list ({@link WebMoves}): to {@code to} if it still sits where {@code base} says. */
    Answer move(String id, Object to, Object base, Browsers.Browser browser, Language language) {
        return moves.move(id, to, base, browser, language);
    }

    /**
     * Moves the item to the Trash ({@code trashed}) or back out of it, as the page did at {@code at}; refused when
     * that was set elsewhere after {@code at} and differs from the page's.
     */
    Answer trash(String id, boolean trashed, Long at, Browsers.Browser browser) {
        Item it = items.item(id);
        if (it.isTrashed() == trashed) {
            return new Answer(200, id, Map.of());
        }
        if (changedElsewhereSince(id, "trashedat", at, browser)) {
            throw new BadRequest(409, "server.trash.later", trashed ? "trash" : "restore", it.titleOrEmpty());
        }
        if (trashed) {
            store.verbs().trash(id);
        } else {
            store.verbs().restore(id);
        }
        markOurs(id, "trashedat", browser);
        return new Answer(200, id, Map.of());
    }

    /** Ticks or clears the check box of the note named by its words and which of the boxes with them it is. */
    Answer check(String id, String text, long occurrence, boolean checked) {
        items.item(id);
        store.update(id, cur -> NoteChecks.tick(cur, text, occurrence, checked));
        return new Answer(200, id, Map.of());
    }

    /**
     * Whether the item's {@code column} (lower case) got its value after {@code at} (null: never so) from anyone but
     * this browser: the page's own earlier entries (a tick, then an untick, both made offline and applied when it
     * came back) build on each other, so a value this browser's entry wrote is no change made elsewhere.
     */
    private boolean changedElsewhereSince(String id, String column, Long at, Browsers.Browser browser) {
        if (at == null) {
            return false;
        }
        Instant made = Instant.ofEpochMilli(Math.min(at, store.clock().millis()));
        Instant set = store.history().changedAt("items", id).get(column);
        if (set == null || !set.isAfter(made)) {
            return false;
        }
        // Claimed when this browser wrote that value; claimed now means it did not (and the refusal rolls it back).
        String mark = mark(id, column, set, browser);
        return mark == null || store.once(mark, () -> true).isPresent();
    }

    /** Notes, in the write's transaction, that this browser's entry gave the item's {@code column} its value now. */
    private void markOurs(String id, String column, Browsers.Browser browser) {
        Instant set = store.history().changedAt("items", id).get(column);
        String mark = set == null ? null : mark(id, column, set, browser);
        if (mark != null) {
            store.once(mark, () -> true);
        }
    }

    /** The claim that says this browser wrote {@code column} at {@code set}; null for an id too long to claim. */
    private static String mark(String id, String column, Instant set, Browsers.Browser browser) {
        String mark = "web:" + browser.id() + ":" + column + ":" + id + ":" + set.toEpochMilli();
        return mark.length() <= Tx.CLAIM_KEY_CHARS ? mark : null;
    }
}
