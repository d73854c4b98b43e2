package dev.tandem.engine.sync;

import java.time.Instant;

/**
 * A remote object this database could not read and set aside: it stays listed in every
 * {@link SyncReport} until a later read succeeds (sync retries it by itself), so a damaged object
 * is never forgotten while its changes are missing here.
 *
 * @param key       the object's key on the remote, e.g. {@code batches/<device>/000000000003}
 * @param problem   why it could not be read, in plain words
 * @param firstSeen when this database first failed to read it
 * @param attempts  how many reads have failed so far
 */
public record SetAside(String key, String problem, Instant firstSeen, int attempts) {
}
