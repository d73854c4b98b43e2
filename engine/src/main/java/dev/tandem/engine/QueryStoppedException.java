package dev.tandem.engine;

/**
 * A read was stopped because its caller no longer wanted its answer ({@link QueryBudget#stoppedWhen}): it returned
 * nothing, and changed nothing. It says nothing of the query's cost, unlike {@link QueryTooCostlyException}: the
 * same read may run again at once, and a caller that remembers costly queries does not remember this one.
 */
public class QueryStoppedException extends TandemException {
    private static final long serialVersionUID = 1L;

    public QueryStoppedException(String message) {
        super(message);
    }
}
