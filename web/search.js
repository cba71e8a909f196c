// The search: debounced as you type, asks the API, then shows the results, the lists' counts and the status line.
import * as api from "./api.js";
import { query, writeUrl } from "./state.js";
import { showResults } from "./results.js";
import { showFacets } from "./sources.js";
import { DEBOUNCE_MS, RESULTS_PER_PAGE, SEARCH_RETRY_SECONDS } from "./settings.js";

const statusLine = document.getElementById("status");
const emptyState = document.getElementById("empty");
let timer = null;

/** Tells the map which results to light up (null: none, there is no query). */
function announceResults(results) {
  document.dispatchEvent(new CustomEvent("shelf:results", { detail: results }));
}

function showStatus(text, error = false) {
  statusLine.classList.toggle("error", error);
  statusLine.textContent = text;
}

function summary(body, q) {
  if (body.total === 0) return `No results for “${q}”. Try other words, another mode, or fewer list filters.`;
  const shown = body.total > body.results.length ? `, showing the first ${body.results.length}` : "";
  // A "more like X" query names the resource whose neighbours it shows.
  const like = body.like ? ` like “${body.like.title}”` : "";
  // A build served before its new passages were embedded finds them by words only, for now.
  // Its figures are those of when the build was served, over every model still embedding; the lists show the live ones.
  const partial = body.partial ? " · new passages found by words; meaning search is catching up" : "";
  return `${body.total} result${body.total === 1 ? "" : "s"}${like}${shown} · ${body.tookMs.toFixed(1)} ms${partial}`;
}

/** Searches for the query after a quiet time (DEBOUNCE_MS); each keystroke restarts the wait. */
export function searchSoon() {
  clearTimeout(timer);
  timer = setTimeout(search, DEBOUNCE_MS);
}

/** Searches for the query now and writes it to the URL; an empty query shows the empty page. */
export async function search() {
  clearTimeout(timer);
  writeUrl();
  const q = query.text.trim();
  if (!q) {
    api.cancelSearch();
    showResults();
    emptyState.hidden = false;
    showStatus("");
    showFacets(null);
    announceResults(null);
    return;
  }
  emptyState.hidden = true;
  const params = new URLSearchParams({ q, mode: query.mode, k: String(RESULTS_PER_PAGE) });
  for (const s of query.sources) params.append("source", s);
  try {
    const body = await api.search(params);
    if (body === api.STALE) return; // a newer search has started: drop this answer
    showFacets(body.facets || {});
    showStatus(summary(body, q));
    showResults(body.results, query.explain, body.like || null);
    announceResults(body.results);
  } catch (e) {
    const building = e.status === 503;
    showStatus(building ? "Building the index for the first time… retrying." : e.message, true);
    if (building) setTimeout(search, Math.max(1, e.retryAfter || SEARCH_RETRY_SECONDS) * 1000);
    showResults();
    announceResults(null);
  }
}
