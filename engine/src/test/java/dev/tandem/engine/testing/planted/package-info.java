/**
 * Test classes in the wrong tier, on purpose: {@code TestTiersTest} checks that the tier check finds
 * them. Their names keep surefire from running them.
 */
package dev.tandem.engine.testing.planted;
