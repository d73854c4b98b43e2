package dev.tandem.app.transfer;

import dev.tandem.app.model.DateRange;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemLink;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoList;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * What an importer read from a file, before anything is written: lists and items as Tandem rows,
 * with ids already derived from the source ({@link StableIds}), so a second import of the same
 * file finds them. An item's {@code listId} names one of {@code lists}, or null for the Inbox.
 *
 * @param source   the file's name, for messages
 * @param lists    lists to find (by id, then by name) or create
 * @param items    items to add unless their id is already known
 * @param warnings what was read but not kept, in words ("2 encrypted notes skipped")
 * @param tags     tag rows of the items (a Tandem backup), added with the items they belong to
 * @param lossless rows as Tandem stored them (its backup): written as they are, notes untouched; other
 *                 formats' attribute lines in the notes become fields ({@link RealFields})
 * @param links    what the items are called elsewhere (an iCalendar UID that is not their id), added
 *                 where the item has no link of that system yet
 * @param attachments files of the items, stored with the items this import adds
 * @param files    where the attachments' bytes are (a folder, an archive), read only when writing
 * @param sections sections of the lists (each {@code listId} names one of {@code lists}), found by id, then
 *                 by list and name, or created; an item's {@code sectionId} names one of them. An item's
 *                 {@code parentId} names another item (of the file or the profile), and its {@code rank} its
 *                 place among its siblings ({@link dev.tandem.app.model.Rank}), null for none
 * @param filters  smart lists (a Tandem backup), already read again by the parser ({@link FilterRows}), saved
 *                 unless this profile has one of that name ({@link FilterImport})
 */
public record Incoming(String source, List<TodoList> lists, List<Item> items, List<String> warnings,
                       List<ItemTag> tags, boolean lossless, List<ItemLink> links,
                       List<IncomingAttachment> attachments, SourceFiles files, List<Section> sections,
                       List<IncomingFilter> filters) {
    public Incoming {
        filters = filters == null ? List.of() : List.copyOf(filters);
        sections = sections == null ? List.of() : List.copyOf(sections);
        lists = List.copyOf(lists);
        // Every importer's dates pass here: one outside the range Tandem keeps is left out, with a word.
        List<Item> kept = new ArrayList<>(items.size());
        int leftOut = 0;
        for (Item it : items) {
            Item in = DateRange.within(it);
            leftOut += in == it ? 0 : 1;
            kept.add(in);
        }
        items = List.copyOf(kept);
        if (leftOut > 0) {
            List<String> more = new ArrayList<>(warnings);
            more.add(Messages.text("transfer.dates.outOfRange", leftOut, DateRange.FIRST_TEXT, DateRange.LAST_TEXT));
            warnings = more;
        }
        warnings = List.copyOf(warnings);
        tags = tags == null ? List.of() : List.copyOf(tags);
        links = links == null ? List.of() : List.copyOf(links);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        files = files == null ? SourceFiles.NONE : files;
    }

    /** Without attachments. */
    public Incoming(String source, List<TodoList> lists, List<Item> items, List<String> warnings,
                    List<ItemTag> tags, boolean lossless, List<ItemLink> links) {
        this(source, lists, items, warnings, tags, lossless, links, List.of(), SourceFiles.NONE);
    }

    /** Without smart lists. */
    public Incoming(String source, List<TodoList> lists, List<Item> items, List<String> warnings,
                    List<ItemTag> tags, boolean lossless, List<ItemLink> links,
                    List<IncomingAttachment> attachments, SourceFiles files, List<Section> sections) {
        this(source, lists, items, warnings, tags, lossless, links, attachments, files, sections, List.of());
    }

    /** Without sections. */
    public Incoming(String source, List<TodoList> lists, List<Item> items, List<String> warnings,
                    List<ItemTag> tags, boolean lossless, List<ItemLink> links,
                    List<IncomingAttachment> attachments, SourceFiles files) {
        this(source, lists, items, warnings, tags, lossless, links, attachments, files, List.of());
    }

    /** The same with these sections of its lists. */
    Incoming withSections(List<Section> more) {
        return new Incoming(source, lists, items, warnings, tags, lossless, links, attachments, files, more, filters);
    }

    /** The same, with {@code attachments} whose bytes are in {@code files}, and {@code more} warnings. */
    Incoming withAttachments(List<IncomingAttachment> attachments, SourceFiles files, List<String> more) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new Incoming(source, lists, items, all, tags, lossless, links, attachments, files, sections, filters);
    }

    /** Without links: the formats whose ids are kept as they are, or derived one way only. */
    public Incoming(String source, List<TodoList> lists, List<Item> items, List<String> warnings,
                    List<ItemTag> tags, boolean lossless) {
        this(source, lists, items, warnings, tags, lossless, List.of());
    }

    /** Without tag rows: the formats other than Tandem's backup keep tags in attribute lines. */
    public Incoming(String source, List<TodoList> lists, List<Item> items, List<String> warnings) {
        this(source, lists, items, warnings, List.of(), false, List.of());
    }

    /** Without tag rows, with links: an iCalendar file whose UIDs Tandem keeps to write back. */
    public Incoming(String source, List<TodoList> lists, List<Item> items, List<String> warnings,
                    List<ItemLink> links) {
        this(source, lists, items, warnings, List.of(), false, links);
    }
}
