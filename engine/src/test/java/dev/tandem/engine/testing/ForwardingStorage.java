package dev.tandem.engine.testing;

import dev.tandem.engine.sync.SyncStorage;

/**
 * Passes every call through; tests override one method to misbehave or to hold a call back. A
 * concrete form of the engine's forwarding base, under the name the tests already use.
 */
public class ForwardingStorage extends dev.tandem.engine.internal.storage.ForwardingStorage { // named in full: same simple name

    public ForwardingStorage(SyncStorage delegate) {
        super(delegate);
    }

    // Not passed on, as this class never did: the tests' stacks count one request per call here.
    @Override
    public long requestsSent() {
        return -1;
    }
}
