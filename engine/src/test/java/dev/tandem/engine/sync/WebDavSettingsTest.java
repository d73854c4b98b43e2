package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A WebDAV or CalDAV address as a person types or pastes it: what a file manager or a web page
 * shows (spaces, accents, symbols) and what a browser's address bar copies (percent-encoded) name
 * the same folder, and the address is sent as UTF-8 percent-encoding. The servers' side of it is in
 * SyncWebDavFolderNamesTest and CalDavAccountTest.
 */
@Tag("unit")
class WebDavSettingsTest {
    private static String url(String typed) {
        return new WebDavSettings(typed, "sam", "pw").url();
    }

    @Test
    void url_typedWithSpaces_percentEncodedAsUtf8() {
        assertEquals("https://cloud.example.com/remote.php/dav/files/sam/My%20Tasks",
                url("https://cloud.example.com/remote.php/dav/files/sam/My Tasks"));
    }

    @Test
    void url_typedWithAccentsAndSymbols_percentEncodedAsUtf8() {
        assertEquals("https://nas.local/dav/Donn%C3%A9es-%E2%9C%93/%F0%9F%93%9D",
                url("https://nas.local/dav/Données-✓/\uD83D\uDCDD"));
    }

    @Test
    void url_alreadyPercentEncoded_keptByteForByte() {
        for (String encoded : new String[] {"https://h/dav/My%20Tasks", "https://h/dav/Donn%c3%a9es-%E2%9C%93/",
                "http://127.0.0.1:8080/a%2Fb", "https://h/~sam/(2026)/a+b;c=d,e@f:g!$&'*"}) {
            assertEquals(encoded, url(encoded));
        }
        assertEquals("https://h/dav/My%20Tasks%20and%20more", url("https://h/dav/My%20Tasks and more"),
                "a mix: only what a URL cannot hold is encoded");
    }

    @Test
    void url_percentNotFollowedByTwoHexDigits_encodedAsPercent25() {
        assertEquals("https://h/dav/100%25/50%25off", url("https://h/dav/100%/50%off"));
    }

    @Test
    void url_hashOrQuestionMarkInAName_refusedSayingHowToWriteThem() {
        IllegalArgumentException hash = assertThrows(IllegalArgumentException.class, () -> url("https://h/dav/Tasks #2"));
        assertTrue(hash.getMessage().startsWith("url: ") && hash.getMessage().contains("%23"), hash.getMessage());
        IllegalArgumentException question = assertThrows(IllegalArgumentException.class, () -> url("https://h/dav/Why?"));
        assertTrue(question.getMessage().contains("%3F"), question.getMessage());
    }

    @Test
    void url_nonAsciiHostName_sentInItsAsciiForm() {
        assertEquals("https://xn--bcher-kva.example:8443/dav/B%C3%BCcher", url("https://bücher.example:8443/dav/Bücher"));
    }

    @Test
    void url_lineBreakOrTabInside_refusedAsAPasteMistake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> url("https://h/dav/My\nTasks"));
        assertTrue(e.getMessage().startsWith("url: ") && e.getMessage().contains("line break"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> url("https://h/dav/My\tTasks"));
    }

    @Test
    void url_noSchemeOrUserInside_refusedWithAHint() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> url("cloud.example.com/My Tasks"));
        assertTrue(none.getMessage().startsWith("url: must be an http(s) URL"), none.getMessage());
        IllegalArgumentException user = assertThrows(IllegalArgumentException.class, () -> url("https://sämi@h/dav/x"));
        assertTrue(user.getMessage().contains("own fields"), user.getMessage());
    }

    @Test
    void encodeUrl_appliedTwice_sameAddress() {
        String once = WebDavSettings.encodeUrl(" https://bücher.example/dav/My Tasks/Données-✓/100% ");
        assertEquals("https://xn--bcher-kva.example/dav/My%20Tasks/Donn%C3%A9es-%E2%9C%93/100%25", once);
        assertEquals(once, WebDavSettings.encodeUrl(once));
        assertEquals(once, url(once));
    }
}
