package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.engine.Change;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder per list ("Inbox" for todos in no list) and a {@code .md} file per todo: the notes are
 * the content, under YAML front matter with Joplin's field names (title, created, updated, due,
 * completed?, tags) so that Joplin, Obsidian and pandoc read it. Tandem adds {@code id} (so an
 * export imported back finds its originals), {@code priority} and {@code repeats} from the todo's
 * fields, and {@code tandem: 1}, which says the body follows Tandem's convention: a blank line, the
 * notes exactly as stored, a newline ({@link FrontMatter#render}). The notes are never rewritten (but for
 * the links to attached files, below), so attribute lines an older import left in them ({@link NoteAttributes}) stay notes text and come back
 * as such. A plain note has no {@code completed?} and no {@code due}, which is how Joplin tells a note
 * from a to-do, and says {@code kind: note}. Trashed todos are left out.
 *
 * <p>Where a todo sits in its list's outline: {@code parent} (its parent todo's {@code id}), {@code section} and
 * {@code section-rank} (its section's name and place among the list's sections), {@code rank} (its place among
 * its siblings), {@code start} (its start date), {@code someday: yes} and {@code folded: yes} (its subtasks
 * folded away). A section without todos has no file to be named in, so it is not exported.
 *
 * <p>Attached files are written into {@value #FILES_FOLDER}/ beside their item's file (once per
 * folder, however many items have one), under their names made safe and unique; the notes' links
 * {@code attachment:ID} become relative paths ({@code _attachments/Receipt%20(2).pdf}), and front
 * matter {@code attachments:} lists the item's files, also those no link names, so the importer
 * attaches them all again ({@link AttachmentFiles}).
 */
final class MarkdownExporter {
    static final String INBOX = "Inbox";
    /** The field saying a file follows Tandem's convention, and its version. */
    static final String CONVENTION_KEY = "tandem";
    static final int CONVENTION = 1;
    /** The folder beside a list's files that holds their attached files. */
    static final String FILES_FOLDER = "_attachments";
    /** The front matter field listing the item's attached files, as paths relative to its file. */
    static final String ATTACHMENTS_KEY = "attachments";
    /** The front matter fields of a todo's place in its list's outline. */
    static final String PARENT = "parent";
    static final String SECTION = "section";
    static final String SECTION_RANK = "section-rank";
    static final String RANK = "rank";
    static final String START = "start";
    static final String SOMEDAY = "someday";
    static final String FOLDED = "folded";

    private MarkdownExporter() {
    }

    static ExportReport export(TodoStore store, Path dir, Progress progress) throws IOException {
        List<TodoList> lists = store.lists();
        Map<String, TodoList> byId = new HashMap<>();
        lists.forEach(l -> byId.put(l.id(), l));
        List<Item> items = store.allItems().stream().filter(it -> !it.isTrashed()).toList();
        FileNames folders = new FileNames();
        // Taken first, so a list of that name gets another folder: the importer never reads this one as a list.
        folders.unique(FILES_FOLDER, "");
        Map<String, Path> folderOf = new HashMap<>();
        Map<Path, FileNames> namesIn = new HashMap<>();
        Path inbox = dir.resolve(folders.unique(INBOX, ""));
        for (TodoList l : lists) {
            folderOf.put(l.id(), dir.resolve(folders.unique(l.name(), "")));
        }
        int written = 0;
        Map<String, List<String>> tags = store.tags().all();
        AttachmentFiles files = new AttachmentFiles(store);
        Map<String, Section> sections = new HashMap<>();
        new SectionStore(store).all().forEach(s -> sections.put(s.id(), s));
        for (Item it : items) {
            Path folder = it.listId() != null && byId.containsKey(it.listId()) ? folderOf.get(it.listId()) : inbox;
            Files.createDirectories(folder);
            Path file = folder.resolve(namesIn.computeIfAbsent(folder, f -> new FileNames()).unique(it.titleOrEmpty(), ".md"));
            AttachmentFiles.Written own = files.write(it, folder);
            Files.writeString(file, render(store, it, tags.getOrDefault(it.id(), List.of()), own,
                    it.sectionId() == null ? null : sections.get(it.sectionId())), StandardCharsets.UTF_8);
            if (++written % 250 == 0) {
                progress.update(Messages.text("common.progress.writing"), written, items.size());
            }
        }
        for (TodoList l : lists) {
            // An empty list is still a list: its folder says so.
            Files.createDirectories(folderOf.get(l.id()));
        }
        return new ExportReport(Format.MARKDOWN, items.size(), lists.size(), files.count(), files.warnings());
    }

    static String render(TodoStore store, Item it, List<String> tags) {
        return render(store, it, tags, AttachmentFiles.Written.NONE, null);
    }

    /**
     * The file of {@code it}, in {@code section} (null: none); its notes' {@code attachment:ID} links point at the
     * files {@code files} wrote.
     */
    static String render(TodoStore store, Item it, List<String> tags, AttachmentFiles.Written files, Section section) {
        // The fields only: the notes go out verbatim, attribute lines included; copied here as well, those
        // lines would come back as tags, priority or rule beside themselves.
        NoteAttributes a = RealFields.exported(it, tags, NoteAttributes.NONE);
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("id", it.id());
        fm.put("title", it.titleOrEmpty());
        fm.put("created", it.createdAt() == null ? null : JoplinDates.format(it.createdAt()));
        fm.put("updated", lastChange(store, it));
        fm.put("due", it.isNote() ? null : it.due());
        // Tandem's own: the time on the due date and the length, as quick add reads them ("14:00", "90m").
        fm.put("time", it.isNote() || it.timeOfDay() == null ? null : Item.TIME.format(it.timeOfDay()));
        fm.put("length", it.isNote() || it.durationMinutes() == null ? null : it.durationMinutes() + "m");
        fm.put("completed?", it.isNote() ? null : it.isDone() ? "yes" : "no");
        fm.put("tags", a.tags().isEmpty() ? null : new ArrayList<>(a.tags()));
        fm.put("priority", a.priority());
        fm.put("repeats", a.repeats());
        fm.put("kind", it.isNote() ? Item.NOTE : null);
        fm.put(PARENT, it.hasParent() ? it.parentId() : null);
        fm.put(SECTION, section == null ? null : section.name());
        fm.put(SECTION_RANK, section == null ? null : section.rank());
        fm.put(RANK, it.rank());
        fm.put(START, it.start());
        fm.put(SOMEDAY, it.isSomeday() ? "yes" : null);
        fm.put(FOLDED, it.isCollapsed() ? "yes" : null);
        fm.put(ATTACHMENTS_KEY, files.own().isEmpty() ? null : new ArrayList<>(files.own()));
        fm.put(CONVENTION_KEY, CONVENTION);
        return FrontMatter.render(fm, files.links(it.notes()));
    }

    /** The time of the todo's last change, from its history; null when it has none. */
    private static String lastChange(TodoStore store, Item it) {
        List<Change> h = store.history().changes("items", it.id());
        return h.isEmpty() ? null : JoplinDates.format(h.get(h.size() - 1).at().toEpochMilli());
    }
}
