package dev.tandem.engine;

/**
 * SQLite's {@code synchronous} setting, which decides what is on disk when a save returns. With the
 * write-ahead log: {@link #FULL} (the default) fsyncs the log on every commit, so a returned save
 * survives power loss; {@link #NORMAL} survives a process crash but may lose the last commits on
 * power loss; {@link #OFF} leaves flushing to the operating system.
 */
public enum Synchronous { OFF, NORMAL, FULL, EXTRA }
