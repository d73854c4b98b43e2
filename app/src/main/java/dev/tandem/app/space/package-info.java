/**
 * Shared lists, each in a space of its own (docs/SHARING.md): "space" is the code's word, as in the
 * engine's {@code SpaceKeys} and {@code SpaceInvite}; people see a shared list and share it.
 * {@link dev.tandem.app.space.Spaces} does what the CLI and the window offer (share, invite, join,
 * leave; {@link dev.tandem.app.space.SpaceMembership} admits and removes members);
 * {@link dev.tandem.app.space.SpaceLists} keeps each space's remote, keys and passphrase with the
 * settings; {@link dev.tandem.app.space.SpaceSync} syncs them beside the personal remote as one engine.
 */
package dev.tandem.app.space;
