package dev.tandem.engine;

/**
 * A read ran past its {@link QueryBudget} and was stopped: it returned nothing, and changed nothing. When it spent
 * its budget's work ({@link #workSpent()}), the same query over the same rows would run past it again, so a caller
 * says so ("too slow to count") rather than retrying at once. When only the wall-clock bound stopped it (it waited
 * for a core on a busy machine, or for the disk, having worked less than its budget), the query is not the cause,
 * and the same read may well fit once the machine is quieter.
 */
public class QueryTooCostlyException extends TandemException {
    private static final long serialVersionUID = 1L;

    private final transient QueryBudget budget;
    private final boolean workSpent;

    public QueryTooCostlyException(String message, QueryBudget budget) {
        this(message, budget, true);
    }

    public QueryTooCostlyException(String message, QueryBudget budget, boolean workSpent) {
        super(message);
        this.budget = budget;
        this.workSpent = workSpent;
    }

    /** Whether the read did its budget's work (its thread's CPU time); false when only the wall clock stopped it. */
    public boolean workSpent() {
        return workSpent;
    }

    /** The budget the read ran past. */
    public QueryBudget budget() {
        return budget;
    }
}
