package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Joplin's JEX archive and RAW export folder: notebooks become lists (a nested one "Parent / Child"),
 * to-dos become todos and notes plain notes, with their bodies as notes; to-dos keep their done state
 * and due date, tags go into the notes' attribute lines ({@link NoteAttributes}). Attachments are not
 * imported (Tandem has none); encrypted items are skipped. Nothing from the archive is written to
 * disk: entries are read in memory, and an entry whose name climbs out of the archive
 * ({@code ../}, an absolute path) makes the whole file refused.
 */
final class JoplinImporter {
    private JoplinImporter() {
    }

    static Incoming readJex(Path path, ZoneId zone, Progress progress) {
        String file = String.valueOf(path.getFileName());
        TextFiles.checkSize(path, Limits.MAX_FILE_BYTES);
        Map<String, JoplinRaw> items = new LinkedHashMap<>();
        int attachments = 0;
        try (InputStream raw = Files.newInputStream(path);
             TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(raw))) {
            TarArchiveEntry e;
            long total = 0;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                String where = "entry " + Limits.shorten(name);
                if (!safeName(name)) {
                    throw new ImportException(file, where, "the entry's name points outside the archive; refusing the file");
                }
                if (e.isDirectory() || e.isSymbolicLink() || e.isLink()) {
                    continue;
                }
                if (name.startsWith("resources/")) {
                    attachments++;
                    continue;
                }
                if (!JoplinRaw.isItemName(name)) {
                    continue;
                }
                byte[] bytes = TextFiles.readAtMost(tar, Limits.MAX_ENTRY_BYTES, file, where);
                total += bytes.length;
                if (total > Limits.MAX_FILE_BYTES) {
                    throw new ImportException(file, null, "the archive unpacks to more than "
                            + Limits.MAX_FILE_BYTES / (1024 * 1024) + " MB");
                }
                items.put(name, JoplinRaw.parse(TextFiles.decode(bytes, file, where), file, where));
                if (items.size() % 500 == 0) {
                    progress.update("Reading", items.size(), -1);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(file, null, "not a readable JEX (tar) archive: " + e.getMessage(), e);
        }
        if (items.isEmpty()) {
            throw new ImportException(file, null, "no Joplin items in it: is this a JEX export?");
        }
        return convert(file, items, attachments, zone);
    }

    static Incoming readRawFolder(Path dir, ZoneId zone, Progress progress) {
        String file = String.valueOf(dir.getFileName());
        Map<String, JoplinRaw> items = new LinkedHashMap<>();
        int attachments = 0;
        long total = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        } catch (IOException e) {
            throw new ImportException(file, null, "cannot list the folder: " + e.getMessage(), e);
        }
        for (Path p : files) {
            String name = String.valueOf(p.getFileName());
            if (name.equals("resources") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                attachments++;
                continue;
            }
            if (!JoplinRaw.isItemName(name) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String where = "file " + name;
            byte[] bytes = TextFiles.readBytes(p, Limits.MAX_ENTRY_BYTES);
            total += bytes.length;
            if (total > Limits.MAX_FILE_BYTES) {
                throw new ImportException(file, null, "the folder holds more than " + Limits.MAX_FILE_BYTES / (1024 * 1024) + " MB");
            }
            items.put(name, JoplinRaw.parse(TextFiles.decode(bytes, file, where), file, where));
            if (items.size() % 500 == 0) {
                progress.update("Reading", items.size(), files.size());
            }
        }
        if (items.isEmpty()) {
            throw new ImportException(file, null, "no Joplin items in the folder: is this a RAW export?");
        }
        return convert(file, items, attachments, zone);
    }

    /** No absolute path, no parent step, no drive letter or backslash: names stay inside the archive. */
    static boolean safeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\u0000")
                || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static Incoming convert(String file, Map<String, JoplinRaw> entries, int attachments, ZoneId zone) {
        Map<String, JoplinRaw> folders = new HashMap<>();
        Map<String, String> tagNames = new HashMap<>();
        Map<String, List<String>> tagsOfNote = new HashMap<>();
        List<Map.Entry<String, JoplinRaw>> notes = new ArrayList<>();
        for (Map.Entry<String, JoplinRaw> e : entries.entrySet()) {
            JoplinRaw r = e.getValue();
            switch (r.type()) {
                case JoplinRaw.FOLDER -> folders.put(r.get("id"), r);
                case JoplinRaw.TAG -> tagNames.put(r.get("id"), r.title().strip());
                case JoplinRaw.NOTE -> notes.add(e);
                default -> { }
            }
        }
        for (JoplinRaw r : entries.values()) {
            if (r.type() == JoplinRaw.NOTE_TAG && r.get("note_id") != null && tagNames.containsKey(r.get("tag_id"))) {
                tagsOfNote.computeIfAbsent(r.get("note_id"), k -> new ArrayList<>()).add(tagNames.get(r.get("tag_id")));
            }
        }
        List<String> warnings = new ArrayList<>();
        Map<String, TodoList> lists = new LinkedHashMap<>();
        for (JoplinRaw f : folders.values()) {
            String id = f.get("id");
            if (id != null && !encrypted(f)) {
                lists.put(id, new TodoList(StableIds.of("joplin", "folder", id),
                        Limits.name(file, "notebook " + id, folderName(f, folders)), null, f.time("created_time", file, id)));
            }
        }
        List<Item> items = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<String, JoplinRaw> e : notes) {
            JoplinRaw n = e.getValue();
            String where = "entry " + e.getKey();
            if (encrypted(n)) {
                skipped++;
                continue;
            }
            String id = n.get("id");
            if (id == null) {
                throw new ImportException(file, where, "the note has no id");
            }
            boolean todo = "1".equals(n.get("is_todo"));
            Long completed = todo ? n.time("todo_completed", file, where) : null;
            Long due = todo ? n.time("todo_due", file, where) : null;
            Long created = n.time("user_created_time", file, where);
            if (created == null) {
                created = n.time("created_time", file, where);
            }
            Long deleted = n.time("deleted_time", file, where);
            String title = n.title().strip();
            if (title.isEmpty()) {
                title = n.body().strip().lines().findFirst().orElse("Untitled");
            }
            TodoList list = lists.get(n.get("parent_id"));
            String notesText = NoteAttributes.append(n.body().isBlank() ? null : n.body(),
                    new NoteAttributes(tagsOfNote.get(id), null, null));
            items.add(new Item(StableIds.of("joplin", "note", id), list == null ? null : list.id(),
                    Limits.title(file, where, title), Limits.notes(file, where, notesText),
                    due == null ? null : Instant.ofEpochMilli(due).atZone(zone).toLocalDate().toString(),
                    completed != null ? 1L : 0L, completed, deleted, created).withNote(!todo));
        }
        if (skipped > 0) {
            warnings.add(ImportReport.count(skipped, "encrypted note") + " skipped: export from Joplin with encryption off");
        }
        if (attachments > 0) {
            warnings.add("attachments are not imported; Tandem keeps text only");
        }
        return new Incoming(file, new ArrayList<>(lists.values()), items, warnings);
    }

    private static boolean encrypted(JoplinRaw r) {
        return "1".equals(r.get("encryption_applied"));
    }

    /** "Parent / Child" for a nested notebook; a cycle or a missing parent ends the chain. */
    private static String folderName(JoplinRaw f, Map<String, JoplinRaw> folders) {
        List<String> names = new ArrayList<>();
        JoplinRaw cur = f;
        for (int depth = 0; cur != null && depth < 8; depth++) {
            names.add(0, cur.title().strip().isEmpty() ? "Untitled" : cur.title().strip());
            String parent = cur.get("parent_id");
            cur = parent == null || parent.equals(cur.get("id")) ? null : folders.get(parent);
        }
        return String.join(" / ", names);
    }
}
