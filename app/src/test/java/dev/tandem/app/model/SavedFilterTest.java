package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SavedFilterTest {
    @Test
    void isColor_sixHexDigitsAfterHash_accepted() {
        for (String c : List.of("#000000", "#ffffff", "#FFFFFF", "#3366cc", "#D9480f", "#a1B2c3")) {
            assertTrue(SavedFilter.isColor(c), c);
        }
    }

    @Test
    void isColor_styleOrScriptSmuggledIn_refused() {
        List<String> hostile = List.of(
                "#fff;x", "#ffffff;", "#ffffff; -fx-background-image: url(http://evil/x.png)",
                "#ffffff\n-fx-font-size: 400", "url(#ffffff)", "url(http://evil/)", "red",
                "#ffffff</style><script>alert(1)</script>", "\"#ffffff\"", "#ffffff\u0000",
                " #ffffff", "#ffffff ", "#ff ff ff", "expression(alert(1))", "javascript:alert(1)",
                "#fff", "#fffffff", "ffffff", "##fffff", "#gggggg", "#-12345", "#+12345", "");
        for (String c : hostile) {
            assertFalse(SavedFilter.isColor(c), c);
        }
    }

    @Test
    void isColor_digitsOfOtherScripts_refused() {
        // Character.isDigit and \d in some modes take these; CSS does not.
        List<String> unicode = List.of("#\u0661\u0662\u0663\u0664\u0665\u0666", "#\uff11\uff12\uff13\uff14\uff15\uff16",
                "#\uff21\uff22\uff23\uff24\uff25\uff26", "#\u0967\u0968\u0969\u096a\u096b\u096c", "\uff03ffffff",
                "#ffffff\u200b", "#fff\u0130ff");
        for (String c : unicode) {
            assertFalse(SavedFilter.isColor(c), c);
        }
    }

    @Test
    void isColor_nullOrHugeText_refusedAtOnce() {
        assertFalse(SavedFilter.isColor(null));
        String huge = "#ffffff" + ";x".repeat(5_000_000);
        assertTimeoutPreemptively(Duration.ofMillis(200), () -> assertFalse(SavedFilter.isColor(huge)));
    }
}
