package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.text.Durations;
import dev.tandem.app.text.RepeatPhrases;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of Markdown files, with or without front matter: a file at the top goes to the Inbox,
 * one in a folder to the list named after the folder ("A / B" for a folder in a folder; a folder
 * called Inbox is the Inbox). Joplin's fields (created, due, completed?, tags) and Tandem's own (id,
 * priority, repeats, kind) are read when present.
 *
 * <p>A file Tandem wrote (its front matter says {@code tandem:}, see {@link MarkdownExporter}) comes
 * back exactly: the title as written, the notes verbatim (only the blank line and final newline the
 * exporter added are taken off), tags, priority and rule from the front matter straight into fields.
 * Any other file is read leniently: the title is the front matter's {@code title}, else a leading
 * {@code # heading}, else the file name; the rest, trimmed, is the notes, and attribute lines at its
 * end ({@link NoteAttributes}) become fields as in the other formats. Hidden files and links are
 * skipped; nothing outside the chosen folder is read.
 *
 * <p>Files a note links to by a relative path ({@code ![map](_attachments/Map%20of%20Lisbon.png)},
 * percent-decoded), and those its front matter's {@code attachments:} lists, become its attachments
 * when they are regular files inside the folder; the links then say {@code attachment:ID}. A link to
 * another Markdown file is a link to a note and stays, but in a {@value MarkdownExporter#FILES_FOLDER}
 * folder, which holds an export's attached files and is never read as a list.
 *
 * <p>The outline comes back from the front matter ({@link MarkdownExporter}): {@code parent} names the parent
 * todo's {@code id} (a parent in no file of the folder, nor in the profile, leaves the todo at the top of its
 * list), {@code section} a section of the folder's list (made once per name, ordered by {@code section-rank}),
 * {@code rank} its place among its siblings; {@code start}, {@code someday} and {@code folded} are read too.
 * A file without them is a top-level todo, as before.
 */
final class MarkdownImporter {
    private MarkdownImporter() {
    }

    /**
     * One file read: the item, its tags, a front matter value Tandem could not hold (or null), and
     * the paths its front matter lists as attached files.
     */
    private record Read(Item item, List<String> tags, String dropped, List<String> files) {
        Read withFiles(List<String> paths) {
            return new Read(item, tags, dropped, paths);
        }

        Read withItem(Item it) {
            return new Read(it, tags, dropped, files);
        }
    }

    static Incoming read(Path root, ZoneId zone, Progress progress) {
        String file = String.valueOf(root.getFileName());
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            files.add(root);
        } else {
            try (Stream<Path> s = Files.walk(root, 8, new FileVisitOption[0])) {
                s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .filter(p -> isMarkdown(p) && !hidden(root.relativize(p)) && !inFilesFolder(root.relativize(p)))
                        .sorted().forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                throw new ImportException(file, null, Messages.text("transfer.folder.cannotRead", e.getMessage()), e);
            }
        }
        Map<String, TodoList> lists = new LinkedHashMap<>();
        Map<String, Section> sections = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        List<ItemTag> tags = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<IncomingAttachment> attachments = new ArrayList<>();
        // Paths are relative to where a linked file is looked for: the folder, or a single file's folder.
        Path base = Files.isRegularFile(root) ? root.toAbsolutePath().getParent() : root;
        int dropped = 0;
        String firstDropped = null;
        long total = 0;
        for (Path p : files) {
            Path rel = Files.isRegularFile(root) ? p.getFileName() : root.relativize(p);
            String where = Messages.text("transfer.where.file", rel.toString().replace('\\', '/'));
            byte[] bytes = TextFiles.readBytes(p, Limits.MAX_ENTRY_BYTES);
            total += bytes.length;
            if (total > Limits.MAX_FILE_BYTES) {
                throw new ImportException(file, null, Messages.text("transfer.folder.tooLarge",
                        String.valueOf(Limits.MAX_FILE_BYTES / (1024 * 1024))));
            }
            String listName = listName(rel);
            TodoList list = null;
            if (listName != null) {
                String name = Limits.name(file, where, listName);
                list = lists.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                        k -> new TodoList(StableIds.derived("markdown-list\u0000" + k), name, null, null));
            }
            FrontMatter fm = FrontMatter.parse(TextFiles.decode(bytes, file, where), file, where);
            Read r = item(fm, rel, list, file, where, zone);
            r = r.withItem(placed(fm, r.item(), list, sections, file, where));
            items.add(r.item());
            // Tag rows and files go with an id's first file only: the writer keeps that one and skips the copies.
            if (ids.add(r.item().id())) {
                attachments.addAll(files(base, rel, r.item(), r.files()));
                for (String t : new LinkedHashSet<>(r.tags())) {
                    ItemTag tag = ItemTag.of(r.item().id(), t);
                    if (!tag.tag().isEmpty()) {
                        tags.add(tag);
                    }
                }
            }
            if (r.dropped() != null && dropped++ == 0) {
                firstDropped = where + ": " + r.dropped();
            }
            Limits.itemCount(file, items.size());
            if (items.size() % 250 == 0) {
                progress.update(Messages.text("common.progress.reading"), items.size(), files.size());
            }
        }
        if (items.isEmpty()) {
            throw new ImportException(file, null, Messages.text("transfer.markdown.none"));
        }
        List<String> warnings = dropped == 0 ? List.of()
                : List.of(Messages.text("transfer.markdown.dropped", dropped, firstDropped));
        // Lossless: attribute lines were already turned into fields here, for the files that have them.
        return new Incoming(file, new ArrayList<>(lists.values()), items, warnings, tags, true, List.of(), attachments,
                SourceFiles.folder(base), new ArrayList<>(sections.values()));
    }

    /**
     * {@code it} with its place in the outline from the front matter: parent, section (made in {@code sections}
     * on its first mention, with the first valid {@code section-rank}), rank, start date, Someday, folded.
     */
    private static Item placed(FrontMatter fm, Item it, TodoList list, Map<String, Section> sections, String file,
                               String where) {
        Item out = it;
        Optional<String> parent = fm.text(MarkdownExporter.PARENT).filter(id -> id.length() <= Limits.MAX_ID_CHARS);
        if (parent.isPresent()) {
            String parentId = StableIds.of("markdown", "id", parent.get());
            out = out.withParentId(parentId.equals(it.id()) ? null : parentId);
        }
        Optional<String> section = fm.text(MarkdownExporter.SECTION);
        if (section.isPresent()) {
            String name = Limits.sectionName(file, where, section.get());
            String id = StableIds.derived("markdown-section\u0000" + (list == null ? "" : list.id()) + "\u0000"
                    + name.toLowerCase(Locale.ROOT));
            String rank = fm.text(MarkdownExporter.SECTION_RANK).filter(Rank::isValid).orElse(null);
            Section known = sections.get(id);
            if (known == null || (known.rank() == null && rank != null)) {
                sections.put(id, new Section(id, list == null ? null : list.id(), name, rank, null, null));
            }
            out = out.withSectionId(id);
        }
        return out.withRank(fm.text(MarkdownExporter.RANK).filter(Rank::isValid).orElse(null))
                .withStartText(Limits.isoDate(file, where, fm.text(MarkdownExporter.START).orElse(null), "start"))
                .withSomeday(yes(fm, MarkdownExporter.SOMEDAY)).withCollapsed(yes(fm, MarkdownExporter.FOLDED));
    }

    private static boolean yes(FrontMatter fm, String key) {
        return fm.text(key).map(v -> v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true")).orElse(false);
    }

    /**
     * The files {@code it} links to, or its front matter's {@code attachments:} lists, that exist
     * beside it inside {@code base}: a link's target is percent-decoded, a listed path taken as
     * written. A link to another Markdown file is a link to a note, left alone, unless it is in a
     * {@value MarkdownExporter#FILES_FOLDER} folder, where an export put an attached file.
     */
    private static List<IncomingAttachment> files(Path base, Path rel, Item it, List<String> listed) {
        Path dir = rel.getParent();
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (String path : listed) {
            entry(base, dir, path).ifPresent(e -> links.computeIfAbsent(e, k -> new ArrayList<>()));
        }
        for (String target : AttachmentLinks.targets(it.notes())) {
            String path = AttachmentLinks.decodePath(target);
            if (path != null) {
                entry(base, dir, path).ifPresent(e -> links.computeIfAbsent(e, k -> new ArrayList<>()).add(target));
            }
        }
        List<IncomingAttachment> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : links.entrySet()) {
            String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            out.add(new IncomingAttachment(it.id(), e.getKey(), null, name, null, null, e.getValue()));
        }
        return out;
    }

    /** {@code path} from folder {@code dir} as a path inside {@code base} ("a/b.pdf"), if a file is there. */
    private static Optional<String> entry(Path base, Path dir, String path) {
        if (path.isBlank() || path.startsWith("/") || path.contains("\u0000")) {
            return Optional.empty();
        }
        Path rel;
        try {
            rel = (dir == null ? Path.of(path) : dir.resolve(path)).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty(); // no file could have that name here
        }
        if (rel.isAbsolute() || rel.toString().isEmpty() || rel.startsWith("..")) {
            return Optional.empty();
        }
        if (isMarkdown(rel) && !inFilesFolder(rel)) {
            return Optional.empty();
        }
        Path file = base.resolve(rel);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(rel.toString().replace('\\', '/')) : Optional.empty();
    }

    /** Whether a path lies in a folder of attached files an export wrote: never read as notes. */
    private static boolean inFilesFolder(Path rel) {
        for (Path part : rel) {
            if (part.toString().equals(MarkdownExporter.FILES_FOLDER)) {
                return true;
            }
        }
        return false;
    }

    private static Read item(FrontMatter fm, Path rel, TodoList list, String file, String where, ZoneId zone) {
        // A version number, not just the key: a foreign note may well have a "tandem" property of its own.
        boolean tandem = fm.text(MarkdownExporter.CONVENTION_KEY).filter(v -> v.matches("[1-9][0-9]{0,3}")).isPresent();
        String body = tandem ? "" : fm.body().replace("\r\n", "\n");
        Optional<String> title = tandem ? fm.exact("title") : fm.text("title");
        if (title.isEmpty()) {
            String stripped = body.stripLeading();
            if (stripped.startsWith("# ")) {
                int nl = stripped.indexOf('\n');
                title = Optional.of((nl < 0 ? stripped.substring(2) : stripped.substring(2, nl)).strip());
                body = nl < 0 ? "" : stripped.substring(nl + 1);
            } else {
                String name = String.valueOf(rel.getFileName());
                title = Optional.of(name.substring(0, name.lastIndexOf('.')));
            }
        }
        String key = fm.text("id").filter(id -> id.length() <= Limits.MAX_ID_CHARS)
                .map(id -> StableIds.of("markdown", "id", id))
                .orElseGet(() -> StableIds.derived("markdown\u0000" + rel.toString().replace('\\', '/')));
        boolean done = fm.text("completed?").map(v -> v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true"))
                .orElse(false);
        Long created = fm.text("created").flatMap(v -> JoplinDates.parse(v, zone)).orElse(null);
        Long updated = fm.text("updated").flatMap(v -> JoplinDates.parse(v, zone)).orElse(null);
        String due = fm.text("due").map(v -> JoplinDates.parseDate(v, zone).map(Object::toString)
                .orElseThrow(() -> new ImportException(file, where,
                        Messages.text("transfer.field.notDate", "due", Limits.shorten(v)))))
                .orElse(null);
        Item base = new Item(key, list == null ? null : list.id(),
                Limits.title(file, where, tandem ? title.get() : title.get().strip()), null, Limits.isoDate(file, where, due),
                done ? 1L : 0L, done ? (updated != null ? updated : created) : null, null, created).withNote(isNote(fm));
        if (due != null && !base.isNote()) {
            // A time or length that does not read is left out, as a hand-edited value Tandem cannot hold.
            base = base.withDueTime(fm.text("time").map(Item::clock).orElse(null))
                    .withDuration(fm.text("length").flatMap(Durations::parse).map(Long::valueOf).orElse(null));
        }
        List<String> tags = tags(fm.fields().get("tags"));
        List<String> files = tags(fm.fields().get(MarkdownExporter.ATTACHMENTS_KEY));
        if (tandem) {
            return tandemFields(fm, base.withNotes(Limits.notesAsStored(file, where, fm.verbatimBody())), tags)
                    .withFiles(files);
        }
        NoteAttributes attrs = new NoteAttributes(tags, fm.text("priority").orElse(null), fm.text("repeats").orElse(null));
        String notes = NoteAttributes.append(body.strip().isEmpty() ? null : body.strip(), attrs);
        RealFields.Applied applied = RealFields.fromNotes(base.withNotes(notes));
        // Checked once the lines that became fields are gone: the limit is on what the todo keeps.
        Item it = applied.item();
        return new Read(it.withNotes(Limits.notes(file, where, it.notes())), applied.tags(), null, files);
    }

    /**
     * Priority and rule from a Tandem file's front matter into the item's fields, never into its notes
     * (which must come back as they were). A value Tandem cannot hold (hand-edited) is reported, not kept.
     */
    private static Read tandemFields(FrontMatter fm, Item it, List<String> tags) {
        String dropped = null;
        Optional<String> priority = fm.text("priority");
        Integer p = priority.map(RealFields::priority).orElse(null);
        if (p != null) {
            it = it.withPriority(p);
        } else if (priority.isPresent()) {
            dropped = "priority '" + Limits.shorten(priority.get()) + "'";
        }
        Optional<String> repeats = fm.text("repeats");
        Optional<Recurrence> r = repeats.flatMap(v -> Recurrence.parse(v).or(() -> RepeatPhrases.parse(
                v.toLowerCase(Locale.ROOT).startsWith("every") ? v : "every " + v)));
        if (r.isPresent()) {
            it = it.withRepeat(r.get().toRule(), it.id());
        } else if (repeats.isPresent()) {
            dropped = "repeats '" + Limits.shorten(repeats.get()) + "'";
        }
        return new Read(it, tags, dropped, List.of());
    }

    /**
     * {@code kind: note} (Tandem's field) or {@code kind: todo} says it; without it, front matter with neither
     * {@code completed?} nor {@code due} is a note, as Joplin writes one. A file without front matter is a todo.
     */
    private static boolean isNote(FrontMatter fm) {
        Optional<String> kind = fm.text("kind");
        if (kind.isPresent()) {
            return kind.get().equalsIgnoreCase(Item.NOTE);
        }
        return !fm.fields().isEmpty() && !fm.fields().containsKey("completed?") && !fm.fields().containsKey("due");
    }

    private static List<String> tags(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Iterable<?> list) {
            list.forEach(t -> out.add(String.valueOf(t)));
        } else if (v != null) {
            for (String t : String.valueOf(v).split(",")) {
                out.add(t);
            }
        }
        return out;
    }

    /** The list a file's folder names; null for the top level and for a folder called Inbox. */
    private static String listName(Path rel) {
        if (rel.getNameCount() < 2) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            parts.add(rel.getName(i).toString());
        }
        String name = String.join(" / ", parts);
        return name.equalsIgnoreCase(MarkdownExporter.INBOX) ? null : name;
    }

    private static boolean isMarkdown(Path p) {
        String n = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown");
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
