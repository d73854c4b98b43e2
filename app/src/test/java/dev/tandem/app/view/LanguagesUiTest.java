package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.testing.ScreenWords;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * German and French as a person meets them: no screen shows a plain English word or a word cut short, in a window
 * opened at 1366 × 768 and made 760 px wide (a list with a todo open, the Inbox, the week, F1), and in Settings,
 * Backups, the encryption keys, sharing a list and the quick-add window.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LanguagesUiTest {
    @TempDir
    static Path tmp;

    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    @Test
    void german_everyScreen_noEnglishWordAndNoWordCut() throws Exception {
        check(Language.GERMAN);
    }

    @Test
    void french_everyScreen_noEnglishWordAndNoWordCut() throws Exception {
        check(Language.FRENCH);
    }

    private void check(Language language) throws Exception {
        List<String> found = new ArrayList<>();
        try (LanguageScreens screens = new LanguageScreens(tmp, language)) {
            Set<String> data = screens.data();
            for (double[] size : new double[][] {{1366, 768}, {760, 768}}) {
                String at = " at " + (int) size[0] + ": ";
                screens.window(size[0], size[1]);
                read(screens.listWithTodo(), at, data, language, found);
                read(screens.inboxWithTodo(), at, data, language, found);
                read(screens.shortcuts(), at, data, language, found);
                screens.closeShortcuts();
                read(screens.inbox(), at, data, language, found);
                read(screens.week(), at, data, language, found);
            }
            for (LanguageScreens.Screen s : List.of(screens.settings(), screens.backups(), screens.keys(), screens.share(),
                    screens.quickAddWindow())) {
                read(s, ": ", data, language, found);
            }
        }
        assertEquals(List.of(), found, language.nativeName() + ": English words or words cut short on screen");
    }

    private static void read(LanguageScreens.Screen s, String at, Set<String> data, Language language, List<String> found)
            throws Exception {
        onFx(() -> {
            ScreenWords.english(s.root(), language, data).forEach(w -> found.add(s.name() + at + "English " + w));
            ScreenWords.cut(s.root(), data).forEach(w -> found.add(s.name() + at + "cut " + w));
            return null;
        });
    }
}
