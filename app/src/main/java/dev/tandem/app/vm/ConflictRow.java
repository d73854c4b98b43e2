package dev.tandem.app.vm;

import dev.tandem.engine.Conflict;

/** A conflict as the conflicts view shows it: the item's title and readable values and devices. */
public record ConflictRow(Conflict conflict, String itemTitle, String field, String kept, String keptDevice,
                          String lost, String lostDevice) {
    public long id() {
        return conflict.id();
    }
}
