package dev.tandem.app.web;

import java.time.Instant;

/**
 * A one-time invitation for a browser: the {@code token} goes in the QR code's URL fragment (never
 * sent to a server log), the short {@code code} is for typing; either works once, until {@code expiresAt}.
 *
 * @param url the page's address with the token in its fragment, for the QR code
 */
public record Pairing(String token, String code, Instant expiresAt, String url) {
}
