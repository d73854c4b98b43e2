package dev.tandem.app.vm;

/** One step of a connection check as the settings dialog lists it. */
public record CheckStep(String name, boolean ok, String message) {
}
