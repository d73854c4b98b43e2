package dev.tandem.app.vm.window;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.transfer.ExportReport;
import dev.tandem.app.transfer.Format;
import dev.tandem.app.transfer.ImportException;
import dev.tandem.app.transfer.ImportReport;
import dev.tandem.app.transfer.Progress;
import dev.tandem.app.transfer.Transfer;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Import and export from the window: the menu's commands and dropped files. The file is chosen
 * through {@link Dialogs}; reading, writing and the database work run on the background executor,
 * and progress comes back to the UI executor at most ten times a second. The result, or the
 * error naming the file and the line, is a notification; a failed import wrote nothing.
 */
public final class TransferViewModel {
    private static final long PROGRESS_NANOS = 100_000_000L;
    private final TodoStore store;
    private final Async async;
    private final Dialogs dialogs;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private int running;

    public TransferViewModel(TodoStore store, Async async, Dialogs dialogs) {
        this.store = store;
        this.async = async;
        this.dialogs = dialogs;
    }

    /** True while an import or export runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0 to 1 while the amount is known, -1 while it is not (or nothing runs). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Importing Home.csv: writing 4,000 of 10,000"; empty when idle. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void importFile() {
        dialogs.chooseFile(Messages.text("settings.transfer.chooseImportFile")).ifPresent(this::importPath);
    }

    public void importFolder() {
        dialogs.chooseFolder(Messages.text("settings.transfer.chooseImportFolder")).ifPresent(this::importPath);
    }

    /** Files dropped on the window, imported one after another, each on its own. */
    public void importPaths(List<Path> paths) {
        paths.forEach(this::importPath);
    }

    public void exportJson() {
        dialogs.chooseSaveTarget(Messages.text("settings.transfer.chooseExportJson"),
                "tandem-" + LocalDate.now(store.dateClock()) + ".json")
                .ifPresent(p -> export(Format.TANDEM_JSON, p));
    }

    public void exportMarkdown() {
        dialogs.chooseSaveTarget(Messages.text("settings.transfer.chooseExportMarkdown"),
                "Tandem " + LocalDate.now(store.dateClock()))
                .ifPresent(p -> export(Format.MARKDOWN, p));
    }

    public void exportIcs() {
        dialogs.chooseSaveTarget(Messages.text("settings.transfer.chooseExportIcs"),
                "tandem-" + LocalDate.now(store.dateClock()) + ".ics")
                .ifPresent(p -> export(Format.ICS, p));
    }

    private void importPath(Path path) {
        String name = String.valueOf(path.getFileName());
        String what = Messages.text("settings.transfer.importing", name);
        started(what);
        async.run(() -> Transfer.importPath(store, path, null, progress(what)), (ImportReport r) -> {
            finished();
            StringBuilder b = new StringBuilder(r.summary());
            r.warnings().forEach(w -> b.append("\n• ").append(w));
            dialogs.notify(Messages.text("settings.transfer.importFinished"), b.toString(), false);
        }, e -> {
            finished();
            dialogs.notify(Messages.text("settings.transfer.importFailed"),
                    Messages.text("settings.transfer.nothingImported", e instanceof ImportException ? e.getMessage()
                            : name + ": " + describe(e)), true);
        });
    }

    private void export(Format format, Path target) {
        started(Messages.text("settings.transfer.exportingTo", String.valueOf(target.getFileName())));
        Progress onProgress = progress(Messages.text("settings.transfer.exporting"));
        async.run(() -> Transfer.export(store, format, target, onProgress), (ExportReport r) -> {
            finished();
            dialogs.notify(Messages.text("settings.transfer.exportFinished"), r.summary(target.toString()), false);
        }, e -> {
            finished();
            dialogs.notify(Messages.text("settings.transfer.exportFailed"), describe(e), true);
        });
    }

    private void started(String what) {
        running++;
        busy.set(true);
        progress.set(-1);
        status.set(Messages.text("settings.transfer.running", what));
    }

    private void finished() {
        if (--running == 0) {
            busy.set(false);
            progress.set(-1);
            status.set("");
        }
    }

    /** Called on the background thread: keeps the newest figure and hands it to the UI at most every 100 ms. */
    private Progress progress(String what) {
        AtomicLong last = new AtomicLong(System.nanoTime());
        return (phase, done, total) -> {
            long now = System.nanoTime();
            if (now - last.get() < PROGRESS_NANOS) {
                return;
            }
            last.set(now);
            String text = total > 0
                    ? Messages.text("settings.transfer.progress", what, phase.toLowerCase(Locale.ROOT), done, total)
                    : Messages.text("settings.transfer.running", what);
            double fraction = total > 0 ? Math.min(1.0, (double) done / total) : -1;
            async.ui().execute(() -> {
                if (running > 0) {
                    status.set(text);
                    progress.set(fraction);
                }
            });
        };
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
