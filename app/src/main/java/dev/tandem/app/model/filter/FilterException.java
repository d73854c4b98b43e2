package dev.tandem.app.model.filter;

import dev.tandem.engine.TandemException;

/** A query that does not read, with where ({@code at}, from 0) and what was expected there. */
public final class FilterException extends TandemException {
    private static final long serialVersionUID = 1L;

    private final int at;

    public FilterException(int at, String message) {
        super(message);
        this.at = at;
    }

    /** Where in the query the problem is, counted from 0. */
    public int at() {
        return at;
    }
}
