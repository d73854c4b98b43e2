package dev.tandem.engine;

/**
 * How concurrent values of one attribute settle when two devices set it without seeing each other's
 * value ({@link Db.Builder#mergeBy}): by a rule every device applies alike, instead of last write
 * wins and a {@link Conflict}. Meant for attributes both devices set by construction rather than by
 * a person's choice, such as a row whose id is derived from a name, made on two devices: when it
 * was made, where it was put. Values compare as SQLite orders them: numbers by value, before text
 * (by code point), before bytes. A value beats none (null) under either rule.
 */
public enum MergeRule {
    /** The least value stays: a creation time settles on the earliest. */
    LEAST,
    /** The greatest value stays: a place at the end of the others settles after both devices' others. */
    GREATEST
}
