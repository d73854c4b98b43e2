package dev.tandem.engine.internal.merge;

/**
 * What to do with an incoming version of an attribute: whether it becomes the winner, and whether
 * the two versions were concurrent (neither writer had seen the other), which is a conflict.
 */
public record Decision(boolean incomingWins, boolean concurrent) {
}
