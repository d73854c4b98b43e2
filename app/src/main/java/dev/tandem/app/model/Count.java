package dev.tandem.app.model;

/** One row of the sidebar counts query: a sidebar key ("inbox", "list:ID", ...) and its count. */
public record Count(String id, Long n) {
    public long count() {
        return n == null ? 0 : n;
    }
}
