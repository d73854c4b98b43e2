package dev.tandem.app.vm.settings;

/** One step of a connection check as the settings dialog lists it. */
public record CheckStep(String name, boolean ok, String message) {
}
