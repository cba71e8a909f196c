// Fetching: the JSON API calls; a new search aborts the one still running, whose answer is then dropped.

/** What search() answers when a newer search (or cancelSearch) replaced it: nothing to show. */
export const STALE = Symbol("stale");

let running = null; // the AbortController of the latest search, null when none is wanted

async function getJson(url, signal, init = {}) {
  const response = await fetch(url, { signal, ...init, headers: { Accept: "application/json", ...(init.headers || {}) } });
  if (response.status === 204) return null;
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const error = new Error(body && body.message ? body.message : "The server answered " + response.status + ".");
    error.status = response.status;
    error.retryAfter = Number(response.headers.get("Retry-After") || 0);
    throw error;
  }
  return body;
}

/** Searches with the given API parameters; answers STALE if another search started meanwhile. */
export async function search(params) {
  if (running) running.abort();
  const controller = new AbortController();
  running = controller;
  try {
    const body = await getJson("/api/search?" + params, controller.signal);
    return controller === running ? body : STALE;
  } catch (e) {
    if (e.name === "AbortError" || controller !== running) return STALE;
    throw e;
  }
}

/** Aborts the running search, if any, and drops its answer. */
export function cancelSearch() {
  if (running) running.abort();
  running = null;
}

/** The articles related to a resource. */
export function related(id, k) {
  return getJson(`/api/resources/${encodeURIComponent(id)}/related?k=${encodeURIComponent(k)}`);
}

/** One resource by id, as the index holds it (no snippet: no search found it). */
export function resource(id) {
  return getJson(`/api/resources/${encodeURIComponent(id)}`);
}

/** The topic map: every resource's place and topic, and the topics' labels and centres. */
export function topicMap() {
  return getJson("/api/map");
}

/** The reading lists with their resource counts, formats and states (indexing, ready, error). */
export function sources() {
  return getJson("/api/sources");
}

/** The header every write sends: the server refuses writes without it (a form on another site cannot send it). */
const WRITE_HEADERS = { "X-Requested-With": "shelf" };

/** Saves a file as a reading list (replacing one of the same name); answers {id, name, file, state}. */
export function putList(file) {
  return getJson(`/api/sources/${encodeURIComponent(file.name)}`, undefined,
    { method: "PUT", body: file, headers: WRITE_HEADERS });
}

/** Removes a reading list by id. */
export function deleteList(id) {
  return getJson(`/api/sources/${encodeURIComponent(id)}`, undefined, { method: "DELETE", headers: WRITE_HEADERS });
}
