package dev.tandem.app.cli;

import dev.tandem.app.Device;
import dev.tandem.app.DeviceNames;
import dev.tandem.app.StartupTiming;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.view.quickadd.QuickAddWindow;
import dev.tandem.app.vm.quickadd.QuickAddWindowViewModel;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * {@code tandem add --window [TEXT]}: the quick-add window, for a desktop keyboard shortcut. It runs as a command
 * (a device with no service switched on: no main window, no sync), adds to the open profile and blocks until the window closes: exit 0 when a todo was
 * added, 1 when the person closed it without adding.
 *
 * <p>The toolkit is started here unless it runs already (a test's); only a toolkit started here is stopped.
 * {@code -Dtandem.timing=true} prints {@code tandem.timing quick-add-ready-ms=N}: JVM start to the second frame
 * with the field focused.
 */
final class QuickAddWindowCommand {
    private QuickAddWindowCommand() {
    }

    static int run(TodoStore store, Path dir, Args a) {
        if (!a.options().isEmpty() || a.flags().size() > 1) {
            throw new Cli.UsageError(Messages.text("cli.quickAddWindow.withOptions"));
        }
        String text = String.join(" ", a.positional());
        Theme theme = Theme.parse(new SettingsStore(dir).get("ui.theme", "light"));
        // The same device the window opens, with no service switched on: the window's store, saved in the background.
        Device device = Device.builder(DeviceNames.chosenName(dir), dir).store(store).ui(FxExecutor.INSTANCE).build();
        CompletableFuture<Boolean> closed = new CompletableFuture<>();
        Runnable open = () -> {
            try {
                QuickAddWindowViewModel vm = new QuickAddWindowViewModel(store, device.async());
                vm.quickAdd().textProperty().set(text);
                QuickAddWindow w = new QuickAddWindow(vm, theme.stylesheets());
                w.stage().setOnHidden(e -> closed.complete(vm.addedProperty().get()));
                StartupTiming.mark("quick-add-shown");
                w.show(() -> {
                    StartupTiming.mark("quick-add-ready");
                    StartupTiming.report();
                });
            } catch (RuntimeException e) {
                closed.completeExceptionally(e);
            }
        };
        boolean started = false;
        try {
            try {
                Platform.startup(open);
                started = true;
            } catch (IllegalStateException running) {
                FxExecutor.INSTANCE.execute(open);
            } catch (UnsupportedOperationException noDisplay) {
                throw new Cli.Failure(Messages.text("cli.quickAddWindow.noDisplay"));
            }
            return closed.get() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // Waits for a save still under way: the todo is in the database before the command returns.
            device.close();
            if (started) {
                Platform.exit();
            }
        }
    }
}
