package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoList;
import dev.tandem.ui.messages.Messages;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Joplin's JEX archive and RAW export folder: top-level notebooks become lists, and a notebook inside one a
 * section of that list (a notebook deeper down is part of the section of its ancestor one level under the
 * top: Tandem's sections do not nest); sections are in the order of their names, as Joplin lists notebooks.
 * To-dos become todos and notes plain notes, with their bodies as notes, in Joplin's custom order (its
 * {@code order} field, highest first; where that is equal or missing, newest first, as Joplin sorts them);
 * to-dos keep their done state and due date, tags go into the notes' attribute lines ({@link NoteAttributes}). Resources a note
 * links to ({@code :/ID}) become its attachments, with their titles and MIME types, and the links
 * {@code attachment:ID}; encrypted items are skipped. Nothing from the archive is unpacked: notes
 * are read in memory, and the resources' files, once every note checked out, streamed from the
 * archive into the attachment store ({@link SourceFiles}); an entry whose name climbs out of the
 * archive ({@code ../}, an absolute path) makes the whole file refused.
 */
final class JoplinImporter {
    private static final String RESOURCES = "resources/";
    private static final Pattern RESOURCE_FILE = Pattern.compile("([0-9a-fA-F]{32})(\\.[A-Za-z0-9]{1,16})?");
    private static final Pattern RESOURCE_LINK = Pattern.compile(":/([0-9a-fA-F]{32})");

    private JoplinImporter() {
    }

    static Incoming readJex(Path path, ZoneId zone, Progress progress) {
        String file = String.valueOf(path.getFileName());
        TextFiles.checkSize(path, Limits.MAX_FILE_BYTES);
        Map<String, JoplinRaw> items = new LinkedHashMap<>();
        Map<String, String> resources = new HashMap<>();
        try (InputStream raw = Files.newInputStream(path);
             TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(raw))) {
            TarArchiveEntry e;
            long total = 0;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                String where = Messages.text("transfer.where.entry", Limits.shorten(name));
                if (!safeName(name)) {
                    throw new ImportException(file, where, Messages.text("transfer.archive.outside"));
                }
                if (e.isDirectory() || e.isSymbolicLink() || e.isLink()) {
                    continue;
                }
                if (name.startsWith(RESOURCES)) {
                    resource(name.substring(RESOURCES.length())).ifPresent(id -> resources.putIfAbsent(id, name));
                    continue;
                }
                if (!JoplinRaw.isItemName(name)) {
                    continue;
                }
                byte[] bytes = TextFiles.readAtMost(tar, Limits.MAX_ENTRY_BYTES, file, where);
                total += bytes.length;
                if (total > Limits.MAX_FILE_BYTES) {
                    throw new ImportException(file, null, Messages.text("transfer.archive.tooLarge",
                            String.valueOf(Limits.MAX_FILE_BYTES / (1024 * 1024))));
                }
                items.put(name, JoplinRaw.parse(TextFiles.decode(bytes, file, where), file, where));
                if (items.size() % 500 == 0) {
                    progress.update(Messages.text("common.progress.reading"), items.size(), -1);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(file, null, Messages.text("transfer.joplin.unreadableJex", e.getMessage()), e);
        }
        if (items.isEmpty()) {
            throw new ImportException(file, null, Messages.text("transfer.joplin.noneJex"));
        }
        return convert(file, items, resources, zone).withAttachmentsFrom(SourceFiles.tar(path));
    }

    static Incoming readRawFolder(Path dir, ZoneId zone, Progress progress) {
        String file = String.valueOf(dir.getFileName());
        Map<String, JoplinRaw> items = new LinkedHashMap<>();
        Map<String, String> resources = new HashMap<>();
        long total = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        } catch (IOException e) {
            throw new ImportException(file, null, Messages.text("transfer.folder.cannotList", e.getMessage()), e);
        }
        for (Path p : files) {
            String name = String.valueOf(p.getFileName());
            if (name.equals("resources") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                resources.putAll(resourceFiles(p, file));
                continue;
            }
            if (!JoplinRaw.isItemName(name) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String where = Messages.text("transfer.where.file", name);
            byte[] bytes = TextFiles.readBytes(p, Limits.MAX_ENTRY_BYTES);
            total += bytes.length;
            if (total > Limits.MAX_FILE_BYTES) {
                throw new ImportException(file, null, Messages.text("transfer.folder.tooLarge",
                        String.valueOf(Limits.MAX_FILE_BYTES / (1024 * 1024))));
            }
            items.put(name, JoplinRaw.parse(TextFiles.decode(bytes, file, where), file, where));
            if (items.size() % 500 == 0) {
                progress.update(Messages.text("common.progress.reading"), items.size(), files.size());
            }
        }
        if (items.isEmpty()) {
            throw new ImportException(file, null, Messages.text("transfer.joplin.noneRaw"));
        }
        return convert(file, items, resources, zone).withAttachmentsFrom(SourceFiles.folder(dir));
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

    /**
     * The resource files of a RAW export's {@code resources/} folder, by resource id: the regular
     * files named {@code ID} or {@code ID.EXT}; links and anything else are left out.
     */
    private static Map<String, String> resourceFiles(Path dir, String file) {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = String.valueOf(p.getFileName());
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    resource(name).ifPresent(id -> out.putIfAbsent(id, RESOURCES + name));
                }
            }
        } catch (IOException e) {
            throw new ImportException(file, null, Messages.text("transfer.joplin.cannotListResources", e.getMessage()), e);
        }
        return out;
    }

    /** The resource id a file of {@code resources/} is named after: 32 hex digits, then nothing or an extension. */
    private static Optional<String> resource(String name) {
        Matcher m = RESOURCE_FILE.matcher(name);
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** A convert's result before its files' source is known. */
    private record Converted(Incoming incoming, List<IncomingAttachment> attachments, List<String> warnings) {
        Incoming withAttachmentsFrom(SourceFiles files) {
            return incoming.withAttachments(attachments, files, warnings);
        }
    }

    private static Converted convert(String file, Map<String, JoplinRaw> entries, Map<String, String> resourceFiles,
                                     ZoneId zone) {
        Map<String, JoplinRaw> folders = new HashMap<>();
        Map<String, JoplinRaw> resources = new HashMap<>();
        Map<String, String> tagNames = new HashMap<>();
        Map<String, List<String>> tagsOfNote = new HashMap<>();
        List<Map.Entry<String, JoplinRaw>> notes = new ArrayList<>();
        for (Map.Entry<String, JoplinRaw> e : entries.entrySet()) {
            JoplinRaw r = e.getValue();
            switch (r.type()) {
                case JoplinRaw.FOLDER -> folders.put(r.get("id"), r);
                case JoplinRaw.TAG -> tagNames.put(r.get("id"), r.title().strip());
                case JoplinRaw.NOTE -> notes.add(e);
                case JoplinRaw.RESOURCE -> {
                    if (r.get("id") != null) {
                        resources.put(r.get("id").toLowerCase(Locale.ROOT), r);
                    }
                }
                default -> { }
            }
        }
        for (JoplinRaw r : entries.values()) {
            if (r.type() == JoplinRaw.NOTE_TAG && r.get("note_id") != null && tagNames.containsKey(r.get("tag_id"))) {
                tagsOfNote.computeIfAbsent(r.get("note_id"), k -> new ArrayList<>()).add(tagNames.get(r.get("tag_id")));
            }
        }
        List<String> warnings = new ArrayList<>();
        // By folder id: the list of its top notebook, and the section of its notebook one level under the top.
        Map<String, TodoList> lists = new LinkedHashMap<>();
        Map<String, Section> sectionOf = new HashMap<>();
        Map<String, TodoList> byTop = new HashMap<>();
        List<JoplinRaw> ordered = new ArrayList<>(folders.values());
        ordered.sort(Comparator.comparing((JoplinRaw f) -> f.title().strip().toLowerCase(Locale.ROOT))
                .thenComparing(f -> String.valueOf(f.get("id"))));
        for (JoplinRaw f : ordered) {
            List<JoplinRaw> chain = chain(f, folders);
            JoplinRaw top = chain.get(0);
            String topId = top.get("id");
            if (f.get("id") == null || topId == null || chain.stream().anyMatch(JoplinImporter::encrypted)) {
                continue;
            }
            TodoList list = byTop.computeIfAbsent(topId, k -> new TodoList(StableIds.of("joplin", "folder", k),
                    Limits.name(file, Messages.text("transfer.where.notebook", k), name(top)), null,
                    top.time("created_time", file, k)));
            lists.put(f.get("id"), list);
        }
        List<Section> sections = new ArrayList<>();
        String sectionRank = null;
        for (JoplinRaw f : ordered) {
            List<JoplinRaw> chain = chain(f, folders);
            String sid = f.get("id");
            if (chain.size() == 2 && lists.containsKey(sid)) {
                sectionRank = Rank.between(sectionRank, null);
                Section s = new Section(StableIds.derived("joplin\u0000section\u0000" + sid), lists.get(sid).id(),
                        Limits.sectionName(file, Messages.text("transfer.where.notebook", sid), name(f)), sectionRank, null,
                        f.time("created_time", file, sid));
                sectionOf.put(sid, s);
                sections.add(s);
            }
        }
        for (JoplinRaw f : ordered) {
            List<JoplinRaw> chain = chain(f, folders);
            if (chain.size() > 2 && lists.containsKey(f.get("id"))) {
                // Deeper down: flattened into the section of its ancestor one level under the top.
                sectionOf.put(f.get("id"), sectionOf.get(chain.get(1).get("id")));
            }
        }
        List<Item> items = new ArrayList<>();
        Map<String, Double> orderOf = new HashMap<>();
        List<IncomingAttachment> attachments = new ArrayList<>();
        List<String> fileWarnings = new ArrayList<>();
        int[] encryptedFiles = {0};
        int skipped = 0;
        for (Map.Entry<String, JoplinRaw> e : notes) {
            JoplinRaw n = e.getValue();
            String where = Messages.text("transfer.where.entry", e.getKey());
            if (encrypted(n)) {
                skipped++;
                continue;
            }
            String id = n.get("id");
            if (id == null) {
                throw new ImportException(file, where, Messages.text("transfer.joplin.noId"));
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
            Section section = sectionOf.get(n.get("parent_id"));
            String notesText = NoteAttributes.append(n.body().isBlank() ? null : n.body(),
                    new NoteAttributes(tagsOfNote.get(id), null, null));
            Item it = new Item(StableIds.of("joplin", "note", id), list == null ? null : list.id(),
                    Limits.title(file, where, title), Limits.notes(file, where, notesText),
                    due == null ? null : Instant.ofEpochMilli(due).atZone(zone).toLocalDate().toString(),
                    completed != null ? 1L : 0L, completed, deleted, created).withNote(!todo)
                    .withSectionId(section == null ? null : section.id());
            items.add(it);
            orderOf.put(it.id(), order(n));
            attachments.addAll(files(it, n.body(), resources, resourceFiles, encryptedFiles, file));
        }
        if (encryptedFiles[0] > 0) {
            fileWarnings.add(Messages.text("transfer.joplin.encryptedAttachments", encryptedFiles[0]));
        }
        if (skipped > 0) {
            warnings.add(Messages.text("transfer.joplin.encryptedNotes", skipped));
        }
        return new Converted(new Incoming(file, new ArrayList<>(new LinkedHashSet<>(lists.values())),
                ranked(items, orderOf), warnings).withSections(sections), attachments, fileWarnings);
    }

    /** The items ranked in Joplin's custom order: {@code order} highest first, then the newest first, then by id. */
    private static List<Item> ranked(List<Item> items, Map<String, Double> orderOf) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Item i) -> -orderOf.getOrDefault(i.id(), 0.0))
                .thenComparing(i -> i.createdAt() == null ? Long.MIN_VALUE : i.createdAt(),
                        Comparator.reverseOrder())
                .thenComparing(Item::id));
        Map<String, String> rank = new HashMap<>();
        String r = null;
        for (Item i : sorted) {
            r = Rank.between(r, null);
            rank.put(i.id(), r);
        }
        // In the file's order still: which copy of an id comes first stays the same.
        return items.stream().map(i -> i.withRank(rank.get(i.id()))).toList();
    }

    /** Joplin's {@code order} (a number it sets when the user drags a note); 0 when missing or unreadable. */
    private static double order(JoplinRaw n) {
        String v = n.get("order");
        try {
            double d = v == null ? 0 : Double.parseDouble(v);
            return Double.isFinite(d) ? d : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The resources a note's body links to ({@code ![photo](:/ID)}, {@code <img src=":/ID">}), with
     * their titles and MIME types; each resource once per note, with every link that names it. A
     * link to another note (not a resource) is left as it is. A resource whose file the export does
     * not hold keeps no entry: the import names it as missing.
     */
    private static List<IncomingAttachment> files(Item it, String body, Map<String, JoplinRaw> resources,
                                                  Map<String, String> resourceFiles, int[] encrypted, String file) {
        Map<String, List<String>> linksOf = new LinkedHashMap<>();
        for (String target : AttachmentLinks.targets(body)) {
            Matcher m = RESOURCE_LINK.matcher(target.strip());
            if (m.matches()) {
                String id = m.group(1).toLowerCase(Locale.ROOT);
                if (resources.containsKey(id) || resourceFiles.containsKey(id)) {
                    linksOf.computeIfAbsent(id, k -> new ArrayList<>()).add(target);
                }
            }
        }
        List<IncomingAttachment> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : linksOf.entrySet()) {
            JoplinRaw r = resources.get(e.getKey());
            if (r != null && encrypted(r)) {
                encrypted[0]++;
                continue;
            }
            String ext = r == null ? null : r.get("file_extension");
            String name = r == null ? null : r.title().strip();
            if (name == null || name.isEmpty()) {
                name = r != null && r.get("filename") != null ? r.get("filename")
                        : e.getKey() + (ext == null ? "" : "." + ext);
            }
            Long created = r == null ? null
                    : r.time("created_time", file, Messages.text("transfer.where.resource", e.getKey()));
            out.add(new IncomingAttachment(it.id(), resourceFiles.get(e.getKey()), null, name,
                    r == null ? null : r.get("mime"), created, e.getValue()));
        }
        return out;
    }

    private static boolean encrypted(JoplinRaw r) {
        return "1".equals(r.get("encryption_applied"));
    }

    /** The notebook's chain of notebooks, the top one first; a cycle or a missing parent ends it. */
    private static List<JoplinRaw> chain(JoplinRaw f, Map<String, JoplinRaw> folders) {
        List<JoplinRaw> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JoplinRaw cur = f;
        for (int depth = 0; cur != null && depth < 8 && seen.add(String.valueOf(cur.get("id"))); depth++) {
            chain.add(0, cur);
            String parent = cur.get("parent_id");
            cur = parent == null ? null : folders.get(parent);
        }
        return chain;
    }

    private static String name(JoplinRaw f) {
        return f.title().strip().isEmpty() ? "Untitled" : f.title().strip();
    }
}
