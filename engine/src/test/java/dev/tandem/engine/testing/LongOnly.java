package dev.tandem.engine.testing;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Runs a jqwik property only in the long profile ({@code -Dtandem.long=true} or {@code -Plong}):
 * jqwik's tries are a constant per property, so the long run of a property is a second property
 * with more tries and this hook ({@code @AddLifecycleHook(LongOnly.class)}).
 */
public final class LongOnly implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return Budget.isLong() ? SkipResult.doNotSkip() : SkipResult.skip("long profile only (-Dtandem.long=true)");
    }
}
