/*
 * Where the page's requests go: to the server that served it (fetch), or, when the page is its own device (no
 * `tandem serve` behind it), to the answerer that reads and writes this browser's own copy (device-answer.js).
 * api.js and the outbox send through here only, so every screen works the same in both modes.
 */
let local = null;

/** From now on every request is answered by {@code answer(path, init)} → Promise<Response>. */
export function answerLocally(answer) { local = answer; }

/** Whether the page is its own device (its requests answered here, not by a server). */
export function ownDevice() { return local !== null; }

/** fetch(path, init), or the local answerer's answer to it. */
export function request(path, init) { return local ? local(path, init) : fetch(path, init); }
