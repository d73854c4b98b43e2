package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.ui.messages.Catalogue;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phone page's words in one language, as {@code /messages.json} answers them (the page's i18n.js reads
 * it): the language's tag, its direction and the {@code page.*} patterns, and for a language other than English
 * its quick add table ({@code quickadd}: the catalogue's {@code quickadd_TAG.properties}, the one the desktop's
 * quick add reads beside English), with which the page as its own device reads quick add in that language
 * (the JS core's app/quick-add-grammar.js). {@code tandem serve} answers it per request; {@code tandem page
 * publish} writes it beside the published page, in the profile's language.
 */
public final class PageWords {
    /** Made once per language: the catalogue is part of the app. */
    private static final Map<Language, byte[]> JSON = new ConcurrentHashMap<>();

    private PageWords() {
    }

    /** The JSON bytes (UTF-8); shared, so callers only read them. */
    public static byte[] json(Language language) {
        Objects.requireNonNull(language, "language");
        return JSON.computeIfAbsent(language, l -> JsonText.write(obj("lang", l.tag(),
                "dir", l.rightToLeft() ? "rtl" : "ltr", "messages", Messages.patterns(l, "page"),
                "quickadd", quickAdd(l))).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The language's quick add table, or null where quick add reads English alone: English itself (read by the
     * parser's code) and the pseudo-languages, as the desktop's Grammar has none for them.
     */
    static Map<String, String> quickAdd(Language l) {
        return l == Language.ENGLISH || l.pseudo() ? null : Catalogue.file("quickadd", l.tag());
    }
}
