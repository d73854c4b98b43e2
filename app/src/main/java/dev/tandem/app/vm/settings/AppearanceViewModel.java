package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.ui.Theme;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The window's theme: light or dark, switched by a command and saved off the FX thread. */
public final class AppearanceViewModel {
    private final ReadOnlyObjectWrapper<Theme> theme;
    private final Async async;
    private final Consumer<Theme> save;

    public AppearanceViewModel(Theme initial, Async async, Consumer<Theme> save) {
        this.theme = new ReadOnlyObjectWrapper<>(initial);
        this.async = async;
        this.save = save;
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme theme() {
        return theme.get();
    }

    /** Light to dark and back; the choice is saved for the next start. */
    public void toggle() {
        Theme next = theme.get().other();
        theme.set(next);
        async.run(() -> save.accept(next));
    }
}
