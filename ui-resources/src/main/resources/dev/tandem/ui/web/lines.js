/*
 * A list's outline as data (the rows of GET /api/items?view=list:ID, in order, each with its depth, the todo it is
 * shown under and its section): where a move puts a todo, as the desktop's commands and drop read it from the rows
 * shown (OutlineCommands, OutlineDrop), and a waiting move drawn on the rows before the server has it. A place is
 * {parent, section, before}: under the todo {parent} (null: at the top, in {section}, null: none), before its
 * sibling {before} (null: after the last). Nothing here writes: the server moves the todo with the model's own
 * move (OutlineStore), whose ranks every device orders the same way.
 */

/** The index after row {@code at}'s subtree: the first row after it that is not deeper. */
export function subtreeEnd(rows, at) {
  const depth = rows[at].depth || 0;
  let k = at + 1;
  while (k < rows.length && (rows[k].depth || 0) > depth) k++;
  return k;
}

const sectionOf = (row) => ((row.depth || 0) === 0 ? row.section || null : null);
const parentOf = (row) => row.parent || null;

/** The todos beside {@code row}: under the same todo, or at the top of the same section; {@code row} among them. */
export function siblings(rows, row) {
  return rows.filter((r) => (r.depth || 0) === (row.depth || 0) && parentOf(r) === parentOf(row)
    && sectionOf(r) === sectionOf(row));
}

/** The sections in order, the part before the first heading (null) first. */
function sectionOrder(sections) {
  return [null, ...(sections || []).map((s) => s.id)];
}

/** The first todo at the top of {@code section}, or null when it has none. */
function firstIn(rows, section) {
  const first = rows.find((r) => (r.depth || 0) === 0 && (r.section || null) === section);
  return first ? first.id : null;
}

/**
 * One place up: before the sibling above; the first at the top of a section goes last into the section above (or
 * the part before the first heading). Null where there is nowhere to go.
 */
export function up(rows, sections, row) {
  const sibs = siblings(rows, row);
  const i = sibs.findIndex((r) => r.id === row.id);
  if (i > 0) return { parent: parentOf(row), section: sectionOf(row), before: sibs[i - 1].id };
  if ((row.depth || 0) > 0) return null;
  const order = sectionOrder(sections);
  const at = order.indexOf(row.section || null);
  return at > 0 ? { parent: null, section: order[at - 1], before: null } : null;
}

/** One place down: after the sibling below; the last at the top of a section goes first into the next one. */
export function down(rows, sections, row) {
  const sibs = siblings(rows, row);
  const i = sibs.findIndex((r) => r.id === row.id);
  if (i >= 0 && i < sibs.length - 1) {
    return { parent: parentOf(row), section: sectionOf(row), before: i + 2 < sibs.length ? sibs[i + 2].id : null };
  }
  if ((row.depth || 0) > 0) return null;
  const order = sectionOrder(sections);
  const at = order.indexOf(row.section || null);
  if (at < 0 || at + 1 >= order.length) return null;
  return { parent: null, section: order[at + 1], before: firstIn(rows, order[at + 1]) };
}

/** The sibling above {@code row}, which indenting puts it under; null when it is the first. */
export function above(rows, row) {
  const sibs = siblings(rows, row);
  const i = sibs.findIndex((r) => r.id === row.id);
  return i > 0 ? sibs[i - 1] : null;
}

/** Under the sibling above, after that one's subtasks. */
export function indent(rows, row) {
  const a = above(rows, row);
  return a ? { parent: a.id, section: null, before: null } : null;
}

/** The todo {@code row} is shown under, or null at the top. */
export function parentRow(rows, row) {
  return parentOf(row) ? rows.find((r) => r.id === row.parent) || null : null;
}

/** Out of its parent, right after it. */
export function outdent(rows, row) {
  const p = parentRow(rows, row);
  if (!p) return null;
  const sibs = siblings(rows, p);
  const j = sibs.findIndex((r) => r.id === p.id);
  return { parent: parentOf(p), section: sectionOf(p), before: j + 1 < sibs.length ? sibs[j + 1].id : null };
}

/** Last at the top of {@code section} (null: the part before the first heading). */
export function intoSection(row, section) {
  if ((row.depth || 0) === 0 && (row.section || null) === section) return null;
  return { parent: null, section, before: null };
}

/** The last subtask of {@code parent}; null when it is there already, or under itself. */
export function under(rows, row, parent) {
  if (parentOf(row) === parent) return null;
  if (parent && inSubtree(rows, row, parent)) return null;
  return parent ? { parent, section: null, before: null } : { parent: null, section: null, before: null };
}

/** Whether the todo {@code id} is {@code row} or lies under it. */
export function inSubtree(rows, row, id) {
  const at = rows.findIndex((r) => r.id === row.id);
  if (at < 0) return false;
  const end = subtreeEnd(rows, at);
  return rows.slice(at, end).some((r) => r.id === id);
}

/**
 * Where a dragged row goes, dropped on {@code target} (a row, or {section: id} for a section's heading) in
 * {@code zone} ('above', 'into', 'below'): above or below a row is before or after it as its sibling, the middle of
 * a row makes the dragged todo its last subtask, and a heading takes it in as its section's first todo. Null when
 * the drop means nothing (on itself, into its own subtasks).
 */
export function drop(rows, sections, row, target, zone) {
  if (target.heading) {
    if (zone === 'above') {
      const order = sectionOrder(sections);
      const at = order.indexOf(target.heading);
      return { parent: null, section: at > 0 ? order[at - 1] : null, before: null };
    }
    const first = firstIn(rows, target.heading);
    return { parent: null, section: target.heading, before: first === row.id ? null : first };
  }
  if (target.id === row.id || inSubtree(rows, row, target.id)) return null;
  if (zone === 'into') return { parent: target.id, section: null, before: null };
  if (zone === 'above') return { parent: parentOf(target), section: sectionOf(target), before: target.id };
  const sibs = siblings(rows, target);
  const j = sibs.findIndex((r) => r.id === target.id);
  const next = j + 1 < sibs.length ? sibs[j + 1].id : null;
  if (next === row.id) return null;
  return { parent: parentOf(target), section: sectionOf(target), before: next };
}

/**
 * The rows with a waiting move ({op: 'move', id, to: {parentId, sectionId, beforeId}}) drawn on them: the todo and
 * its subtasks taken out and put where the move sends them, marked waiting. Rows it cannot place (its parent not
 * among them) are left as they are: the server's answer shows where it went.
 */
export function applyMove(rows, e) {
  const from = rows.findIndex((r) => r.id === e.id);
  if (from < 0) return rows;
  const end = subtreeEnd(rows, from);
  const moving = rows.slice(from, end);
  const rest = rows.slice(0, from).concat(rows.slice(end));
  const to = e.to || {};
  const parentAt = to.parentId ? rest.findIndex((r) => r.id === to.parentId) : -1;
  if (to.parentId && parentAt < 0) return rows;
  const depth = parentAt >= 0 ? (rest[parentAt].depth || 0) + 1 : 0;
  const section = parentAt >= 0 ? rest[parentAt].section || null : to.sectionId || null;
  let at = to.beforeId ? rest.findIndex((r) => r.id === to.beforeId && (r.depth || 0) === depth
    && parentOf(r) === (to.parentId || null)) : -1;
  if (at < 0 && parentAt >= 0) {
    at = subtreeEnd(rest, parentAt);
  } else if (at < 0) {
    // The end of the section's todos: after the last at its top, or where the next section's begin.
    let last = -1;
    for (let k = 0; k < rest.length; k++) if ((rest[k].depth || 0) === 0 && (rest[k].section || null) === section) last = k;
    at = last >= 0 ? subtreeEnd(rest, last) : rest.length;
    if (last < 0 && section === null) {
      const firstSectioned = rest.findIndex((r) => (r.depth || 0) === 0 && r.section);
      if (firstSectioned >= 0) at = firstSectioned;
    }
  }
  const shift = depth - (moving[0].depth || 0);
  const moved = moving.map((r, i) => ({
    ...r, depth: (r.depth || 0) + shift, section, waiting: true,
    ...(i === 0 ? { parent: to.parentId || null, parentId: to.parentId || null, sectionId: parentAt >= 0 ? null : section } : {}),
  }));
  return rest.slice(0, at).concat(moved, rest.slice(at));
}
