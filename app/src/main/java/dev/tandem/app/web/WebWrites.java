package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.ConflictWords;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.QuickAddPlan;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The page's writes, each through the model as the desktop's are: quick add ({@link QuickAddPlan}), ticking
 * ({@link SeriesStore} for a repeating todo), an edit made on what the page last saw ({@link WebEdits}), a move
 * in a list ({@link WebMoves}), and the Trash. Each returns its answer rather than writing it, so the same write serves a request made online
 * and an entry of the page's outbox replayed later ({@link Outbox}), inside the transaction that claims it.
 * A refused write throws {@link BadRequest}.
 */
final class WebWrites {
    /** A write's answer: its status and JSON. */
    record Answer(int status, Map<String, Object> json) {
    }

    /** How far back a quick add made offline may say it was typed: its "tomorrow" is read from then. */
    static final Duration TYPED_AT_MOST = Duration.ofDays(30);
    /** An id a page makes for an item: a UUID, as the engine makes them. */
    private static final Pattern ITEM_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final TodoStore store;
    private final SeriesStore series;
    private final WebEdits edits;
    private final ItemAnswers items;
    private final WebMoves moves;

    WebWrites(TodoStore store, ItemAnswers items) {
        this.store = store;
        this.series = store.series();
        this.edits = new WebEdits(store);
        this.items = items;
        this.moves = new WebMoves(store, items);
    }

    /**
     * Quick add of {@code text} in {@code view}: with the page's own id when it made one, as a subtask of
     * {@code parentId} when given, its dates read from when it was typed ({@code typedAt}, null: now).
     */
    Answer add(String text, String view, String id, String parentId, Long typedAt, Language language) {
        if (id != null && !ITEM_ID.matcher(id).matches()) {
            throw new BadRequest("server.add.id");
        }
        if (id != null && store.get(id).isPresent()) {
            throw new BadRequest(409, "server.add.exists");
        }
        if (parentId != null && store.get(parentId).filter(p -> !p.isTrashed()).isEmpty()) {
            throw new BadRequest(404, "server.add.parentGone");
        }
        Listing shown = ApiRoutes.listing(view == null ? "inbox" : view, "");
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
        Item it = items.item(added.item().id());
        String kind = plan.note() ? "note" : "todo";
        String sentence = it.listId() == null ? Messages.text(language, "server.add.added", kind, it.title())
                : Messages.text(language, added.createdList() != null ? "server.add.addedToNewList" : "server.add.addedTo",
                        kind, it.title(), items.lists().get(it.listId()).name());
        String warning = plan.draft().warning();
        return new Answer(201, obj("item", items.row(it), "message", (warning != null ? warning + " " : "") + sentence));
    }

    private ZonedDateTime typedAt(Long at) {
        Instant now = store.clock().instant();
        Instant typed = at == null ? now : Instant.ofEpochMilli(at);
        if (typed.isAfter(now) || typed.isBefore(now.minus(TYPED_AT_MOST))) {
            typed = now;
        }
        return ZonedDateTime.ofInstant(typed, store.dateClock().getZone());
    }

    /** Ticks ({@code done}) or unticks the item; completing a repeating todo makes its next occurrence. */
    Answer done(String id, boolean done) {
        items.item(id);
        if (done) {
            series.complete(id);
        } else {
            store.setDone(id, false);
        }
        return new Answer(200, obj("item", items.row(items.item(id))));
    }

    /** An edit of {@code set} made on {@code base}: fields changed elsewhere meanwhile go to Conflicts (409). */
    Answer edit(String id, Map<String, Object> set, Map<String, Object> base, Browsers.Browser browser,
            Language language) {
        for (Object k : set.keySet()) {
            if (!ItemJson.FIELDS.contains(k)) {
                throw new BadRequest("server.field.unknown", k);
            }
        }
        WebEdits.Result r = edits.apply(id, set, base, browser.id(), browser.name());
        Map<String, Object> item = items.full(items.item(id), language);
        if (r.stale().isEmpty()) {
            return new Answer(200, obj("item", item));
        }
        return new Answer(409, obj("error", Messages.text(language, "server.conflict.changed",
                String.join(", ", r.stale().stream().map(ConflictWords::fieldLabel).toList())),
                "fields", r.stale(), "item", item));
    }

    /** Moves a todo in its list ({@link WebMoves}): to {@code to} if it still sits where {@code base} says. */
    Answer move(String id, Object to, Object base, Browsers.Browser browser, Language language) {
        return moves.move(id, to, base, browser, language);
    }

    /** Moves the item to the Trash ({@code trashed}) or back out of it. */
    Answer trash(String id, boolean trashed) {
        items.item(id);
        if (trashed) {
            store.trash(id);
        } else {
            store.untrash(id);
        }
        return new Answer(200, obj("item", items.row(store.get(id).orElseThrow())));
    }
}
