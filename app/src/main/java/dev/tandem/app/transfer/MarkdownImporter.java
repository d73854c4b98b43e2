package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of Markdown files, with or without front matter: a file at the top goes to the Inbox,
 * one in a folder to the list named after the folder ("A / B" for a folder in a folder; a folder
 * called Inbox is the Inbox). The title is the front matter's {@code title}, else a leading
 * {@code # heading}, else the file name; the rest is the notes. Joplin's fields (created, due,
 * completed?, tags) and Tandem's own (id, priority, repeats) are read when present. Hidden files and
 * links are skipped; nothing outside the chosen folder is read.
 */
final class MarkdownImporter {
    private MarkdownImporter() {
    }

    static Incoming read(Path root, ZoneId zone, Progress progress) {
        String file = String.valueOf(root.getFileName());
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            files.add(root);
        } else {
            try (Stream<Path> s = Files.walk(root, 8, new FileVisitOption[0])) {
                s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .filter(p -> isMarkdown(p) && !hidden(root.relativize(p)))
                        .sorted().forEach(files::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new ImportException(file, null, "cannot read the folder: " + e.getMessage(), e);
            }
        }
        Map<String, TodoList> lists = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        long total = 0;
        for (Path p : files) {
            Path rel = Files.isRegularFile(root) ? p.getFileName() : root.relativize(p);
            String where = "file " + rel.toString().replace('\\', '/');
            byte[] bytes = TextFiles.readBytes(p, Limits.MAX_ENTRY_BYTES);
            total += bytes.length;
            if (total > Limits.MAX_FILE_BYTES) {
                throw new ImportException(file, null, "the folder holds more than " + Limits.MAX_FILE_BYTES / (1024 * 1024) + " MB");
            }
            String listName = listName(rel);
            TodoList list = null;
            if (listName != null) {
                String name = Limits.name(file, where, listName);
                list = lists.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                        k -> new TodoList(StableIds.derived("markdown-list\u0000" + k), name, null, null));
            }
            items.add(item(TextFiles.decode(bytes, file, where), rel, list, file, where, zone));
            Limits.itemCount(file, items.size());
            if (items.size() % 250 == 0) {
                progress.update("Reading", items.size(), files.size());
            }
        }
        if (items.isEmpty()) {
            throw new ImportException(file, null, "no Markdown (.md) files in it");
        }
        return new Incoming(file, new ArrayList<>(lists.values()), items, List.of());
    }

    private static Item item(String text, Path rel, TodoList list, String file, String where, ZoneId zone) {
        FrontMatter fm = FrontMatter.parse(text, file, where);
        String body = fm.body();
        Optional<String> title = fm.text("title");
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
                .orElseThrow(() -> new ImportException(file, where, "due '" + Limits.shorten(v) + "' is not a date")))
                .orElse(null);
        NoteAttributes attrs = new NoteAttributes(tags(fm.fields().get("tags")), fm.text("priority").orElse(null),
                fm.text("repeats").orElse(null));
        String notes = NoteAttributes.append(body.strip().isEmpty() ? null : body.strip(), attrs);
        return new Item(key, list == null ? null : list.id(), Limits.title(file, where, title.get().strip()),
                Limits.notes(file, where, notes), Limits.isoDate(file, where, due), done ? 1L : 0L,
                done ? (updated != null ? updated : created) : null, null, created).withNote(isNote(fm));
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
