package dev.tandem.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The machine's one mDNS port, held by one test at a time. Every responder binds UDP 5353 (JmDNS fixes
 * the port, as RFC 6762 does), and the kernel hands a unicast query to only one of the sockets bound
 * there: a responder in another fork of the same run, or in another run on the machine, would take
 * the queries a test sends to its own. A test that announces or asks on 5353 holds this lock, a file
 * lock in the machine's temporary folder, so it holds across processes; everything else runs in
 * parallel as before.
 */
public final class MdnsPort implements AutoCloseable {
    private static final Path LOCK = Path.of(System.getProperty("tandem.machineLockDir", "/tmp"), "tandem-tests-mdns-5353.lock");

    private final FileChannel channel;
    private final FileLock lock;

    private MdnsPort(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other process's test holds port 5353, then holds it until {@link #close()}. */
    public static MdnsPort hold() {
        try {
            FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new MdnsPort(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + LOCK, e);
        }
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
