package dev.tandem.app.transfer;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Blobs;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attached files of a Markdown export: each item's files copied (streamed) from the attachment
 * store into {@value MarkdownExporter#FILES_FOLDER}/ in its list's folder, once per folder and file,
 * under its name made safe for every platform and unique there ({@link FileNames}: {@code Scan.pdf},
 * {@code Scan (2).pdf}). A file this device has only on the remote is left out, its link left as it
 * was, and counted for the report.
 */
final class AttachmentFiles {
    /**
     * What was written for one item.
     *
     * @param own  the item's own files, as paths relative to its Markdown file
     * @param byId every file its notes or rows name, by attachment id, as such a path
     */
    record Written(List<String> own, Map<String, String> byId) {
        static final Written NONE = new Written(List.of(), Map.of());

        /** {@code notes} with each {@code attachment:ID} link written here pointing at its file, percent-encoded. */
        String links(String notes) {
            if (byId.isEmpty()) {
                return notes;
            }
            return AttachmentLinks.rewrite(notes, t -> t.startsWith(Attachment.SCHEME)
                    ? Optional.ofNullable(byId.get(t.substring(Attachment.SCHEME.length()))).map(AttachmentLinks::encodePath)
                    .orElse(null) : null);
        }
    }

    private final Map<String, List<Attachment>> ofItem = new HashMap<>();
    private final Map<String, Attachment> byId = new HashMap<>();
    private final Optional<Blobs> blobs;
    /** Per folder: the name each blob was written under. */
    private final Map<Path, Map<String, String>> written = new HashMap<>();
    private final Map<Path, FileNames> names = new HashMap<>();
    private final Set<String> remoteOnly = new HashSet<>();
    private int count;

    AttachmentFiles(TodoStore store) {
        List<Attachment> all = store.attachments().all();
        for (Attachment a : all) {
            ofItem.computeIfAbsent(a.itemId(), k -> new ArrayList<>()).add(a);
            byId.put(a.id(), a);
        }
        this.blobs = all.isEmpty() ? Optional.empty() : Optional.of(store.attachments().blobs());
    }

    /** Writes the files of {@code it} (its rows', and those its notes link to) beside its file in {@code folder}. */
    Written write(Item it, Path folder) throws IOException {
        Map<String, Attachment> named = new LinkedHashMap<>();
        ofItem.getOrDefault(it.id(), List.of()).forEach(a -> named.put(a.id(), a));
        for (String t : AttachmentLinks.targets(it.notes())) {
            if (t.startsWith(Attachment.SCHEME)) {
                Attachment a = byId.get(t.substring(Attachment.SCHEME.length()));
                if (a != null) {
                    named.putIfAbsent(a.id(), a);
                }
            }
        }
        if (named.isEmpty()) {
            return Written.NONE;
        }
        Set<String> own = new LinkedHashSet<>();
        Map<String, String> paths = new HashMap<>();
        for (Attachment a : named.values()) {
            String name = copy(a, folder);
            if (name != null) {
                String rel = MarkdownExporter.FILES_FOLDER + "/" + name;
                paths.put(a.id(), rel);
                if (it.id().equals(a.itemId())) {
                    own.add(rel);
                }
            }
        }
        return new Written(new ArrayList<>(own), paths);
    }

    /** The file's name in the folder's {@value MarkdownExporter#FILES_FOLDER}/, copied there now or before; null when not here. */
    private String copy(Attachment a, Path folder) throws IOException {
        Map<String, String> done = written.computeIfAbsent(folder, f -> new HashMap<>());
        String had = done.get(a.blob());
        if (had != null) {
            return had;
        }
        Optional<Path> source = blobs.flatMap(b -> b.file(a.blob()));
        if (source.isEmpty()) {
            remoteOnly.add(a.blob());
            return null;
        }
        Path dir = folder.resolve(MarkdownExporter.FILES_FOLDER);
        Files.createDirectories(dir);
        String name = names.computeIfAbsent(folder, f -> new FileNames()).unique(base(a.name()), extension(a.name()));
        Files.copy(source.get(), dir.resolve(name));
        done.put(a.blob(), name);
        count++;
        return name;
    }

    int count() {
        return count;
    }

    List<String> warnings() {
        return remoteOnly.isEmpty() ? List.of() : List.of(Messages.text("common.export.remoteOnly", remoteOnly.size()));
    }

    /** ".pdf" of "Scan.pdf": a short run of letters and digits after the last dot; "" for none. */
    static String extension(String name) {
        String n = name == null ? "" : name;
        int dot = n.lastIndexOf('.');
        String ext = dot <= 0 ? "" : n.substring(dot + 1);
        return ext.matches("[A-Za-z0-9]{1,10}") ? "." + ext : "";
    }

    static String base(String name) {
        String n = name == null || name.isBlank() ? "file" : name;
        String ext = extension(n);
        return n.substring(0, n.length() - ext.length());
    }
}
