package dev.tandem.engine.internal.changelog;

import java.util.UUID;

/**
 * The change that currently wins one attribute of one entity, the value it set, the id it replaced
 * and, when it is a merge, the concurrent version it folded in ({@code merged}, else null).
 */
public record Winner(String field, long seq, UUID id, UUID author, Object value, UUID replaces, UUID merged)
        implements WinningChange {
}
