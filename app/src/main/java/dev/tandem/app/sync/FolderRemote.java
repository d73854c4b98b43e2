package dev.tandem.app.sync;

import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a folder chosen as a remote holds. Tandem writes {@code batches/}, {@code heads/},
 * {@code snapshots/}, {@code acks/}, {@code blobs/} (attached files), {@code changed}, {@code encryption}
 * and {@code keys/} (an encrypted remote's keyring), and a shared list's {@code members/}, {@code certs/}, {@code invites/} and
 * {@code pending-invites/}, and the phone page {@code tandem page publish} puts in {@code page/}, into it, so it must be empty or
 * already a Tandem remote; a folder with other files (Documents, a home or system folder) would
 * get Tandem's files mixed in with the user's, and is offered a new {@code Tandem} folder inside
 * it instead. Hidden files (Syncthing's {@code .stfolder}, {@code .DS_Store}) do not count.
 */
public final class FolderRemote {
    /** Names Tandem writes at a remote's top level (SYNC_FORMAT.md). */
    static final Set<String> OURS = Set.of("batches", "heads", "snapshots", "changed", "encryption", "keys", "probe",
            "acks", "members", "certs", "invites", "pending-invites", "blobs", "page");
    /** The folder offered inside one that holds other files. */
    public static final String SUBFOLDER = "Tandem";
    private static final Set<String> SYSTEM = Set.of("desktop.ini", "Thumbs.db", "Icon\r");

    /** What a folder holds. */
    public enum Contents { MISSING, EMPTY, TANDEM, OTHER }

    /** The contents, and up to three names that are not Tandem's, for a message. */
    public record Look(Contents contents, List<String> foreign) {
    }

    private FolderRemote() {
    }

    /** Looks at {@code dir} and, one level down, at folders that may be prefixes of a Tandem remote. */
    public static Look look(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Look(Contents.MISSING, List.of());
        }
        List<String> foreign = new ArrayList<>();
        boolean ours = false;
        boolean any = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || SYSTEM.contains(name)) {
                    continue;
                }
                any = true;
                if (OURS.contains(name) || Files.isDirectory(p) && holdsOurs(p)) {
                    ours = true;
                } else if (foreign.size() < 3) {
                    foreign.add(name);
                } else {
                    foreign.add("…");
                    break;
                }
            }
        } catch (IOException e) {
            // Unreadable here: the connection check says why in its own words.
            return new Look(Contents.EMPTY, List.of());
        }
        if (!any) {
            return new Look(Contents.EMPTY, List.of());
        }
        return foreign.isEmpty() && ours ? new Look(Contents.TANDEM, List.of()) : new Look(Contents.OTHER, foreign);
    }

    /** Whether a folder remote's missing folder can be made: its parent is there, or it is missing too. */
    public enum Missing { NO, CREATABLE, NO_PARENT }

    /** Whether {@code dir} is missing, and if so whether its parent is there to make it in. */
    public static Missing missing(Path dir) {
        if (Files.isDirectory(dir)) {
            return Missing.NO;
        }
        Path parent = dir.toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) && !Files.exists(dir) ? Missing.CREATABLE : Missing.NO_PARENT;
    }

    /**
     * Makes the folder {@code dir} of a remote the user asked for, one level only: a parent that is not there (a
     * drive not connected, a typing error further up) is never made.
     *
     * @throws UncheckedIOException saying in the user's words why it could not be made
     */
    public static void create(Path dir) {
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new UncheckedIOException(Messages.text("common.remote.cannotMakeFolder", dir.toString(),
                        Messages.text("common.remote.notAFolder")), e);
            }
        } catch (AccessDeniedException e) {
            throw new UncheckedIOException(Messages.text("common.remote.cannotMakeFolder", dir.toString(),
                    Messages.text("common.remote.noPermission")), e);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("common.remote.cannotMakeFolder", dir.toString(),
                    Messages.text("common.remote.systemRefused")), e);
        }
    }

    /** Why a folder with other files is refused, and what to do. */
    public static String problem(Path dir, Look look) {
        return Messages.text("common.remote.folderNotEmpty", dir.toString(), String.join(", ", look.foreign()),
                dir.resolve(SUBFOLDER).toString());
    }

    private static boolean holdsOurs(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (OURS.contains(p.getFileName().toString())) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
