package dev.tandem.app.caldav;

import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * What one CalDAV sync did, in counts a person can read, and what it could not read: objects on
 * the server that are no iCalendar Tandem can parse stay there untouched and are named here, every
 * time, until they are fixed or deleted.
 */
public record CalDavReport(List<String> lists, int pulled, int pushed, int deletedOnServer, int trashedFromPhone,
                           int completedOnPhone, int cancelledOnPhone, int conflicts, int refusedWrites, List<String> unreadable,
                           List<String> notices, long requests) {

    public CalDavReport {
        lists = List.copyOf(lists);
        unreadable = List.copyOf(unreadable);
        notices = List.copyOf(notices);
    }

    /** One line for the CLI and the status bar. */
    public String summary() {
        // One clause a message, each with its own separator, so a language places its own punctuation.
        StringBuilder b = new StringBuilder(Messages.text("common.caldav.report.head", lists.size(), pulled, pushed));
        if (deletedOnServer + trashedFromPhone > 0) {
            b.append(Messages.text("common.caldav.report.deleted", deletedOnServer, trashedFromPhone));
        }
        if (completedOnPhone > 0) {
            b.append(Messages.text("common.caldav.report.repeating", completedOnPhone));
        }
        if (cancelledOnPhone > 0) {
            b.append(Messages.text("common.caldav.report.cancelled", cancelledOnPhone));
        }
        if (conflicts > 0) {
            b.append(Messages.text("common.caldav.report.conflicts", conflicts));
        }
        if (refusedWrites > 0) {
            b.append(Messages.text("common.caldav.report.refused", refusedWrites));
        }
        if (!unreadable.isEmpty()) {
            b.append(Messages.text("common.caldav.report.unreadable", unreadable.size(),
                    String.join(", ", unreadable.subList(0, Math.min(3, unreadable.size())))));
        }
        return b.append(Messages.text("common.caldav.report.requests", requests)).toString();
    }

    static final class Builder {
        private final List<String> lists = new ArrayList<>();
        private final List<String> unreadable = new ArrayList<>();
        private final List<String> notices = new ArrayList<>();
        private int pulled;
        private int pushed;
        private int deleted;
        private int trashed;
        private int completed;
        private int cancelled;
        private int conflicts;
        private int refused;

        void list(String name) {
            lists.add(name);
        }

        void notice(String text) {
            notices.add(text);
        }

        void pulled() {
            pulled++;
        }

        void pushed() {
            pushed++;
        }

        void deletedOnServer() {
            deleted++;
        }

        void trashedFromPhone() {
            trashed++;
        }

        void completedOnPhone() {
            completed++;
        }

        void cancelledOnPhone() {
            cancelled++;
        }

        void conflict() {
            conflicts++;
        }

        void refusedWrite() {
            refused++;
        }

        void unreadable(String href) {
            unreadable.add(href);
        }

        CalDavReport build(long requests) {
            return new CalDavReport(lists, pulled, pushed, deleted, trashed, completed, cancelled, conflicts, refused, unreadable,
                    notices, requests);
        }
    }
}
