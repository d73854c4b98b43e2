package dev.tandem.app.transfer;

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
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            return new FrontMatter(Map.of(), t);
        }
        int end = t.indexOf("\n---\n", 3);
        int bodyStart = end + 5;
        if (end < 0 && t.endsWith("\n---")) {
            end = t.length() - 4;
            bodyStart = t.length();
        }
        if (end < 0) {
            end = t.indexOf("\n...\n", 3);
            bodyStart = end + 5;
        }
        if (end < 0) {
            throw new ImportException(file, where + ", line 1", "the front matter (---) is never closed");
        }
        String yaml = t.substring(4, end + 1);
        if (yaml.length() > MAX_HEADER_CHARS) {
            throw new ImportException(file, where, "the front matter is larger than " + MAX_HEADER_CHARS / 1024 + " KB");
        }
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
                .setAllowRecursiveKeys(false).setCodePointLimit(MAX_HEADER_CHARS).setLabel(where).build();
        Object parsed;
        try {
            parsed = new Load(settings).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 2).orElse(1);
            throw new ImportException(file, where + ", line " + line, "the front matter is not valid YAML: "
                    + Limits.shorten(String.valueOf(e.getProblem())), e);
        } catch (YamlEngineException e) {
            throw new ImportException(file, where, "the front matter is not valid YAML: " + Limits.shorten(e.getMessage()), e);
        }
        if (parsed != null && !(parsed instanceof Map)) {
            throw new ImportException(file, where, "the front matter must be key: value lines");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (parsed instanceof Map<?, ?> m) {
            m.forEach((k, v) -> fields.put(String.valueOf(k), v));
        }
        return new FrontMatter(fields, bodyStart >= t.length() ? "" : t.substring(bodyStart));
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

    /** The file: the fields (null values left out) as a YAML block, then the body. */
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
        return "---\n" + yaml + "---\n\n" + (body == null ? "" : body) + (body == null || body.endsWith("\n") ? "" : "\n");
    }
}
