package dev.tandem.app.web;

import dev.tandem.app.settings.LanguageSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.ui.messages.Language;
import java.util.Optional;

/**
 * The language a request is answered in (the page's words, and the sentences of the server's answers), first
 * match wins: the profile's choice (Settings → Language), else the language {@code tandem serve} was told to
 * speak ({@code --lang}, {@code TANDEM_LANG}), else the browser's {@code Accept-Language}. Several browsers in
 * several languages may share one server, so this is decided per request, never for the process.
 *
 * <p>Bounded: Jetty caps the header's size; {@link Language#negotiate} reads at most 32 of its entries.
 */
final class RequestLanguage {
    private final SettingsStore settings;
    private final Language serving;

    /** {@code serving}: the language the serving process was told to speak, or null when it was not told. */
    RequestLanguage(SettingsStore settings, Language serving) {
        this.settings = settings;
        this.serving = serving;
    }

    Language of(String acceptLanguage) {
        return LanguageSetting.saved(settings).or(() -> Optional.ofNullable(serving))
                .orElseGet(() -> Language.negotiate(acceptLanguage));
    }
}
