package dev.tandem.app.transfer;

import dev.tandem.app.model.NameUuid;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Tandem id of something imported, derived from where it came from: the same source and source
 * id always give the same id, so importing a file twice finds the first copy and adds nothing. A
 * name-based UUID (RFC 4122 version 5, SHA-1) in a namespace of Tandem's own.
 *
 * <p>A source id that already is a UUID (Tandem's own exports; Nextcloud, Apple and most CalDAV
 * apps use UUIDs as iCalendar UIDs) is kept as it is: it is unique by construction, and keeping it
 * makes an export imported back into the same profile meet its originals.
 */
public final class StableIds {
    // Never change: a new namespace would make re-importing a file duplicate everything it imported before.
    private static final UUID NAMESPACE = UUID.fromString("6f1c1bd6-5a57-4c1e-9d3e-2f0f8c7b9a10");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private StableIds() {
    }

    /** {@code kind}: what the id names within the source ("todoist-task", "joplin-note", …). */
    public static String of(String source, String kind, String sourceId) {
        if (sourceId != null && UUID_TEXT.matcher(sourceId).matches()) {
            return sourceId.toLowerCase(Locale.ROOT);
        }
        return derived(source + "\u0000" + kind + "\u0000" + sourceId);
    }

    /** Always derived, never the source id itself: for keys that are not ids (paths, names). */
    public static String derived(String name) {
        return NameUuid.of(NAMESPACE, name).toString();
    }
}
