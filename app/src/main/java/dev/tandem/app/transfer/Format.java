package dev.tandem.app.transfer;

import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The formats Tandem imports, and the three it exports; each knows how it is named on the command line. */
public enum Format {
    /** The JSON backup: a {@code .json} file, or a Tandem archive ({@code .zip}) that adds the attached files. */
    TANDEM_JSON("json", "common.format.tandemJson", true),
    MARKDOWN("markdown", "common.format.markdown", true),
    ICS("ics", "common.format.ics", true),
    TODOIST_CSV("todoist", "common.format.todoistCsv", false),
    JOPLIN_JEX("jex", "common.format.joplinJex", false),
    JOPLIN_RAW("joplin-raw", "common.format.joplinRaw", false);

    private final String cliName;
    private final String labelKey;
    private final boolean exportable;

    Format(String cliName, String labelKey, boolean exportable) {
        this.cliName = cliName;
        this.labelKey = labelKey;
        this.exportable = exportable;
    }

    public String cliName() {
        return cliName;
    }

    /** Its name for people, in the process's language. */
    public String label() {
        return Messages.text(labelKey);
    }

    public boolean exportable() {
        return exportable;
    }

    /** By command-line name, with a few aliases (md, ical, csv, joplin, raw); empty when unknown. */
    public static Optional<Format> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "json", "tandem" -> TANDEM_JSON;
            case "markdown", "md" -> MARKDOWN;
            case "ics", "ical", "icalendar" -> ICS;
            case "todoist", "csv" -> TODOIST_CSV;
            case "jex", "joplin" -> JOPLIN_JEX;
            case "joplin-raw", "raw" -> JOPLIN_RAW;
            default -> null;
        });
    }

    /**
     * Tells the format from the path: a folder is Joplin RAW when its notes end in Joplin's property
     * lines ({@code type_: 1}), else Markdown; a file by its extension, else by its first bytes.
     */
    public static Format detect(Path path) {
        String name = String.valueOf(path.getFileName());
        if (Files.isDirectory(path)) {
            return looksLikeJoplinRaw(path) ? JOPLIN_RAW : MARKDOWN;
        }
        if (!Files.isRegularFile(path)) {
            throw new ImportException(name, null, Messages.text("transfer.file.none"));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".zip")) {
            return TANDEM_JSON;
        }
        if (lower.endsWith(".ics") || lower.endsWith(".ical") || lower.endsWith(".icalendar")) {
            return ICS;
        }
        if (lower.endsWith(".csv")) {
            return TODOIST_CSV;
        }
        if (lower.endsWith(".jex") || lower.endsWith(".tar")) {
            return JOPLIN_JEX;
        }
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return MARKDOWN;
        }
        return sniff(path, name);
    }

    private static Format sniff(Path path, String name) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(512);
        } catch (IOException e) {
            throw new ImportException(name, null, Messages.text("transfer.error.cannotRead", e.getMessage()), e);
        }
        if (head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return JOPLIN_JEX;
        }
        if (TandemArchive.isZip(head)) {
            return TANDEM_JSON;
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("{")) {
            return TANDEM_JSON;
        }
        if (text.toUpperCase(Locale.ROOT).startsWith("BEGIN:VCALENDAR")) {
            return ICS;
        }
        if (text.startsWith("TYPE,") || text.startsWith("\"TYPE\",")) {
            return TODOIST_CSV;
        }
        throw new ImportException(name, null, Messages.text("transfer.format.unknown"));
    }

    private static boolean looksLikeJoplinRaw(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> JoplinRaw.isItemName(String.valueOf(p.getFileName()))).limit(5)
                    .anyMatch(p -> {
                        try {
                            return JoplinRaw.looksLikeItem(TextFiles.decode(
                                    TextFiles.readBytes(p, Limits.MAX_ENTRY_BYTES), String.valueOf(p.getFileName()), null));
                        } catch (ImportException e) {
                            return false;
                        }
                    });
        } catch (IOException e) {
            throw new ImportException(String.valueOf(dir.getFileName()), null,
                    Messages.text("transfer.folder.cannotList", e.getMessage()), e);
        }
    }
}
