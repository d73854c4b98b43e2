package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.LanguageSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Language saves the profile's choice and says when it differs from the language running now. */
@Tag("unit")
class LanguageViewModelTest {
    @TempDir
    Path tmp;

    private LanguageViewModel vm(SettingsStore store, Language system) {
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        return new LanguageViewModel(LanguageSetting.saved(store), system, Messages.language(),
                l -> LanguageSetting.save(store, l), async);
    }

    @Test
    void choices_systemDefaultThenShippedLanguagesByNativeName() {
        LanguageViewModel vm = vm(new SettingsStore(tmp), Language.GERMAN);
        List<String> labels = vm.choices().stream().map(LanguageViewModel.Choice::label).toList();
        assertEquals(List.of("System default (Deutsch)", "English", "Deutsch", "Français"), labels);
        assertEquals(Optional.empty(), vm.selectedProperty().get().language(), "nothing saved: the system's");
    }

    @Test
    void choose_language_savesUiLanguageAndReadsBack() {
        SettingsStore store = new SettingsStore(tmp);
        LanguageViewModel vm = vm(store, Language.ENGLISH);
        vm.choose(Optional.of(Language.FRENCH));
        assertEquals("fr", store.get(LanguageSetting.KEY, ""));
        assertEquals(Optional.of(Language.FRENCH), vm(store, Language.ENGLISH).selectedProperty().get().language(),
                "a form opened later shows the saved choice");
    }

    @Test
    void choose_systemDefault_removesTheSavedLanguage() {
        SettingsStore store = new SettingsStore(tmp);
        LanguageSetting.save(store, Optional.of(Language.GERMAN));
        LanguageViewModel vm = vm(store, Language.ENGLISH);
        assertEquals(Optional.of(Language.GERMAN), vm.selectedProperty().get().language());
        vm.choose(Optional.empty());
        assertEquals(Optional.empty(), LanguageSetting.saved(store));
        assertEquals("", store.get(LanguageSetting.KEY, ""));
    }

    @Test
    void notice_choiceDiffersFromRunningLanguage_saysSoOnlyThen() {
        Language running = Messages.language();
        Language other = running == Language.GERMAN ? Language.FRENCH : Language.GERMAN;
        LanguageViewModel vm = vm(new SettingsStore(tmp), running);
        assertEquals("", vm.noticeProperty().get(), "the system's language is the one running");
        vm.choose(Optional.of(other));
        assertEquals("Tandem will use " + other.nativeName() + " the next time it starts.", vm.noticeProperty().get());
        vm.choose(Optional.of(running));
        assertEquals("", vm.noticeProperty().get());
        vm.choose(Optional.of(other));
        vm.choose(Optional.empty());
        assertEquals("", vm.noticeProperty().get(), "back to the system's, which is running");
    }

    /** {@code tandem --lang de} on a system in English (C.UTF-8): the system's entry names English, and the form says --lang decides. */
    @Test
    void forcedByLangFlag_systemEntryNamesTheSystemsLanguage_andTheNoticeSaysWhatDecides() {
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        SettingsStore store = new SettingsStore(tmp);
        LanguageViewModel vm = new LanguageViewModel(Optional.empty(), Language.ENGLISH, Language.GERMAN, Optional.of("--lang"),
                l -> LanguageSetting.save(store, l), async);
        assertEquals("System default (English)", vm.choices().get(0).label());
        assertEquals("Tandem speaks Deutsch now because of --lang; the choice here applies when it starts without it.",
                vm.noticeProperty().get());
        vm.choose(Optional.of(Language.FRENCH));
        assertEquals("fr", store.get(LanguageSetting.KEY, ""));
        assertEquals("Tandem speaks Deutsch now because of --lang; the choice here applies when it starts without it.",
                vm.noticeProperty().get(), "the flag still decides this run and the next one started with it");
    }

    @Test
    void notice_systemDefaultIsAnotherLanguage_saysWhichOne() {
        LanguageViewModel vm = vm(new SettingsStore(tmp), Language.FRENCH);
        assertTrue(Messages.language() != Language.FRENCH);
        assertEquals("", vm.noticeProperty().get(), "nothing chosen yet: no notice");
        vm.choose(Optional.of(Messages.language()));
        vm.choose(Optional.empty());
        assertEquals("Tandem will use Français the next time it starts.", vm.noticeProperty().get());
    }
}
