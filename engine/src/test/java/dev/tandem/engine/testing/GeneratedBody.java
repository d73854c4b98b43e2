package dev.tandem.engine.testing;

import dev.tandem.engine.sync.ObjectBody;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A streamed body of deterministic pseudo-random bytes that are made as they are read, never held:
 * a test can write an object far larger than it could keep in memory and check it with a hash.
 * It counts the streams opened and closed, and can misbehave on purpose: hold more or fewer bytes
 * than it declares, or fail partway.
 */
public final class GeneratedBody implements ObjectBody {
    private final long declared;
    private final long actual;
    private final long seed;
    private final long failAfter;
    private final RuntimeException failure;
    private final long every;
    private final Runnable hook;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    private GeneratedBody(long declared, long actual, long seed, long failAfter, RuntimeException failure, long every,
                          Runnable hook) {
        this.declared = declared;
        this.actual = actual;
        this.seed = seed;
        this.failAfter = failAfter;
        this.failure = failure;
        this.every = every;
        this.hook = hook;
    }

    /** {@code length} bytes made from {@code seed}, declared as such. */
    public static GeneratedBody of(long length, long seed) {
        return new GeneratedBody(length, length, seed, -1, null, 0, null);
    }

    /** The same bytes, but declared as {@code declared} bytes long: a body that lies about its length. */
    public GeneratedBody declaring(long declared) {
        return new GeneratedBody(declared, actual, seed, failAfter, failure, every, hook);
    }

    /** The same bytes, but each stream throws an IOException once {@code bytes} were read. */
    public GeneratedBody failingAfter(long bytes) {
        return new GeneratedBody(declared, actual, seed, bytes, null, every, hook);
    }

    /** The same bytes, but each stream throws {@code failure} once {@code bytes} were read. */
    public GeneratedBody failingAfter(long bytes, RuntimeException failure) {
        return new GeneratedBody(declared, actual, seed, bytes, failure, every, hook);
    }

    /** The same bytes; {@code hook} runs on the reading thread each time another {@code bytes} were read. */
    public GeneratedBody onEvery(long bytes, Runnable hook) {
        return new GeneratedBody(declared, actual, seed, failAfter, failure, bytes, hook);
    }

    @Override
    public long length() {
        return declared;
    }

    @Override
    public InputStream open() {
        opened.incrementAndGet();
        return new Stream(true);
    }

    public int opened() {
        return opened.get();
    }

    public int closed() {
        return closed.get();
    }

    /** All the bytes a stream gives, in memory: only for bodies small enough. */
    public byte[] bytes() {
        try (InputStream in = new Stream(false)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("a generated body does not fail unless asked to", e);
        }
    }

    /** The SHA-256 of the bytes a stream gives, made again without holding them. */
    public byte[] sha256() {
        MessageDigest sha = newSha256();
        byte[] buf = new byte[64 << 10];
        try (InputStream in = new Stream(false)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new AssertionError("a generated body does not fail unless asked to", e);
        }
        return sha.digest();
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    /** xorshift64*, one 8-byte word at a time, little-endian. */
    private final class Stream extends InputStream {
        private long state = seed * 0x9E3779B97F4A7C15L | 1;
        private long word;
        private int wordLeft;
        private long position;
        private long nextHook = every;
        private final boolean counted;
        private boolean isClosed;

        Stream(boolean counted) {
            this.counted = counted;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (isClosed) {
                throw new IOException("read after close");
            }
            if (len == 0) {
                return 0;
            }
            if (failAfter >= 0 && position >= failAfter) {
                if (failure != null) {
                    throw failure;
                }
                throw new IOException("the disk holding the attachment went away");
            }
            long left = actual - position;
            if (failAfter >= 0) {
                left = Math.min(left, failAfter - position);
            }
            if (every > 0) {
                left = Math.min(left, nextHook - position);
            }
            if (left <= 0 && position >= actual) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                if (wordLeft == 0) {
                    state ^= state >>> 12;
                    state ^= state << 25;
                    state ^= state >>> 27;
                    word = state * 0x2545F4914F6CDD1DL;
                    wordLeft = 8;
                }
                b[off + i] = (byte) word;
                word >>>= 8;
                wordLeft--;
            }
            position += n;
            if (every > 0 && position == nextHook) {
                nextHook += every;
                hook.run();
            }
            return n;
        }

        @Override
        public void close() {
            if (!isClosed && counted) {
                closed.incrementAndGet();
            }
            isClosed = true;
        }
    }
}
