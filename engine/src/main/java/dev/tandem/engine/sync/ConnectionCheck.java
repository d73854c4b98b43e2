package dev.tandem.engine.sync;

import java.util.List;

/**
 * The result of {@link SyncEngine#check()}: each step tried, in order, and whether it passed. The
 * first failed step says what is wrong; later steps are not tried.
 */
public record ConnectionCheck(List<Step> steps) {
    public record Step(String name, boolean ok, String message, SyncException.Reason reason) {
    }

    public ConnectionCheck {
        steps = List.copyOf(steps);
    }

    public boolean ok() {
        return steps.stream().allMatch(Step::ok);
    }

    /** A one-line summary of the first failure, or "OK". */
    public String summary() {
        return steps.stream().filter(s -> !s.ok()).findFirst()
                .map(s -> s.name() + " failed: " + s.message()).orElse("OK");
    }
}
