/*
 * The sync core's modules the page as its own device runs (device.js), as one module: each under the name device.js
 * reads it by (c.replica, c.sync, …). `tandem page publish`'s page has it as a chunk of its own, split from the page's
 * code: tandem-sync's tools/bundle-page.js bundles it, its `tandem-sync/…` paths read as that package's folders and
 * the core's npm packages taken from its node_modules, so only a page that starts as a device fetches it. A page
 * served by `tandem serve` never loads it (nor does the server serve it: dev.tandem.ui.WebAssets lists no such path).
 */
export * as replica from 'tandem-sync/src/replica/replica.js';
export * as clock from 'tandem-sync/src/clock/hybrid-clock.js';
export * as sync from 'tandem-sync/src/sync/sync-engine.js';
export * as s3 from 'tandem-sync/src/storage/s3.js';
export * as webdav from 'tandem-sync/src/storage/webdav.js';
export * as prefixed from 'tandem-sync/src/storage/prefixed.js';
export * as encrypted from 'tandem-sync/src/storage/encrypted.js';
export * as aead from 'tandem-sync/src/crypto/aead.js';
export * as items from 'tandem-sync/app/items.js';
export * as attachments from 'tandem-sync/app/attachments.js';
export * as series from 'tandem-sync/app/series.js';
export * as moves from 'tandem-sync/app/moves.js';
export * as trash from 'tandem-sync/app/trash.js';
export * as checks from 'tandem-sync/app/checkboxes.js';
export * as notes from 'tandem-sync/app/note-html.js';
export * as filters from 'tandem-sync/app/filters.js';
export * as blobs from 'tandem-sync/src/blob/blob-transfer.js';
export * as retired from 'tandem-sync/src/sync/own-retirement.js';
