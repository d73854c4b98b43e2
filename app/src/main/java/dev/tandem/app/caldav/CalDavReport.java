package dev.tandem.app.caldav;

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
        StringBuilder b = new StringBuilder(lists.size() + (lists.size() == 1 ? " list" : " lists") + " in sync: "
                + pulled + " from the server, " + pushed + " to the server");
        if (deletedOnServer + trashedFromPhone > 0) {
            b.append(", ").append(deletedOnServer).append(" deleted there, ").append(trashedFromPhone)
                    .append(" moved to the Trash here");
        }
        if (completedOnPhone > 0) {
            b.append(", ").append(completedOnPhone).append(" repeating completed elsewhere");
        }
        if (cancelledOnPhone > 0) {
            b.append(", ").append(cancelledOnPhone).append(" cancelled elsewhere (done here)");
        }
        if (conflicts > 0) {
            b.append(", ").append(conflicts).append(conflicts == 1 ? " conflict" : " conflicts");
        }
        if (refusedWrites > 0) {
            b.append("; ").append(refusedWrites).append(" changed on the server meanwhile, next sync");
        }
        if (!unreadable.isEmpty()) {
            b.append("; ").append(unreadable.size()).append(" not readable as tasks, left on the server: ")
                    .append(String.join(", ", unreadable.subList(0, Math.min(3, unreadable.size()))));
        }
        return b.append(" (").append(requests).append(requests == 1 ? " request)" : " requests)").toString();
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
