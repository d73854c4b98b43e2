package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The arguments as typed, from the JVM's decoding or the process's own bytes ({@link ArgumentText}). */
@Tag("unit")
class ArgumentTextTest {
    /** argv as /proc/self/cmdline holds it: each argument and a NUL. */
    private static byte[] cmdline(byte[]... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] a : args) {
            out.writeBytes(a);
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What the JVM makes of UTF-8 bytes under an ASCII locale: each byte past 127 one U+FFFD. */
    private static String asAscii(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : utf8(s)) {
            b.append(x >= 0 ? (char) x : '\uFFFD');
        }
        return b.toString();
    }

    @Test
    void decode_noReplacementCharacter_theJvmsArgumentsAsTheyAre() {
        String[] args = {"add", "Café ☕"};
        assertSame(args, ArgumentText.decode(args, () -> {
            throw new AssertionError("not read when nothing was lost");
        }));
    }

    @Test
    void decode_asciiLocaleLostTheLetters_decodedAgainFromTheBytesAsUtf8() {
        String[] jvm = {"--data-dir", "/tmp/Zoë", "add", asAscii("Café ☕ Grüße")};
        byte[] raw = cmdline(utf8("/usr/bin/java"), utf8("-cp"), utf8("x.jar"), utf8("dev.tandem.app.Main"),
                utf8("--data-dir"), utf8("/tmp/Zoë"), utf8("add"), utf8("Café ☕ Grüße"));
        String[] jvmWithLoss = {jvm[0], asAscii("/tmp/Zoë"), jvm[2], jvm[3]};
        assertArrayEquals(new String[] {"--data-dir", "/tmp/Zoë", "add", "Café ☕ Grüße"},
                ArgumentText.decode(jvmWithLoss, () -> Optional.of(raw)));
    }

    @Test
    void decode_bytesThatAreNotUtf8Either_refusedNamingTheArgument() {
        byte[] latin1 = "Café".getBytes(StandardCharsets.ISO_8859_1);
        String[] jvm = {"add", "Caf\uFFFD"};
        ArgumentText.Unreadable e = assertThrows(ArgumentText.Unreadable.class,
                () -> ArgumentText.decode(jvm, () -> Optional.of(cmdline(utf8("java"), utf8("add"), latin1))));
        assertEquals(1, e.index());
    }

    @Test
    void decode_noBytesToReadOrOtherArguments_refusedNotGuessed() {
        String[] jvm = {"add", asAscii("Café")};
        assertEquals(-1, assertThrows(ArgumentText.Unreadable.class,
                () -> ArgumentText.decode(jvm, Optional::empty)).index());
        assertEquals(-1, assertThrows(ArgumentText.Unreadable.class,
                () -> ArgumentText.decode(jvm, () -> Optional.of(cmdline(utf8("java"), utf8("list"), utf8("Thé"))))).index(),
                "bytes of other arguments are never taken for these");
    }
}
