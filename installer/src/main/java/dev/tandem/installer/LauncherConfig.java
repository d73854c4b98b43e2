package dev.tandem.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A jpackage launcher's configuration file (lib/app/NAME.cfg), where a trainer names its class archive. The
 * trainers edit the file jpackage wrote rather than passing the option to jpackage because the archive can only be
 * made once the image exists, and must not be named at all when it could not be made: a launcher naming a missing
 * archive warns on every start.
 */
final class LauncherConfig {
    private final Path file;
    private final List<String> original;

    /** Reads the file as it is now, so that {@link #restore()} can put it back. */
    LauncherConfig(Path file) throws IOException {
        this.file = file;
        this.original = Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The launcher's JVM options: appended to the [JavaOptions] section, which jpackage writes last. */
    void addJavaOption(String option) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        String line = "java-options=" + option;
        if (lines.contains(line)) {
            return;
        }
        if (lines.stream().noneMatch(l -> l.strip().equals("[JavaOptions]"))) {
            lines.add("[JavaOptions]");
        } else if (!lines.get(lines.size() - 1).startsWith("java-options=")
                && !lines.get(lines.size() - 1).strip().equals("[JavaOptions]")) {
            throw new IOException(file + " has a section after [JavaOptions]; cannot add " + option);
        }
        lines.add(line);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Puts the file back as it was read. */
    void restore() throws IOException {
        Files.write(file, original, StandardCharsets.UTF_8);
    }
}
