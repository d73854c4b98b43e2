package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.transfer.ExportReport;
import dev.tandem.app.transfer.Format;
import dev.tandem.app.transfer.ImportException;
import dev.tandem.app.transfer.ImportReport;
import dev.tandem.app.transfer.Progress;
import dev.tandem.app.transfer.Transfer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code tandem export --format json|markdown|ics --out PATH} and {@code tandem import PATH [--format F]}.
 * The summary goes to stderr like the other commands' messages, and so does progress, once a
 * command has run for half a second (a small file prints none).
 */
final class TransferCommands {
    private final PrintStream err;

    TransferCommands(PrintStream err) {
        this.err = err;
    }

    int export(TodoStore store, Path cwd, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError("export: unexpected argument " + a.positional().get(0) + "; give the file with --out");
        }
        String name = a.options().get("--format");
        if (name == null) {
            throw new UsageError("export: give --format json, markdown or ics");
        }
        Format f = Format.byName(name).filter(Format::exportable)
                .orElseThrow(() -> new UsageError("export: --format must be json, markdown or ics, not " + name));
        String out = a.options().get("--out");
        if (out == null || out.isBlank()) {
            throw new UsageError("export: give the target with --out PATH (a file; a new or empty folder for markdown)");
        }
        Path target = cwd.resolve(out);
        try {
            ExportReport r = Transfer.export(store, f, target, new TerminalProgress(err));
            err.println(r.summary(target.toString()));
            return 0;
        } catch (UncheckedIOException e) {
            throw new Failure("export failed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Failure("export failed: " + e.getMessage());
        }
    }

    int importPath(TodoStore store, Path cwd, Args a) {
        Path path = cwd.resolve(a.one("import", "file or folder"));
        Format f = null;
        if (a.options().containsKey("--format")) {
            String name = a.options().get("--format");
            f = Format.byName(name).orElseThrow(() -> new UsageError("import: --format must be one of "
                    + Arrays.stream(Format.values()).map(Format::cliName).collect(Collectors.joining(", ")) + ", not " + name));
        }
        try {
            ImportReport r = Transfer.importPath(store, path, f, new TerminalProgress(err));
            err.println(r.summary());
            for (String w : r.warnings()) {
                err.println("  note: " + w);
            }
            return 0;
        } catch (ImportException e) {
            throw new Failure("import failed: " + e.getMessage() + "\n  Nothing was imported.");
        }
    }

    /** "Writing 4,000 of 10,000 (40 %)" on stderr, at most twice a second, from the first half second on. */
    static final class TerminalProgress implements Progress {
        private static final long QUIET_NANOS = 500_000_000L;
        private final PrintStream err;
        private final long start = System.nanoTime();
        private long last;

        TerminalProgress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void update(String phase, long done, long total) {
            long now = System.nanoTime();
            if (now - start < QUIET_NANOS || now - last < QUIET_NANOS) {
                return;
            }
            last = now;
            err.println(total > 0
                    ? String.format("%s %,d of %,d (%d %%)", phase, done, total, done * 100 / total)
                    : String.format("%s… %,d so far", phase, done));
        }
    }
}
