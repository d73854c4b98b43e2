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
import dev.tandem.ui.messages.Messages;
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
            throw new UsageError(Messages.text("cli.export.unexpected", a.positional().get(0)));
        }
        String name = a.options().get("--format");
        if (name == null) {
            throw new UsageError(Messages.text("cli.export.needsFormat"));
        }
        Format f = Format.byName(name).filter(Format::exportable)
                .orElseThrow(() -> new UsageError(Messages.text("cli.export.badFormat", name)));
        String out = a.options().get("--out");
        if (out == null || out.isBlank()) {
            throw new UsageError(Messages.text("cli.export.needsOut"));
        }
        Path target = cwd.resolve(out);
        try {
            ExportReport r = Transfer.export(store, f, target, new TerminalProgress(err));
            err.println(r.summary(target.toString()));
            return 0;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new Failure(Messages.text("cli.export.failed", e.getMessage()));
        }
    }

    int importPath(TodoStore store, Path cwd, Args a) {
        Path path = cwd.resolve(a.one("import", Messages.text("cli.import.what")));
        Format f = null;
        if (a.options().containsKey("--format")) {
            String name = a.options().get("--format");
            f = Format.byName(name).orElseThrow(() -> new UsageError(Messages.text("cli.import.badFormat",
                    Arrays.stream(Format.values()).map(Format::cliName).collect(Collectors.joining(", ")), name)));
        }
        try {
            ImportReport r = Transfer.importPath(store, path, f, new TerminalProgress(err));
            err.println(r.summary());
            for (String w : r.warnings()) {
                err.println(Messages.text("cli.import.note", w));
            }
            return 0;
        } catch (ImportException e) {
            throw new Failure(Messages.text("cli.import.failed", e.getMessage()));
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
                    ? Messages.text("cli.progress.of", phase, done, total, done * 100 / total)
                    : Messages.text("cli.progress.soFar", phase, done));
        }
    }
}
