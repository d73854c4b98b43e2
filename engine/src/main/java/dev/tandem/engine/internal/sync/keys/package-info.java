/**
 * Key changes on an encrypted remote, outside a sync: a new passphrase, a new recovery key, a
 * rotation and its resumption ({@link dev.tandem.engine.internal.sync.keys.DefaultRemoteKeys}).
 * Below {@code .sync}: the engine hands itself in as a {@link
 * dev.tandem.engine.internal.sync.keys.KeyedRemote}, so this package never reaches back up.
 */
package dev.tandem.engine.internal.sync.keys;
