package dev.tandem.engine.internal.merge;

import java.util.UUID;

/**
 * One version of one attribute: the change that wrote it, its author, the id it replaced, and for a
 * merge change the concurrent version it folded in (else null).
 */
public record FieldVersion(UUID id, UUID author, UUID replaces, UUID merged) {
    public FieldVersion(UUID id, UUID author, UUID replaces) {
        this(id, author, replaces, null);
    }
}
