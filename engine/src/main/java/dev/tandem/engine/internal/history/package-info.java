/**
 * The changelog read backwards: an entity's state after any of its changes, and a table as it stood
 * at an earlier time, folded from the kept changes the way last write wins orders them. Read-only;
 * the database layer ({@code DefaultHistory}) gives it a read connection and the schema.
 */
package dev.tandem.engine.internal.history;
