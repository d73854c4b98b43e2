package dev.tandem.app.transfer;

import dev.tandem.ui.messages.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * YAML front matter: a block between {@code ---} lines at the top of a Markdown file. Parsed and
 * written by snakeyaml-engine (YAML 1.2), which quotes what needs quoting (a title with a colon or a
 * leading {@code #}) and builds only plain maps, lists and scalars: no types named by the file, no
 * recursion, at most a few aliases, and a size cap, so a hostile header cannot run code or blow up.
 *
 * @param fields the header's keys and values (empty when there is no header)
 * @param body   the text after it
 */
record FrontMatter(Map<String, Object> fields, String body) {
    private static final int MAX_HEADER_CHARS = 256 * 1024;

    static FrontMatter parse(String text, String file, String where) {
        // A header written with \n (as Tandem writes it) leaves the body as it is, so notes holding \r\n come
        // back exactly; a file an editor turned to \r\n throughout is read with \n, as any other.
        String t = text;
        int[] close = t.startsWith("---\n") ? close(t) : null;
        if (close == null || t.substring(0, close[0]).indexOf('\r') >= 0) {
            t = text.replace("\r\n", "\n");
            if (!t.startsWith("---\n")) {
                return new FrontMatter(Map.of(), t);
            }
            close = close(t);
        }
        if (close == null) {
            throw new ImportException(file, where + ", " + Messages.text("transfer.where.line", "1"),
                    Messages.text("transfer.frontMatter.unclosed"));
        }
        int end = close[0];
        int bodyStart = close[1];
        String yaml = t.substring(4, end + 1);
        if (yaml.length() > MAX_HEADER_CHARS) {
            throw new ImportException(file, where, Messages.text("transfer.frontMatter.tooLarge",
                    String.valueOf(MAX_HEADER_CHARS / 1024)));
        }
        // The reader's buffer holds the whole header: snakeyaml-engine 2.10 fails (IndexOutOfBounds) on a
        // surrogate pair split at its buffer's edge, which a long emoji title reaches. The header is capped above.
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
                .setAllowRecursiveKeys(false).setCodePointLimit(MAX_HEADER_CHARS).setLabel(where)
                .setBufferSize(Math.max(1024, yaml.length() + 2)).build();
        Object parsed;
        try {
            parsed = new Load(settings).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 2).orElse(1);
            throw new ImportException(file, where + ", " + Messages.text("transfer.where.line", String.valueOf(line)),
                    Messages.text("transfer.frontMatter.notYaml", Limits.shorten(String.valueOf(e.getProblem()))), e);
        } catch (YamlEngineException e) {
            throw new ImportException(file, where,
                    Messages.text("transfer.frontMatter.notYaml", Limits.shorten(e.getMessage())), e);
        } catch (RuntimeException e) {
            // A bug in the library on some odd input is still a file Tandem cannot read, not a crash of the import.
            throw new ImportException(file, where, Messages.text("transfer.frontMatter.unreadable",
                    Limits.shorten(e.getClass().getSimpleName() + ": " + e.getMessage())), e);
        }
        if (parsed != null && !(parsed instanceof Map)) {
            throw new ImportException(file, where, Messages.text("transfer.frontMatter.notMap"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (parsed instanceof Map<?, ?> m) {
            m.forEach((k, v) -> fields.put(String.valueOf(k), v));
        }
        return new FrontMatter(fields, bodyStart >= t.length() ? "" : t.substring(bodyStart));
    }

    /** Where the header ends (the \n before its closing line) and the body starts; null when it never closes. */
    private static int[] close(String t) {
        int end = t.indexOf("\n---\n", 3);
        if (end >= 0) {
            return new int[] {end, end + 5};
        }
        if (t.endsWith("\n---")) {
            return new int[] {t.length() - 4, t.length()};
        }
        end = t.indexOf("\n...\n", 3);
        return end < 0 ? null : new int[] {end, end + 5};
    }

    /** A field as text: a string, or a scalar's text; empty for a missing field, a list or a map. */
    Optional<String> text(String key) {
        Object v = fields.get(key);
        if (v == null || v instanceof Map || v instanceof Iterable) {
            return Optional.empty();
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A field as it is, white space kept (a title Tandem wrote); empty for a missing field, a list or a map. */
    Optional<String> exact(String key) {
        Object v = fields.get(key);
        if (v == null || v instanceof Map || v instanceof Iterable) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(v));
    }

    /**
     * The body {@link #render} wrote, without what render added: the blank line after the header and the
     * final newline. Null when render had no body. Anything else is taken as it is, so a body edited by hand
     * (a newline lost or added by an editor) loses at most that.
     */
    String verbatimBody() {
        if (body.isEmpty() || body.equals("\n")) {
            return null;
        }
        String b = body.startsWith("\n") ? body.substring(1) : body;
        return b.endsWith("\n") ? b.substring(0, b.length() - 1) : b;
    }

    /**
     * The file: the fields (null values left out) as a YAML block, then, when there is a body, a blank
     * line, the body exactly as given and a newline ({@link #verbatimBody} takes both off again).
     */
    static String render(Map<String, Object> fields, String body) {
        Map<String, Object> present = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(Integer.MAX_VALUE)
                .setSplitLines(false).build();
        String yaml = new Dump(settings).dumpToString(present);
        return "---\n" + yaml + "---\n" + (body == null ? "" : "\n" + body + "\n");
    }
}
