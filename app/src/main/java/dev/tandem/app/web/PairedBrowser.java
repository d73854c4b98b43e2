package dev.tandem.app.web;

import java.time.Instant;

/** A browser paired with this device: its name (from the page or its User-Agent), when it paired and was last seen. */
public record PairedBrowser(String id, String name, Instant pairedAt, Instant lastSeen) {
}
