package dev.tandem.app.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * An operating-system lock on a file in the profile folder, held while a process runs: {@link #WINDOW}
 * while a window is open ({@code tandem agent} rings nothing then, so one reminder makes one
 * notification, the window's), {@link #AGENT} while an agent runs (a second one on the profile exits;
 * the file holds the agent's process id, for {@code tandem agent --stop}). The OS drops a lock when its
 * process ends, however it ends: a crashed window never silences the agent, a killed agent never blocks
 * the next. The window lock is a preference between two processes, not what keeps a reminder from ringing
 * twice: that is {@code ReminderStore.claim}.
 */
public final class ProfileLock implements AutoCloseable {
    public static final String WINDOW = "window.lock";
    public static final String AGENT = "agent.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ProfileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock {@code name} on {@code dataDir} and writes this process's id into it; null when
     * another process holds it, or the file cannot be opened (logged: the window works without it; the
     * agent then merely rings too, and the claim still keeps each reminder to one process).
     */
    public static ProfileLock hold(Path dataDir, String name) {
        try {
            ProfileLock l = take(dataDir, name);
            if (l != null) {
                l.channel.truncate(0);
                byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
                l.channel.write(ByteBuffer.wrap(pid), 0);
            }
            return l;
        } catch (IOException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, name + " not taken", e);
            return null;
        }
    }

    /** Whether some process holds the lock {@code name} on {@code dataDir} now: tries it and lets go at once. */
    public static boolean held(Path dataDir, String name) {
        try {
            ProfileLock l = take(dataDir, name);
            if (l == null) {
                return true;
            }
            l.close();
            return false;
        } catch (IOException e) {
            // Not knowing, ring: a notification too many beats a reminder lost.
            return false;
        }
    }

    /** The id of the process holding {@code name} on {@code dataDir}; empty when nobody holds it. */
    public static OptionalLong holder(Path dataDir, String name) {
        if (!held(dataDir, name)) {
            return OptionalLong.empty();
        }
        try {
            String s = new String(Files.readAllBytes(dataDir.resolve(name)), StandardCharsets.US_ASCII).strip();
            return s.matches("[0-9]{1,19}") ? OptionalLong.of(Long.parseLong(s)) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static ProfileLock take(Path dataDir, String name) throws IOException {
        FileChannel ch = FileChannel.open(dataDir.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            // This JVM holds it already (a window and an agent in one test process).
            l = null;
        }
        if (l == null) {
            ch.close();
            return null;
        }
        return new ProfileLock(ch, l);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
