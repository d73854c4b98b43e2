package dev.tandem.engine.internal.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.stream.Stream;

/**
 * Tells when files under a folder change, through the JDK's {@link WatchService}: inotify on
 * Linux. It is not recursive there, so it registers every directory below the root and each one
 * that appears later (a new device's {@code heads/<device>/}). Mounts that send no events (SMB,
 * NFS, some FUSE file systems) simply never call back: callers keep polling as well, so a dead
 * watch only costs latency. One daemon thread per watch; closing stops it.
 */
final class FolderWatch implements AutoCloseable {
    private final WatchService service;
    private final Thread thread;

    private FolderWatch(WatchService service, Path root, Runnable onChange) throws IOException {
        this.service = service;
        registerTree(root);
        this.thread = new Thread(() -> loop(onChange), "tandem-folder-watch");
        thread.setDaemon(true);
        thread.start();
    }

    static FolderWatch start(Path root, Runnable onChange) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder");
        }
        WatchService service = FileSystems.getDefault().newWatchService();
        try {
            return new FolderWatch(service, root, onChange);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                try {
                    d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                } catch (NoSuchFileException removedMeanwhile) {
                    continue; // nothing left to watch there
                }
            }
        }
    }

    /**
     * Registers a folder just made, unless it is gone again: a delete removes the folders it leaves
     * empty (FolderStorage), possibly before this thread gets to them, and that must not end the watch.
     */
    private void registerNew(Path created) throws IOException {
        try {
            registerTree(created);
        } catch (NoSuchFileException gone) {
            return;
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e;
            }
        }
    }

    private void loop(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        Path created = dir.resolve(name);
                        if (Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS)) {
                            registerNew(created);
                        }
                    }
                }
                key.reset();
                onChange.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException closed) {
            // close() was called: the watch ends.
        } catch (IOException | RuntimeException e) {
            System.getLogger(FolderWatch.class.getName()).log(System.Logger.Level.WARNING,
                    "Watching the sync folder stopped; sync polls instead", e);
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
