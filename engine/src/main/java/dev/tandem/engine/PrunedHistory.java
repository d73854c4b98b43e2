package dev.tandem.engine;

/**
 * What {@link Db#pruneHistory} forgot.
 *
 * @param changes   changes no longer needed (they win nothing, are pushed everywhere, older than the window
 *                  and not among the last versions of any attribute), or left behind by a catch-up
 * @param conflicts conflicts the user dismissed longer ago than the window
 */
public record PrunedHistory(long changes, long conflicts) {
}
