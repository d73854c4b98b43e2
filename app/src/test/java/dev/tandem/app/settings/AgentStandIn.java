package dev.tandem.app.settings;

import java.util.concurrent.CountDownLatch;

/**
 * Stands in for {@code tandem agent} in tests: a real {@code java} process whose command line reads like the
 * agent's ({@code ... Main agent --data-dir DIR}), which waits until it is stopped.
 */
public final class AgentStandIn {
    private AgentStandIn() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("stand-in agent " + String.join(" ", args));
        new CountDownLatch(1).await();
    }
}
