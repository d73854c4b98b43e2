package dev.tandem.app.web;

import java.time.Instant;

/**
 * A browser paired with this device: its name (given as it paired or later, else from its User-Agent), when it paired
 * and was last seen, and the address it was last seen from (null when not known: paired before addresses were kept).
 */
public record PairedBrowser(String id, String name, Instant pairedAt, Instant lastSeen, String address) {
}
