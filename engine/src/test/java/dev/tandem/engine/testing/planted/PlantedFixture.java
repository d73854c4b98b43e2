package dev.tandem.engine.testing.planted;

/** A fixture that starts a child process. */
final class PlantedFixture {
    private PlantedFixture() {
    }

    static Process start() {
        try {
            return new ProcessBuilder("true").start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
