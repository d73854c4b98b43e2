package dev.tandem.app.model;

import java.time.Instant;

/** One field of one change in an item's history, for the editor's history list. */
public record HistoryEntry(String changeId, Instant at, String device, boolean thisDevice, String field, Object value) {
}
