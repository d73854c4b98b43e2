package dev.tandem.engine.caldav;

import dev.tandem.engine.internal.caldav.DefaultCalDavAccount;
import dev.tandem.engine.sync.WebDavSettings;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A CalDAV account (RFC 4791): its task calendars and their objects, through the same HTTP client,
 * proxies, TLS trust and error diagnosis as the WebDAV remote. The engine moves iCalendar text and
 * entity tags; what the text means is the caller's.
 *
 * <p>{@link WebDavSettings#url()} may name the server's root, a principal, a calendar home or one
 * calendar: the rest is discovered (RFC 6764's {@code /.well-known/caldav}, then
 * {@code current-user-principal} and {@code calendar-home-set}) on first use. Every failure is a
 * {@link dev.tandem.engine.sync.SyncException} that says whether trying again can help. No call
 * retries a write on its own, and writes are conditional on entity tags, so another client's
 * change is never overwritten unseen.
 */
public interface CalDavAccount extends AutoCloseable {

    /** An account reached with {@code settings}; nothing is sent until the first call. */
    static CalDavAccount connect(WebDavSettings settings) {
        return new DefaultCalDavAccount(settings);
    }

    /**
     * The calendars of the account's calendar home, each with its current version: one request
     * once discovery is done, so checking whether anything changed costs one small round trip. When
     * the address names one calendar, only that one.
     */
    List<TaskCalendar> calendars();

    /**
     * Creates a task calendar called {@code name} in the calendar home ({@code MKCALENDAR}, taking
     * VTODOs only) and returns it; its path is made from the name and made unique.
     */
    TaskCalendar createCalendar(String name);

    /**
     * What changed in {@code calendar} since {@code syncToken} (null for everything), through an
     * RFC 6578 sync-collection report where the server has one, else a listing of entity tags.
     */
    CalendarChanges changes(TaskCalendar calendar, String syncToken);

    /** The objects at {@code hrefs} of {@code calendar}, read in few requests; objects gone meanwhile are missing. */
    List<CalendarObject> read(TaskCalendar calendar, Collection<String> hrefs);

    /**
     * Writes {@code ics} at {@code href}: only if its entity tag still is {@code ifMatch}, or, when
     * {@code ifMatch} is null, only if nothing is there yet. Returns the new entity tag when the
     * server sent one ({@code Optional.of("")} when it did not), or empty when the precondition
     * failed because someone else changed or created it first.
     */
    Optional<String> write(String href, String ics, String ifMatch);

    /** Deletes {@code href} if its entity tag still is {@code ifMatch} (any, when null); false when it had changed. Gone already counts as deleted. */
    boolean delete(String href, String ifMatch);

    /** The server and calendar home, for messages, without credentials. */
    String where();

    /** Requests sent so far. */
    long requestsSent();

    @Override
    void close();
}
