package dev.tandem.engine.internal.merge;

import java.util.UUID;

/** One version of one attribute: the change that wrote it, its author, and the id it replaced. */
public record FieldVersion(UUID id, UUID author, UUID replaces) {
}
