package dev.tandem.app.model;

import dev.tandem.engine.Table;

/** A device's display name; each device saves its own row (id = the database's device id), which syncs. */
@Table("devices")
public record DeviceName(String id, String name) {
}
