package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every importer's parser, fed damaged files: a real file of each format with random bytes flipped,
 * spans cut or doubled, the format's own tokens inserted, and nesting piled up. Whatever comes in, the
 * answer is the file read or an {@link ImportException} naming it, never another exception (a
 * parser's own, a stack overflow, running out of memory), within a bound of time; and what a read
 * file writes is written whole or refused with nothing written.
 */
@Tag("property")
class ImportFuzzProperties {
    /** Per damaged file: generous for a 2-core machine under load, far below what a runaway parser takes. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static Path dir;
    private static Map<Format, byte[]> seeds;

    @BeforeContainer
    static void seeds() throws IOException {
        dir = Files.createTempDirectory("import-fuzz");
        Path json = dir.resolve("seed.json");
        try (TodoStore s = Fixtures.store()) {
            s.add("Buy milk", "Groceries", null, LocalDate.of(2026, 12, 1),
                    new TodoDetails(2, List.of("shop"), null, null));
            s.add("note: Packing list", "Travel", null, null, TodoDetails.NONE);
            Transfer.export(s, Format.TANDEM_JSON, json, Progress.NONE);
        }
        Path md = dir.resolve("md");
        Files.createDirectories(md);
        seeds = Map.of(
                Format.TANDEM_JSON, Files.readAllBytes(json),
                Format.ICS, Files.readAllBytes(Fixtures.copy("tasks.ics", md)),
                Format.TODOIST_CSV, Files.readAllBytes(Fixtures.copy("Home.csv", md)),
                Format.MARKDOWN, ("---\ntitle: Fix the tap\ncompleted?: no\ndue: 2026-12-01T10:00:00.000Z\n"
                        + "tags:\n  - home\n---\n\n- [ ] washer\n- [x] spanner\n").getBytes(StandardCharsets.UTF_8),
                Format.JOPLIN_JEX, Files.readAllBytes(Fixtures.copy("household.jex", md)));
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One damage to a file: where (a fraction of its length), what, and with which bytes. */
    record Damage(double at, int kind, int length, String token) {
        byte[] apply(byte[] in) {
            int pos = (int) (at * in.length);
            int end = Math.min(in.length, pos + length);
            byte[] tok = token.getBytes(StandardCharsets.UTF_8);
            return switch (kind) {
                case 0 -> { // flip bits
                    byte[] out = in.clone();
                    for (int i = pos; i < end; i++) {
                        out[i] ^= (byte) (0x55 + i);
                    }
                    yield out;
                }
                case 1 -> concat(slice(in, 0, pos), slice(in, end, in.length)); // cut a span
                case 2 -> concat(slice(in, 0, end), slice(in, pos, in.length)); // double a span
                case 3 -> concat(slice(in, 0, pos), tok, slice(in, pos, in.length)); // insert a token
                default -> slice(in, 0, pos); // truncate
            };
        }
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, Math.max(from, to));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Tokens that mean something to one of the formats, and some that mean trouble to any parser. */
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", "\\", ",", ":", "null", "-1",
            "9999999999999999999999", "1e999", "\"\\ud800\"", "\u0000", "\uFFFF", "\r\n ", "BEGIN:VTODO\r\n",
            "END:VTODO\r\n", "BEGIN:VCALENDAR\r\n", "RELATED-TO:", "RRULE:FREQ=SECONDLY;COUNT=999999999\r\n",
            "DUE:99999999T999999Z\r\n", "DTSTART;TZID=Nowhere/Else:20261201T100000\r\n", "\"\"\"", ",,,,,,", "\n---\n",
            "!!java.lang.Runtime", "&a [*a,*a,*a]", "*a", "type_: 1\n", "parent_id: ", "../../etc/passwd", "PK\u0003\u0004");

    @Provide
    Arbitrary<List<Damage>> damages() {
        Arbitrary<Damage> one = Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(1, 64), Arbitraries.of(TOKENS)).as(Damage::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Format> formats() {
        return Arbitraries.of(Format.TANDEM_JSON, Format.ICS, Format.TODOIST_CSV, Format.MARKDOWN, Format.JOPLIN_JEX);
    }

    @Property(tries = 300)
    void read_damagedFileOfAnyFormat_readOrRefusedNeverAnotherError(@ForAll("formats") Format format,
                                                                    @ForAll("damages") List<Damage> damages) throws Exception {
        byte[] bytes = seeds.get(format);
        for (Damage d : damages) {
            bytes = d.apply(bytes);
        }
        readOrRefused(format, bytes);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void read_nestingPiledUp_readOrRefusedNeverAStackOverflow(@ForAll("formats") Format format,
                                                              @ForAll("depths") int depth) throws Exception {
        String open = switch (format) {
            case TANDEM_JSON -> "[";
            case ICS -> "BEGIN:VTODO\r\n";
            case MARKDOWN -> "---\ntitle: ";
            default -> "\"";
        };
        StringBuilder b = new StringBuilder(format == Format.MARKDOWN ? "---\ntitle: " : "");
        String unit = format == Format.MARKDOWN ? "[" : open;
        b.append(unit.repeat(depth));
        if (format == Format.ICS) {
            b.insert(0, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        }
        readOrRefused(format == Format.JOPLIN_JEX ? Format.TANDEM_JSON : format,
                b.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.of(1_000, 50_000, 400_000);
    }

    private static void readOrRefused(Format format, byte[] bytes) throws Exception {
        String name = switch (format) {
            case TANDEM_JSON -> "in.json";
            case ICS -> "in.ics";
            case TODOIST_CSV -> "in.csv";
            case MARKDOWN -> "in.md";
            case JOPLIN_JEX -> "in.jex";
            case JOPLIN_RAW -> "raw";
        };
        Path file = Files.createTempDirectory(dir, "try").resolve(name);
        Files.write(file, bytes);
        List<Throwable> thrown = new ArrayList<>();
        Thread reader = new Thread(null, () -> {
            try (TodoStore store = Fixtures.store()) {
                store.add("Mine, untouched", null, null);
                List<String> before = Fixtures.rows(store, "items");
                try {
                    Incoming in = Transfer.read(format, file, Clock.systemUTC(), Progress.NONE);
                    ImportWriter.write(store, in, Progress.NONE);
                } catch (ImportException refused) {
                    assertEquals(before, Fixtures.rows(store, "items"), "a refused file writes nothing");
                }
            } catch (Throwable t) {
                thrown.add(t);
            }
        }, "fuzz-reader", 512 * 1024); // a small stack, as a worker thread of the app's may have
        reader.start();
        reader.join(BOUND.toMillis());
        if (reader.isAlive()) {
            reader.interrupt();
            fail(format + ": still reading after " + BOUND.toSeconds() + " s");
        }
        if (!thrown.isEmpty()) {
            Throwable t = thrown.get(0);
            AssertionError e = new AssertionError(format + ": neither read nor refused, but " + t, t);
            throw e;
        }
    }
}
