package dev.tandem.ui.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message files: {@code dev/tandem/ui/messages/AREA.properties} (English, the base) and
 * {@code AREA_TAG.properties} beside it, UTF-8. A key's first segment names its area
 * ({@code settings.sync.title} lives in {@code settings.properties}), so a command that prints
 * three messages reads one small file, not the whole catalogue.
 *
 * <p>Files are read once each, on first use, and kept; they are part of the app, never of a profile.
 */
public final class Catalogue {
    /** Every area. A new file enters this list the day it is made; the catalogue test reads them all. */
    public static final List<String> AREAS = List.of("common", "formats", "main", "editor", "settings", "cli",
            "page", "server", "notify", "quickadd", "text", "filter", "transfer");

    private static final Map<String, Map<String, String>> FILES = new ConcurrentHashMap<>();

    private Catalogue() {
    }

    /** The area a key belongs to: its first segment. */
    public static String area(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("message key without an area: " + key);
        }
        return key.substring(0, dot);
    }

    /**
     * The pattern a language gives a key, falling back to English when the language's file lacks
     * it; empty when English lacks it too.
     */
    public static Optional<String> pattern(Language language, String key) {
        String area = area(key);
        if (language != Language.ENGLISH && !language.pseudo()) {
            String own = file(area, language.tag()).get(key);
            if (own != null) {
                return Optional.of(own);
            }
        }
        return Optional.ofNullable(file(area, "").get(key));
    }

    /** One file's keys and patterns in file order: {@code tag} empty for the base (English). */
    public static Map<String, String> file(String area, String tag) {
        return FILES.computeIfAbsent(area + "_" + tag, k -> Collections.unmodifiableMap(read(area, tag)));
    }

    private static Map<String, String> read(String area, String tag) {
        String name = tag.isEmpty() ? area + ".properties" : area + "_" + tag + ".properties";
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Catalogue.class.getResourceAsStream(name)) {
            if (in == null) {
                if (tag.isEmpty() && AREAS.contains(area)) {
                    throw new IllegalStateException("message file missing from the app: " + name);
                }
                return out;
            }
            // Properties keeps no order; each key is also put into an ordered map as it is read, for the tools
            // (the page's patterns, the catalogue test) that list a file in its order.
            Properties p = new Properties() {
                @Override
                public synchronized Object put(Object k, Object v) {
                    out.put((String) k, (String) v);
                    return super.put(k, v);
                }
            };
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message file " + name, e);
        }
        return out;
    }
}
