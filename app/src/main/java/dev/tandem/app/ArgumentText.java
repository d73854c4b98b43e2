package dev.tandem.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The command line's arguments as they were typed, whatever the locale.
 *
 * <p>The JVM decodes its arguments with the locale's character set ({@code sun.jnu.encoding}, read-only). Under
 * {@code LANG=C} or no {@code LANG} at all (cron, systemd units, ssh, containers) that is ASCII, and every byte of
 * "Café" past the "f" becomes U+FFFD: stored so, and synced to every device. Nothing in the JVM can decode them
 * again, so this reads the bytes themselves where the system keeps them ({@code /proc/self/cmdline} on Linux: the
 * process's argv, NUL after each) and decodes the arguments' share as UTF-8, as every current desktop writes them
 * (the C locale says nothing of them beyond ASCII; Python reads them the same way, PEP 538). Only when an
 * argument holds U+FFFD: otherwise the JVM's decoding stands (a UTF-8 locale, macOS, Windows's wide argv, a
 * Latin-1 locale that decoded them right).
 *
 * <p>Never silently: an argument whose bytes are not UTF-8 either, or bytes that cannot be read, make
 * {@link #decode} refuse, and nothing runs (the caller says so and exits 2).
 */
public final class ArgumentText {
    private static final char REPLACEMENT = '\uFFFD';

    private ArgumentText() {
    }

    /** The arguments cannot be read as typed: the {@code index}-th (0-based) is neither the locale's nor UTF-8. */
    public static final class Unreadable extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;

        Unreadable(int index) {
            super("argument " + (index + 1) + " is not text this system can read");
            this.index = index;
        }

        /** Which argument, from 0; -1 when the system keeps no bytes to read them again. */
        public int index() {
            return index;
        }
    }

    /** {@code args} as typed: the JVM's, or decoded again from the process's own bytes on Linux. */
    public static String[] decode(String[] args) {
        return decode(args, ArgumentText::procCmdline);
    }

    /** As {@link #decode(String[])}, the raw command line from {@code cmdline} (empty: none kept). */
    static String[] decode(String[] args, Supplier<Optional<byte[]>> cmdline) {
        if (Arrays.stream(args).noneMatch(a -> a.indexOf(REPLACEMENT) >= 0)) {
            return args;
        }
        List<byte[]> raw = cmdline.get().map(ArgumentText::split).orElse(List.of());
        if (raw.size() < args.length) {
            throw new Unreadable(-1);
        }
        // The last arguments of the process are the program's: before them come java, its options and the class.
        List<byte[]> mine = raw.subList(raw.size() - args.length, raw.size());
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!sameAscii(mine.get(i), args[i])) {
                throw new Unreadable(-1);
            }
            try {
                out[i] = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(mine.get(i))).toString();
            } catch (CharacterCodingException e) {
                throw new Unreadable(i);
            }
        }
        return out;
    }

    /** Whether the bytes and the JVM's string hold the same ASCII characters in the same order (the same argument). */
    static boolean sameAscii(byte[] bytes, String decoded) {
        StringBuilder a = new StringBuilder();
        for (byte b : bytes) {
            if (b >= 0) {
                a.append((char) b);
            }
        }
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x80) {
                d.append(c);
            }
        }
        return a.toString().contentEquals(d);
    }

    /** argv as the kernel keeps it: each argument followed by a NUL. */
    static List<byte[]> split(byte[] cmdline) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                out.add(Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            out.add(Arrays.copyOfRange(cmdline, start, cmdline.length));
        }
        return out;
    }

    private static Optional<byte[]> procCmdline() {
        try {
            return Optional.of(Files.readAllBytes(Path.of("/proc/self/cmdline")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
