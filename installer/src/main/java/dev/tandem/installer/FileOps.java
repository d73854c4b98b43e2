package dev.tandem.installer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The file and PATH helpers that Packager and both class-archive trainers use. */
final class FileOps {
    private FileOps() {
    }

    static List<Path> jarsIn(Path dir) {
        return filesIn(dir).stream().filter(p -> p.getFileName().toString().endsWith(".jar")).collect(Collectors.toList());
    }

    /** The regular files directly in {@code dir}, sorted; none when it does not exist. */
    static List<Path> filesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new Failure("cannot delete " + root + ": " + e);
        }
    }

    static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new Failure("cannot rename " + from + " to " + to + ": " + e);
        }
    }

    /** The size of a file, or of everything under a directory, in MiB. */
    static double megabytes(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            long bytes = paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
            return bytes / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first executable called {@code command} on PATH, as a shell would find it. */
    static Optional<Path> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
