package dev.tandem.engine;

/**
 * One attribute of one change in the changelog: the new value, and the id of the change whose value
 * it replaced (null when the field had no value before). Values are SQLite values: null, Long,
 * Double, String or byte[].
 */
public record FieldChange(String field, Object value, String replaces) {
}
