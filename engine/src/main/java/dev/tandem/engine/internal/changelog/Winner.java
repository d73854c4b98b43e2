package dev.tandem.engine.internal.changelog;

import java.util.UUID;

/** The change that currently wins one attribute of one entity, the value it set and the id it replaced. */
public record Winner(String field, long seq, UUID id, UUID author, Object value, UUID replaces) implements WinningChange {
}
