package dev.tandem.engine.internal;

import dev.tandem.engine.Db;
import dev.tandem.engine.Synchronous;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** PLACEHOLDER: being written. */
public abstract class DefaultDb implements Db {
    public record Config(Path file, Synchronous synchronous, Executor callbackExecutor, int readers,
                         Duration busyTimeout, Clock clock, Consumer<Throwable> callbackErrorHandler) {
    }

    public static Db open(Config config) {
        throw new UnsupportedOperationException("in progress");
    }
}
