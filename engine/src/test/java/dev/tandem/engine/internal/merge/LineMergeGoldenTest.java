package dev.tandem.engine.internal.merge;

import static dev.tandem.engine.testing.GoldenOut.obj;

import dev.tandem.engine.testing.GoldenOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of the line merge for the JavaScript core: 3,000 seeded three-way merges of short
 * texts over a small vocabulary (so sides overlap, repeat lines and insert at one place often), each
 * with the engine's answer (the merged text, or null for a conflict), and sameLines for each pair.
 */
@Tag("unit")
class LineMergeGoldenTest {
    static final String[] LINES = {"a", "b", "c", "milk", "- [ ] eggs", "- [x] eggs", "", " ", "\r", "🧀", "\u00a0"};

    static String text(Random r, int max) {
        int n = r.nextInt(max + 1);
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(LINES[r.nextInt(LINES.length)]);
        }
        return String.join("\n", l);
    }

    static String edit(Random r, String base) {
        List<String> l = new ArrayList<>(List.of(base.split("\n", -1)));
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(l.size() + 1);
            switch (r.nextInt(3)) {
                case 0 -> l.add(at, LINES[r.nextInt(LINES.length)]);
                case 1 -> l.set(Math.min(at, l.size() - 1), LINES[r.nextInt(LINES.length)]);
                default -> {
                    if (l.size() > 1) {
                        l.remove(Math.min(at, l.size() - 1));
                    }
                }
            }
        }
        return String.join("\n", l);
    }

    @Test
    void write_randomMerges() {
        Random r = new Random(90);
        List<Object> cases = new ArrayList<>();
        int merged = 0;
        for (int i = 0; i < 3000; i++) {
            String base = text(r, 8);
            String a = r.nextInt(10) == 0 ? text(r, 8) : edit(r, base);
            String b = r.nextInt(10) == 0 ? text(r, 8) : edit(r, base);
            Optional<String> m = LineMerge.merge(base, a, b);
            merged += m.isPresent() ? 1 : 0;
            cases.add(obj("base", base, "older", a, "newer", b, "merged", m.orElse(null),
                    "sameLines", LineMerge.sameLines(a, b)));
        }
        if (merged < 300 || merged > 2900) {
            throw new AssertionError("the vocabulary should give both merges and conflicts, got " + merged + " merges");
        }
        new GoldenOut("merge").json("line-merge", obj("cases", cases));
    }
}
