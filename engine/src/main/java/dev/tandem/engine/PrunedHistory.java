package dev.tandem.engine;

/**
 * What {@link Db#pruneHistory} forgot.
 *
 * @param changes   changes no longer needed (they win nothing, are pushed everywhere, older than the window
 *                  and not among the last versions of any attribute), or left behind by a catch-up
 * @param conflicts conflicts the user dismissed longer ago than the window
 * @param bytesReturned freed bytes given back to the file system afterwards (the file shrank by this much)
 */
public record PrunedHistory(long changes, long conflicts, long bytesReturned) {
}
