/*
 * The outbox's move entry on the page as its own device ({op: 'move', id, to: {listId, parentId, sectionId,
 * beforeId}, base: {listId, parentId, sectionId}}, move.js makes it), as the server's WebMoves answers it: checked
 * before anything is read ({@code to} and {@code base} objects of ids, 1 to 200 letters, digits and dashes, or
 * nulls, nothing else; a base names all three), then made by the core's app/moves.js, the desktop's move: the todo's
 * rank between its new neighbours', its parent, section and list, the list of each todo under it.
 *
 * Answers: applied; 404 for a todo, parent, list or section gone; 400 under itself or deeper than the outline
 * keeps; 409 when a sync moved it elsewhere since the page showed it (it stays there: the desktop would also keep
 * the page's place in Conflicts, this replica does not record such conflicts).
 *
 * Imports nothing: the replica, the core's moves module, the words and the refusal come in.
 */
const ID = /^[A-Za-z0-9-]{1,200}$/;
const TO = ['listId', 'parentId', 'sectionId', 'beforeId'];
const PLACE = ['listId', 'parentId', 'sectionId'];

/** fn(entry) → {} once moved; throws refuse(status, reason) otherwise. */
export function makeMoves({ replica, moves, t, refuse }) {
  const bad = () => refuse(400, t('page.device.badValue'));

  function ids(value, names, all) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad();
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (!names.includes(k)) throw bad();
      if (v != null && !(typeof v === 'string' && ID.test(v))) throw bad();
      out[k] = v ?? null;
    }
    if (all && !names.every((n) => n in out)) throw bad();
    for (const n of names) if (!(n in out)) out[n] = null;
    return out;
  }

  return function move(e) {
    if (typeof e.id !== 'string' || !ID.test(e.id)) throw bad();
    const to = ids(e.to, TO, false);
    const base = ids(e.base, PLACE, true);
    const r = moves.move(replica, e.id, base, to);
    switch (r.outcome) {
      case 'MOVED': return {};
      case 'GONE': throw refuse(404, t('page.device.gone'));
      case 'PARENT_GONE': throw refuse(404, t('page.device.move.parentGone'));
      case 'LIST_GONE': throw refuse(404, t('page.device.move.listGone'));
      case 'SECTION_GONE': throw refuse(404, t('page.device.move.sectionGone'));
      case 'UNDER_ITSELF': throw refuse(400, t('page.device.move.underItself'));
      case 'TOO_DEEP': throw refuse(400, t('page.device.move.tooDeep', moves.MAX_DEPTH));
      default: throw refuse(409, t('page.device.move.elsewhere'));
    }
  };
}
