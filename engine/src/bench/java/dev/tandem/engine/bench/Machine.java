package dev.tandem.engine.bench;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The facts about the machine a figure needs next to it. */
final class Machine {
    private Machine() {
    }

    static String describe(Path dataDir) {
        StringBuilder b = new StringBuilder();
        b.append("date: ").append(LocalDate.now()).append('\n');
        b.append("cpus (availableProcessors): ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        b.append("cpu: ").append(cpuModel()).append('\n');
        b.append("ram: ").append(memTotal()).append('\n');
        b.append("data dir: ").append(dataDir.toAbsolutePath()).append(" on ").append(fileStore(dataDir)).append('\n');
        b.append("jdk: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        b.append("jvm heap max: ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB\n");
        return b.toString();
    }

    private static String cpuModel() {
        return firstMatching(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse(System.getProperty("os.arch"));
    }

    private static String memTotal() {
        return firstMatching(Path.of("/proc/meminfo"), "MemTotal").map(l -> {
            long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
            return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        }).orElse("?");
    }

    private static String fileStore(Path dir) {
        try {
            FileStore fs = Files.getFileStore(dir);
            return fs.name() + " (" + fs.type() + ")";
        } catch (IOException e) {
            return "?";
        }
    }

    private static Optional<String> firstMatching(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
