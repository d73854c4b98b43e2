package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.app.transfer.FileNames;
import dev.tandem.engine.BlobTooLargeException;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Files attached to items: {@code attach} adds them (copied into the profile's attachment store,
 * uploaded by the next sync), {@code attachments} lists them and saves copies into a folder
 * (downloading through sync those this device does not have), {@code detach} removes one from its
 * item (history keeps it, so an older version still shows it).
 */
final class AttachmentCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final SyncCommands syncs;

    AttachmentCommands(PrintStream out, PrintStream err, SyncCommands syncs) {
        this.out = out;
        this.err = err;
        this.syncs = syncs;
    }

    /**
     * {@code attach ID FILE...}: every file is checked (there, readable, within the limit) before any
     * is added, so a refused file leaves the item as it was; prints each attachment's id.
     * {@code --insert} appends each one's Markdown reference to the notes.
     */
    int attach(TodoStore store, Path cwd, Args a) {
        if (a.positional().size() < 2) {
            throw new UsageError(Messages.text("cli.attach.usage"));
        }
        Item it = TodoCommands.resolve(store, a.positional().get(0));
        long limit = AttachmentStore.DEFAULT_LIMIT;
        List<Path> files = new ArrayList<>();
        for (String name : a.positional().subList(1, a.positional().size())) {
            Path f = cwd.resolve(name);
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new Failure(Messages.text("cli.attach.unreadable", name));
            }
            files.add(f);
            if (size(f) > limit) {
                throw new Failure(Messages.text("cli.attach.tooLarge", name, BackupCommands.size(size(f)),
                        BackupCommands.size(limit)));
            }
        }
        AttachmentStore attachments = store.attachments();
        List<Attachment> added = new ArrayList<>();
        for (Path f : files) {
            try {
                added.add(attachments.add(it.id(), f, limit));
            } catch (BlobTooLargeException e) {
                // Grew past the limit since it was checked: what was attached before it stays, and is said.
                throw new Failure(Messages.text("cli.attach.tooLargeMidway", f.getFileName().toString(),
                        BackupCommands.size(e.limit()), added.size()));
            }
        }
        if (a.flags().contains("--insert")) {
            String refs = added.stream().map(Attachment::markdown).collect(Collectors.joining("\n"));
            store.update(it.id(), cur -> cur.withNotes(cur.notes() == null || cur.notes().isBlank() ? refs
                    : cur.notes().stripTrailing() + "\n\n" + refs));
        }
        for (Attachment x : added) {
            out.println(x.id());
        }
        err.println(Messages.text(a.flags().contains("--insert") ? "cli.attach.doneInserted" : "cli.attach.done",
                added.size(), it.titleOrEmpty()));
        return 0;
    }

    /** {@code attachments ID [--json] [--save DIR]}. */
    int list(TodoStore store, Path dir, Path cwd, Args a) {
        Item it = TodoCommands.resolve(store, a.one("attachments", "ID"));
        AttachmentStore attachments = store.attachments();
        List<Attachment> files = attachments.of(it.id());
        if (a.options().containsKey("--save")) {
            return save(store, attachments, files, dir, cwd.resolve(a.options().get("--save")), a);
        }
        if (a.flags().contains("--json")) {
            out.println("[" + files.stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", f.id());
                m.put("itemId", f.itemId());
                m.put("name", f.name());
                m.put("type", f.type());
                m.put("size", f.size());
                m.put("blob", f.blob());
                m.put("createdAt", f.createdAt());
                m.put("here", attachments.file(f).isPresent());
                return Json.object(m);
            }).collect(Collectors.joining(",\n ")) + "]");
            return 0;
        }
        if (files.isEmpty()) {
            err.println(Messages.text("cli.attach.none", TodoCommands.shortId(it.id())));
            return 0;
        }
        for (Attachment f : files) {
            out.println(line(f, attachments.file(f).isPresent()));
        }
        return 0;
    }

    /** One attachment as {@code attachments} lists it: short id, name, type, size, where its bytes are. */
    static String line(Attachment f, boolean here) {
        return TodoCommands.shortId(f.id()) + "  " + oneLine(f.name()) + "  " + f.type() + "  "
                + BackupCommands.size(f.sizeOrZero()) + "  " + Messages.text(here ? "cli.attach.here" : "cli.attach.onRemote");
    }

    /**
     * Copies each file into {@code target} under its name made safe, never over a file there (a
     * clash gets "name (2).ext"); a file only on the remote is downloaded first through sync when a
     * remote is set up. Prints each saved path; exit 1 when any could not be had, each said why.
     */
    private int save(TodoStore store, AttachmentStore attachments, List<Attachment> files, Path dir, Path target, Args a) {
        if (files.isEmpty()) {
            err.println(Messages.text("cli.attach.noneToSave"));
            return 0;
        }
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new Failure(Messages.text("cli.attach.cannotCreate", target.toString(), e.getMessage()));
        }
        Map<String, String> missing = download(store, attachments, files, dir, a);
        FileNames names = new FileNames();
        List<String> failed = new ArrayList<>();
        for (Attachment f : files) {
            Optional<Path> source = attachments.file(f);
            if (source.isEmpty()) {
                failed.add(f.name() + ": " + missing.getOrDefault(f.blob(), Messages.text("cli.attach.notHere")));
                continue;
            }
            try {
                Path saved = copyUnique(source.get(), target, f.name(), names);
                out.println(saved);
            } catch (IOException e) {
                failed.add(f.name() + ": " + e.getMessage());
            }
        }
        for (String f : failed) {
            err.println("tandem: " + Messages.text("cli.attach.couldNotSave", f));
        }
        err.println(Messages.text("cli.attach.saved", files.size() - failed.size(), files.size(), target.toString()));
        return failed.isEmpty() ? 0 : 1;
    }

    /**
     * Downloads the files not here through sync; returns, for each one still missing, why. Without a
     * remote set up, each is missing "only on the remote".
     */
    private Map<String, String> download(TodoStore store, AttachmentStore attachments, List<Attachment> files, Path dir,
                                         Args a) {
        List<Attachment> absent = files.stream().filter(f -> attachments.file(f).isEmpty()).toList();
        Map<String, String> why = new LinkedHashMap<>();
        if (absent.isEmpty()) {
            return why;
        }
        if (a.options().get("--remote") == null && new SettingsStore(dir).loadSync().mode() == SyncSettings.Mode.NONE
                && new SpaceLists(new SettingsStore(dir)).all().isEmpty()) {
            absent.forEach(f -> why.put(f.blob(), Messages.text("cli.attach.noRemote")));
            return why;
        }
        SyncEngine engine;
        try {
            engine = syncs.syncEngineFor(a, dir);
        } catch (Failure | UsageError e) {
            absent.forEach(f -> why.put(f.blob(), Messages.text("cli.attach.cannotDownload", e.getMessage())));
            return why;
        }
        try (engine) {
            return fetch(store, engine, absent, err);
        }
    }

    /**
     * Downloads {@code absent} through {@code engine}, one file at a time, saying each on {@code err};
     * returns, for each one still missing, why (not on the remote yet, or what failed).
     */
    static Map<String, String> fetch(TodoStore store, SyncEngine engine, List<Attachment> absent, PrintStream err) {
        Map<String, String> why = new LinkedHashMap<>();
        try (AttachmentFetcher fetcher = new AttachmentFetcher(store, () -> Optional.of(engine),
                Executors.newSingleThreadExecutor(r -> new Thread(r, "tandem-attachments")))) {
            for (Attachment f : absent) {
                err.println(Messages.text("cli.attach.downloading", oneLine(f.name()), BackupCommands.size(f.sizeOrZero())));
                AttachmentFetcher.Status s;
                try {
                    s = fetcher.fetch(f.blob()).join();
                } catch (CompletionException e) {
                    s = new AttachmentFetcher.Status(f.blob(), AttachmentFetcher.State.FAILED,
                            String.valueOf(e.getCause() == null ? e : e.getCause().getMessage()));
                }
                switch (s.state()) {
                    case HERE -> { }
                    case NOT_ON_REMOTE -> why.put(f.blob(), Messages.text("cli.attach.notOnRemoteYet"));
                    default -> why.put(f.blob(), s.message() == null ? Messages.text("cli.attach.downloadFailed")
                            : Messages.text("cli.attach.downloadFailedBecause", s.message()));
                }
            }
        }
        return why;
    }

    /** Copies {@code source} into {@code dir} as {@code name} made safe, or "name (2).ext" when that is taken. */
    static Path copyUnique(Path source, Path dir, String name, FileNames names) throws IOException {
        String n = name == null || name.isBlank() ? "file" : name;
        int dot = n.lastIndexOf('.');
        String ext = dot > 0 && n.substring(dot + 1).matches("[A-Za-z0-9]{1,10}") ? n.substring(dot) : "";
        String base = n.substring(0, n.length() - ext.length());
        for (int tries = 0; ; tries++) {
            Path p = dir.resolve(names.unique(base, ext));
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue; // a file of the folder's own: never written over
            }
            try {
                return Files.copy(source, p);
            } catch (FileAlreadyExistsException e) {
                if (tries > 1000) {
                    throw e;
                }
            }
        }
    }

    /** {@code detach ATTACHMENT_ID}: removes it from its item. */
    int detach(TodoStore store, Args a) {
        String ref = a.one("detach", "ATTACHMENT_ID");
        AttachmentStore attachments = store.attachments();
        Attachment f = resolve(attachments, ref);
        attachments.remove(f.id());
        String title = store.get(f.itemId()).map(Item::titleOrEmpty).orElse(f.itemId());
        err.println(Messages.text("cli.attach.removed", oneLine(f.name()), title));
        return 0;
    }

    /** The attachment {@code ref} names: its full id, or a unique part of its start or end (4+ characters). */
    private static Attachment resolve(AttachmentStore attachments, String ref) {
        Optional<Attachment> exact = attachments.get(ref);
        if (exact.isPresent()) {
            return exact.get();
        }
        if (ref.length() < 4) {
            throw new Failure(Messages.text("cli.attach.idTooShort", ref));
        }
        String r = ref.toLowerCase(Locale.ROOT);
        List<Attachment> matches = attachments.all().stream()
                .filter(x -> x.id().startsWith(r) || x.id().endsWith(r)).toList();
        if (matches.isEmpty()) {
            throw new Failure(Messages.text("cli.attach.noSuchId", ref));
        }
        if (matches.size() > 1) {
            throw new Failure(Messages.text("cli.attach.idAmbiguous", ref, matches.size(),
                    matches.stream().limit(5).map(Attachment::id).collect(Collectors.joining(", "))));
        }
        return matches.get(0);
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new Failure(Messages.text("cli.attach.cannotRead", f.toString(), e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "file" : s.replaceAll("\\p{Cntrl}", " ");
    }
}
