package dev.tandem.engine;

/**
 * A read ran past its {@link QueryBudget} and was stopped: it returned nothing, and changed nothing. The same
 * query over the same rows would run past it again, so a caller says so ("too slow to count") rather than
 * retrying at once.
 */
public class QueryTooCostlyException extends TandemException {
    private static final long serialVersionUID = 1L;

    private final transient QueryBudget budget;

    public QueryTooCostlyException(String message, QueryBudget budget) {
        super(message);
        this.budget = budget;
    }

    /** The budget the read ran past. */
    public QueryBudget budget() {
        return budget;
    }
}
