package dev.tandem.app.text;

import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;

/**
 * What a line of quick-add text adds, and where, decided once for the desktop's quick add and the
 * web page's: the draft's title and details; the list it names, else the list shown; a date from the
 * view when none was typed (Today gives today, Upcoming tomorrow); a note in the list it names or the
 * one shown, never dated. A time typed without a date falls on the next time that clock time comes
 * ({@link TodoDraft#dueOn}).
 *
 * @param draft          what was read from the text
 * @param fallbackListId the list shown (a user list), or null: where a todo naming no list goes
 * @param due            the date it gets, typed or from the view; null for none
 * @param details        priority, tags, repeat, reminder, time and length as they are saved
 */
public record QuickAddPlan(TodoDraft draft, String fallbackListId, LocalDate due, TodoDetails details) {

    /** Reads {@code text} as quick add does in {@code shown}, leaving the words under {@code plain} in the title. */
    public static QuickAddPlan read(String text, Collection<PlainSpan> plain, Listing shown, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        TodoDraft q = TodoDraft.parse(text, today, plain);
        String fallback = shown instanceof Listing.UserListing l ? l.listId() : null;
        if (q.note()) {
            return new QuickAddPlan(q, fallback, null, TodoDetails.note(q.tags()));
        }
        LocalDate due = q.dueOn(now);
        // "start mon" or "someday" says when already: the view adds no deadline to it.
        boolean saysWhen = q.start() != null || q.someday();
        if (due == null && !saysWhen && shown instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.TODAY) {
            due = today;
        }
        if (due == null && !saysWhen && shown instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.UPCOMING) {
            due = today.plusDays(1);
        }
        Long remindAt = new TodoDraft(new QuickAdd(q.title(), due, q.listName()), q.priority(), q.tags(), q.repeat(),
                q.remindTime()).remindAt(now);
        return new QuickAddPlan(q, fallback, due,
                new TodoDetails(q.priority(), q.tags(), q.repeat(), remindAt).at(q.time(), q.minutes())
                        .when(q.start(), q.someday()));
    }

    public String title() {
        return draft.title();
    }

    public boolean note() {
        return draft.note();
    }

    /**
     * Why nothing can be added from {@code typed}, in the words quick add says it (no title, a title
     * too long); empty when it can be. Said before anything is saved, so the typed text stays.
     */
    public Optional<String> problem(String typed) {
        if (draft.title().isBlank()) {
            return Optional.of(typed.isBlank() ? Messages.text("text.quickAdd.noTitle")
                    : Messages.text("text.quickAdd.onlyDetails", typed.strip()));
        }
        return Optional.ofNullable(TextLimits.problem("title", draft.title(), TextLimits.MAX_TITLE_CHARS));
    }

    /** Saves it; blocks on the database, like the store. */
    public TodoStore.Added addTo(TodoStore store) {
        return addTo(store, null);
    }

    /** Saves it as a subtask of {@code parentId} (in its parent's list) when that is not null. */
    public TodoStore.Added addTo(TodoStore store, String parentId) {
        return addTo(store, null, parentId);
    }

    /** As above, saved with the id {@code id} when that is not null. */
    public TodoStore.Added addTo(TodoStore store, String id, String parentId) {
        return store.add(id, draft.title(), draft.listName(), fallbackListId, parentId, due, details);
    }
}
