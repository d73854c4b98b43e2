package dev.tandem.app.transfer;

import java.util.List;

/**
 * Tandem's own JSON backup: the names in the document and its version. Version 2:
 *
 * <pre>
 * {
 *   "format": "tandem",
 *   "version": 2,
 *   "exportedAt": "2026-11-22T10:15:30Z",
 *   "schemaVersion": 10,
 *   "tables": {
 *     "lists": [ {"id": "…", "name": "Groceries", "position": 1, "createdAt": 1763800000000, "rank": "a0"} ],
 *     "sections": [ {"id": "…", "listId": "…", "name": "Later", "rank": "a1", "collapsed": null,
 *                    "createdAt": 1763800000000} ],
 *     "items": [ {"id": "…", "listId": "…", "title": "Milk", "notes": null, "due": "2026-11-23",
 *                 "done": 0, "doneAt": null, "trashedAt": null, "createdAt": 1763800000000, "priority": 2,
 *                 "repeat": "FREQ=WEEKLY;BYDAY=MO", "seriesId": "…", "remindAt": null, "remindDismissed": null,
 *                 "kind": null, "dueTime": "14:00", "durationMinutes": 30, "parentId": "…", "sectionId": null,
 *                 "rank": "a0V", "start": "2026-11-20", "someday": null, "collapsed": 1} ],
 *     "item_tags": [ {"id": "…", "itemId": "…", "tag": "home", "removedAt": null} ],
 *     "item_links": [ {"id": "…", "itemId": "…", "system": "ical", "externalId": "20261123T101500Z-1234@example.com"} ],
 *     "attachments": [ {"id": "…", "itemId": "…", "blob": "9f86d0…(64 hex)", "name": "receipt.pdf",
 *                       "type": "application/pdf", "size": 48213, "createdAt": 1763800000000} ],
 *     "saved_filters": [ {"id": "…", "name": "Work this week", "query": "#Work & due before: +7d",
 *                         "color": "#3366cc", "rank": "a0", "createdAt": 1763800000000} ]
 *   }
 * }
 * </pre>
 *
 * Each row holds every column the table has ({@code schemaVersion} is the number of schema
 * migrations the exporting profile had run), so a column added later appears without a new
 * version. The version changes only when the document's shape changes; an importer refuses a
 * version newer than its own and ignores columns and tables it does not know, saying so. Version 2
 * added the {@code item_tags} table; a version 1 backup (no tags table; tags, if any, as attribute
 * lines in the notes) still imports. The {@code item_links} table (an imported todo's iCalendar UID)
 * came later within version 2: a new table is no new shape, a Tandem without it skips it with a warning
 * and restores the rest, and a backup without it imports as one with no links. So did
 * {@code attachments}: its rows name each file's bytes by SHA-256 ({@code blob}). The bytes are not in
 * the JSON: a Tandem archive ({@link TandemArchive}, a zip) holds the document as {@value #ENTRY} and
 * each file as {@code attachments/<blob>} beside it. A plain JSON file restores an attachment only
 * where the profile has its bytes already. The {@code sections} table and the items' structure columns
 * ({@code parentId}, {@code sectionId}, {@code rank}, {@code start}, {@code someday}, {@code collapsed}) came
 * the same way: a restore gives the same outline, and a backup without them restores flat lists. So did
 * {@code saved_filters} (smart lists), in the person's order: an importer reads each query again with the
 * filter parser, keeps new ones in the file's order after the profile's own, and skips, with a line in the
 * report, one whose query or name it cannot take ({@link FilterRows}); a backup without the table brings none.
 */
final class TandemJson {
    static final String FORMAT = "tandem";
    static final int VERSION = 2;
    /** The tables a backup holds, parents first. */
    static final List<String> TABLES = List.of("lists", "sections", "items", "item_tags", "item_links", "attachments",
            "saved_filters");
    /** The document's name inside a Tandem archive. */
    static final String ENTRY = "tandem.json";
    /** The folder of the files' bytes inside a Tandem archive, each named by its blob id. */
    static final String FILES = "attachments/";

    private TandemJson() {
    }
}
