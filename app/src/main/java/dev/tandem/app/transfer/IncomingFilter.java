package dev.tandem.app.transfer;


/**
 * A smart list an archive brings, checked and read again ({@link FilterRows}): never a row as the file gave it.
 *
 * @param name      1 to {@link dev.tandem.app.model.SavedFilters#MAX_NAME_CHARS} characters, stripped
 * @param query     the canonical text of the query the parser read ({@link dev.tandem.app.model.filter.Filter#text})
 * @param color     {@code #rrggbb} or empty
 * @param createdAt as the file says, null when it says nothing usable
 */
public record IncomingFilter(String name, String query, String color, Long createdAt) {
}
