package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Settings → Language: the system's language, or one Tandem ships. A choice is saved at once, off
 * the FX thread, and takes effect when Tandem next starts (every word is looked up once, as the
 * window is built), so after a change the form says so whenever the choice is not the language running
 * now.
 */
public final class LanguageViewModel {
    /** One entry of the choice: empty {@code language} is "the system's". */
    public record Choice(Optional<Language> language, String label) {
    }

    private final Language system;
    private final Language running;
    private final List<Choice> choices = new ArrayList<>();
    private final ObjectProperty<Choice> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final Optional<String> forcedBy;

    /**
     * {@code saved}: the profile's choice now; {@code system}: the language the system asks for;
     * {@code running}: the language of this process ({@link Messages#language()});
     * {@code save}: stores a choice (empty for the system's), run off the FX thread.
     */
    public LanguageViewModel(Optional<Language> saved, Language system, Language running,
                             Consumer<Optional<Language>> save, Async async) {
        this(saved, system, running, Optional.empty(), save, async);
    }

    /**
     * As above; {@code forcedBy} names what chose the running language over any choice here ({@code --lang},
     * {@code TANDEM_LANG}), which the form then says (a choice is still saved, for starts without it).
     */
    public LanguageViewModel(Optional<Language> saved, Language system, Language running, Optional<String> forcedBy,
                             Consumer<Optional<Language>> save, Async async) {
        this.system = system;
        this.running = running;
        this.forcedBy = forcedBy;
        choices.add(new Choice(Optional.empty(), Messages.text("settings.language.system", system.nativeName())));
        for (Language l : Language.shipped()) {
            choices.add(new Choice(Optional.of(l), l.nativeName()));
        }
        selected.set(choiceOf(saved));
        forcedBy.ifPresent(by -> notice.set(Messages.text("settings.language.forced", running.nativeName(), by)));
        selected.addListener((o, a, b) -> {
            if (b == null) {
                selected.set(a);
                return;
            }
            updateNotice();
            Optional<Language> chosen = b.language();
            async.run(() -> save.accept(chosen));
        });
    }

    /** "System default (…)", then each shipped language by its own name. */
    public List<Choice> choices() {
        return List.copyOf(choices);
    }

    /** The entry chosen; setting it saves the choice. */
    public ObjectProperty<Choice> selectedProperty() {
        return selected;
    }

    /** Chooses {@code language} (empty: the system's), as the view's menu does. */
    public void choose(Optional<Language> language) {
        selected.set(choiceOf(language));
    }

    /**
     * After a change, "Tandem will use … the next time it starts." while the choice differs from the running
     * language; while --lang or TANDEM_LANG chose it, that they decide; else "".
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    private void updateNotice() {
        if (forcedBy.isPresent()) {
            return;
        }
        Language next = selected.get().language().orElse(system);
        notice.set(next == running ? "" : Messages.text("settings.language.restart", next.nativeName()));
    }

    private Choice choiceOf(Optional<Language> language) {
        // A pseudo-language saved by hand is not in the menu: it shows as the system's.
        return choices.stream().filter(c -> c.language().equals(language)).findFirst().orElse(choices.get(0));
    }
}
