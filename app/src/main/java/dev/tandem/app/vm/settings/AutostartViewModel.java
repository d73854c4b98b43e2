package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.Autostart;
import dev.tandem.app.vm.shared.Feedback;
import java.io.UncheckedIOException;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Settings → "Remind me when Tandem is closed": the check box over {@link Autostart}. A change is applied at
 * once, off the FX thread (the entry written or removed, the agent started or stopped); while it runs the box is
 * {@link #busyProperty() busy}. A change that fails says why in {@link #errorProperty()} and the box shows what
 * holds now: still off when turning on failed (nothing was saved), off when turning off failed (the choice was
 * saved; the entry or the agent is what is left).
 */
public final class AutostartViewModel {
    private final Autostart autostart;
    private final Async async;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final Optional<String> unsupported;
    private final String hint;
    private boolean applying;

    /** {@code enabled}: the saved choice, read off the FX thread with the rest of the form. */
    public AutostartViewModel(Autostart autostart, boolean enabled, Async async) {
        this.autostart = autostart;
        this.async = async;
        this.unsupported = autostart.unsupported();
        this.hint = autostart.hint();
        on.set(enabled && unsupported.isEmpty());
        on.addListener((o, was, now) -> {
            if (!applying) {
                apply(now);
            }
        });
    }

    private void apply(boolean now) {
        busy.set(true);
        error.set("");
        async.run(() -> {
            if (now) {
                autostart.turnOn();
            } else {
                try {
                    autostart.turnOff();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while stopping the reminder agent", e);
                }
            }
            return now;
        }, done -> busy.set(false), e -> {
            busy.set(false);
            error.set(e instanceof UncheckedIOException u && u.getMessage() != null ? u.getMessage()
                    : Feedback.why(e));
            if (now) {
                applying = true;
                on.set(false);
                applying = false;
            }
        });
    }

    /** Checked: the agent starts with the session. Setting it applies the change. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** True while a change is being applied. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last change failed; "" when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Why the choice is not offered on this device (no launcher); empty when it is. */
    public Optional<String> unsupported() {
        return unsupported;
    }

    /** How this platform starts the agent and shows reminders, said under the check box. */
    public String hint() {
        return hint;
    }
}
