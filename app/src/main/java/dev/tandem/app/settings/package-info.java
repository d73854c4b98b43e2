/**
 * What a profile keeps in its data dir besides the database: {@link
 * dev.tandem.app.settings.SettingsStore} writes {@code settings.properties} and the owner-only {@code
 * secrets.properties}; {@link dev.tandem.app.settings.SyncSettings} is where this device syncs to,
 * and {@link dev.tandem.app.settings.SavedLogin} its sign-in as a shared list on the same server may
 * reuse it. Everything that syncs reads these, so this package names none of it.
 */
package dev.tandem.app.settings;
