package dev.tandem.engine.internal.changelog;

import java.util.UUID;

/** One attribute of a change: name, value (null, Long, Double, String or byte[]) and the id it replaced. */
public record FieldData(String name, Object value, UUID replaces) {
}
