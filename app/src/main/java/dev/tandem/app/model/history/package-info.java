/**
 * An item's history, read from the changelog: its versions and bringing one back ({@link
 * dev.tandem.app.model.history.ItemVersions}, {@link dev.tandem.app.model.history.VersionRestore}), who made
 * each change ({@link dev.tandem.app.model.history.Authors}), and the whole profile as it stood at a time
 * ({@link dev.tandem.app.model.history.PastProfile}). Builds on the model's core and no other feature.
 */
package dev.tandem.app.model.history;
