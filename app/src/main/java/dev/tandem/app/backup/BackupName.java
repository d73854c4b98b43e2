package dev.tandem.app.backup;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backup file's name, {@code tandem-PROFILE-2026-11-25T1148.tandembackup} (a second one in the
 * same minute gets {@code -2}, and so on; one a person asked for, "Back up now" or {@code tandem
 * backup}, ends in {@code -manual}): the profile it belongs to, when it was taken, local time, so
 * the files sort by time in any file manager, and whether it was {@link #manual}, which
 * {@link Retention} needs to keep the backup before it. Only files named so count as backups: a
 * {@code .partial} one (a backup being written, or cut short by a crash) never does, nor anything
 * else in the folder, which pruning therefore never touches.
 */
public record BackupName(String profile, LocalDateTime taken, int sequence, boolean manual) {
    public static final String EXTENSION = ".tandembackup";
    public static final String PARTIAL = ".partial";
    private static final String MANUAL = "-manual";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmm", Locale.ROOT);
    private static final Pattern NAME = Pattern.compile(
            "tandem-([a-z0-9][a-z0-9_-]{0,39})-(\\d{4}-\\d{2}-\\d{2}T\\d{4})(?:-(\\d{1,4}))?(" + MANUAL + ")?"
            + Pattern.quote(EXTENSION));

    /** A scheduled (daily) backup's name. */
    public BackupName(String profile, LocalDateTime taken, int sequence) {
        this(profile, taken, sequence, false);
    }

    /** The profile part for a data dir: its folder name in lower case, other characters as dashes. */
    public static String profileOf(Path dataDir) {
        Path name = dataDir.toAbsolutePath().normalize().getFileName();
        String s = (name == null ? "profile" : name.toString()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^[-_]+", "");
        s = s.length() > 40 ? s.substring(0, 40) : s;
        return s.isEmpty() ? "profile" : s;
    }

    public String fileName() {
        return "tandem-" + profile + "-" + STAMP.format(taken) + (sequence > 1 ? "-" + sequence : "")
                + (manual ? MANUAL : "") + EXTENSION;
    }

    /** The backup a file name names, or empty for any other file (a {@code .partial} one among them). */
    public static Optional<BackupName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime taken = LocalDateTime.parse(m.group(2), STAMP);
            return Optional.of(new BackupName(m.group(1), taken, m.group(3) == null ? 1 : Integer.parseInt(m.group(3)),
                    m.group(4) != null));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
