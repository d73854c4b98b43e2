// A Map as the backend of the page's KeptFiles (device-kept-files.js), for the tests: the page keeps its files in
// IndexedDB (device-storage.js), so this stays out of what the page loads.

/** A Map as the backend. */
export function memoryBackend() {
  const m = new Map();
  return {
    get: async (id) => m.get(id) ?? null,
    put: async (id, rec) => { m.set(id, rec); },
    touch: async (id, opened) => { const r = m.get(id); if (r) m.set(id, { ...r, opened }); },
    delete: async (id) => { m.delete(id); },
    list: async () => [...m].map(([id, r]) => ({ id, size: r.size, opened: r.opened, pending: r.pending })),
  };
}
