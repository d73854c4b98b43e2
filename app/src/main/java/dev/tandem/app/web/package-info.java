/**
 * The web companion: {@code tandem serve} and the desktop's "Open on phone…" run this device's store
 * behind a small HTTP server (Jetty 12's core handlers) that serves the page from ui-resources and a
 * JSON API to it, with pairing, sessions, CSRF checks and live change events. It uses the model and the
 * text layer as the desktop does (quick add, recurrence, validation are not written twice) and knows no
 * UI toolkit. docs/WEB.md describes it and its threat model.
 */
package dev.tandem.app.web;
