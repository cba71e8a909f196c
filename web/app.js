// Shelf UI: the search as you type, and the wiring of the page's controls, keyboard and history to the query.
import { query, readUrl, writeUrl } from "./state.js";
import { listenToResults, select, selectedIndex, showResults, showWhy } from "./results.js";
import { listenToSources, showFacets, showLists } from "./sources.js";
import * as api from "./api.js";
import { el } from "./dom.js";
import { DEBOUNCE_MS, EXAMPLES, RESULTS_PER_PAGE, SEARCH_RETRY_SECONDS, SOURCES_RETRY_MS } from "./settings.js";

const $ = (id) => document.getElementById(id);
const input = $("q");
const explainToggle = $("explain");
const resultsList = $("results");

const statusLine = document.getElementById("status");
const emptyState = document.getElementById("empty");
let timer = null;

function showStatus(text, error = false) {
  statusLine.classList.toggle("error", error);
  statusLine.textContent = text;
}

function summary(body, q) {
  if (body.total === 0) return `No results for “${q}”. Try other words, another mode, or fewer list filters.`;
  const shown = body.total > body.results.length ? `, showing the first ${body.results.length}` : "";
  return `${body.total} result${body.total === 1 ? "" : "s"}${shown} · ${body.tookMs.toFixed(1)} ms`;
}

/** Searches for the query after a quiet time (DEBOUNCE_MS); each keystroke restarts the wait. */
function searchSoon() {
  clearTimeout(timer);
  timer = setTimeout(search, DEBOUNCE_MS);
}

/** Searches for the query now and writes it to the URL; an empty query shows the empty page. */
async function search() {
  clearTimeout(timer);
  writeUrl();
  const q = query.text.trim();
  if (!q) {
    api.cancelSearch();
    showResults();
    emptyState.hidden = false;
    showStatus("");
    showFacets(null);
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
    showResults(body.results, query.explain);
  } catch (e) {
    const building = e.status === 503;
    showStatus(building ? "Building the index for the first time… retrying." : e.message, true);
    if (building) setTimeout(search, Math.max(1, e.retryAfter || SEARCH_RETRY_SECONDS) * 1000);
    showResults();
  }
}

/** Sets the controls (box, mode, explain) from the query, as after reading the URL. */
function showQuery() {
  input.value = query.text;
  const radio = document.querySelector(`input[name=mode][value="${CSS.escape(query.mode)}"]`);
  if (radio) radio.checked = true;
  query.mode = document.querySelector("input[name=mode]:checked").value; // an unknown mode keeps the checked one
  explainToggle.checked = query.explain;
}

async function loadSources() {
  try {
    showLists(await api.sources());
  } catch (e) {
    if (e.status === 503) setTimeout(loadSources, SOURCES_RETRY_MS);
  }
}

function onKey(event) {
  const typing = event.target instanceof HTMLInputElement && event.target.type !== "checkbox" && event.target.type !== "radio";
  if (event.key === "/" && !typing) {
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === "ArrowDown" && (event.target === input || resultsList.contains(event.target))) {
    event.preventDefault();
    select(selectedIndex() + 1);
  } else if (event.key === "ArrowUp" && resultsList.contains(event.target)) {
    event.preventDefault();
    if (selectedIndex() <= 0) { select(-1); input.focus(); } else select(selectedIndex() - 1);
  } else if (event.key === "Enter" && event.target.classList && event.target.classList.contains("result")) {
    const link = event.target.querySelector(".title a");
    if (link) link.click();
  } else if (event.key === "Escape" && event.target === input) {
    input.value = query.text = "";
    search();
  }
}

for (const example of EXAMPLES) {
  const button = el("button", null, example);
  button.type = "button";
  $("examples").appendChild(el("li")).appendChild(button);
}
$("examples").addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  input.value = query.text = button.textContent;
  search();
  input.focus();
});
$("search-form").addEventListener("submit", (event) => { event.preventDefault(); query.text = input.value; search(); });
input.addEventListener("input", () => { query.text = input.value; searchSoon(); });
$("modes").addEventListener("change", (event) => { query.mode = event.target.value; search(); });
explainToggle.addEventListener("change", () => { query.explain = explainToggle.checked; writeUrl(); showWhy(query.explain); });
listenToResults();
listenToSources(search);
document.addEventListener("keydown", onKey);
window.addEventListener("popstate", () => { readUrl(); showQuery(); search(); });

readUrl();
showQuery();
loadSources();
search();
input.focus();
