// Shelf UI: search as you type, results, filters by list, related articles, explain data.
// Every text that comes from the reading lists is inserted as text (textContent / text nodes), never as HTML;
// the only markup taken from the server is the <mark> of a snippet, rebuilt here as elements.
import { DEBOUNCE_MS, EXAMPLES, KIND_LABELS, RELATED_COUNT, RESULTS_PER_PAGE, SEARCH_RETRY_SECONDS,
  SOURCES_RETRY_MS } from "./settings.js";
import { el, safeHttpUrl, domainOf, titleNode } from "./dom.js";
import { renderSnippet } from "./snippet.js";
import * as api from "./api.js";
import { query, readUrl, writeUrl } from "./state.js";

const $ = (id) => document.getElementById(id);
const input = $("q");
const statusLine = $("status");
const resultsList = $("results");
const emptyState = $("empty");
const sourcesList = $("sources");
const explainToggle = $("explain");
const template = $("result-template");

const state = { sources: [], facets: {}, selected: -1 };

// ---- query controls ------------------------------------------------------------------------------------------
/** Sets the controls (box, mode, explain) from the query, as after reading the URL. */
function showQuery() {
  input.value = query.text;
  const radio = document.querySelector(`input[name=mode][value="${CSS.escape(query.mode)}"]`);
  if (radio) radio.checked = true;
  query.mode = document.querySelector("input[name=mode]:checked").value; // an unknown mode keeps the checked one
  explainToggle.checked = query.explain;
}

// ---- lists ---------------------------------------------------------------------------------------------------
function renderSources() {
  sourcesList.replaceChildren();
  for (const source of state.sources) {
    const item = el("li");
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.value = source.id;
    box.checked = query.sources.has(source.id);
    box.addEventListener("change", () => {
      if (box.checked) query.sources.add(source.id); else query.sources.delete(source.id);
      search();
    });
    const count = query.text.trim() ? (state.facets[source.id] || 0) : source.resources;
    label.append(box, el("span", "source-name", source.name), el("span", "count", count));
    if (count === 0) label.classList.add("zero");
    label.title = source.file;
    item.appendChild(label);
    sourcesList.appendChild(item);
  }
}

async function loadSources() {
  try {
    state.sources = await api.sources();
    renderSources();
  } catch (e) {
    if (e.status === 503) setTimeout(loadSources, SOURCES_RETRY_MS);
  }
}

// ---- results -------------------------------------------------------------------------------------------------
function renderWhy(target, result) {
  target.replaceChildren();
  const rows = [
    ["keyword (BM25)", result.lexical ? `#${result.lexical.rank} · ${result.lexical.score.toFixed(3)}` : "not found"],
    ["semantic (cosine)", result.semantic ? `#${result.semantic.rank} · ${result.semantic.score.toFixed(3)}` : "not found"],
    ["fused score", typeof result.score === "number" ? result.score.toFixed(4) : "—"],
  ];
  for (const [name, value] of rows) target.append(el("dt", null, name), el("dd", null, value));
  target.hidden = !query.explain;
}

function renderResult(result) {
  const node = template.content.firstElementChild.cloneNode(true);
  node.dataset.id = result.id;
  const kind = node.querySelector(".kind");
  kind.textContent = KIND_LABELS[result.kind] || result.kind;
  kind.classList.add(result.kind);
  node.querySelector(".domain").textContent = safeHttpUrl(result.url) ? domainOf(result.url) : "";
  node.querySelector(".title").appendChild(titleNode(result));
  renderSnippet(node.querySelector(".snippet"), result.snippet);
  const section = node.querySelector(".section");
  section.textContent = result.section && result.section.length ? result.section.join(" › ") : "";
  section.hidden = !section.textContent;
  const mentions = (result.sources || []).map((m) => `${m.name} (line ${m.line})`);
  node.querySelector(".listed").textContent = mentions.length ? "Listed in " + [...new Set(mentions)].join("; ") : "";
  renderWhy(node.querySelector(".why"), result);
  const button = node.querySelector(".related-button");
  button.addEventListener("click", () => toggleRelated(node, result, button));
  return node;
}

async function toggleRelated(node, result, button) {
  const box = node.querySelector(".related");
  if (!box.hidden) {
    box.hidden = true;
    button.setAttribute("aria-expanded", "false");
    return;
  }
  box.hidden = false;
  button.setAttribute("aria-expanded", "true");
  box.replaceChildren(el("p", "status", "Finding related articles…"));
  try {
    const body = await api.related(result.id, RELATED_COUNT);
    box.replaceChildren(el("h4", null, "Related"));
    const list = el("ul");
    for (const other of body.results) {
      const item = el("li");
      item.appendChild(titleNode(other));
      const domain = safeHttpUrl(other.url) ? domainOf(other.url) : KIND_LABELS[other.kind];
      item.appendChild(el("span", "domain", domain));
      list.appendChild(item);
    }
    if (!body.results.length) list.appendChild(el("li", null, "Nothing related found."));
    box.appendChild(list);
  } catch (e) {
    box.replaceChildren(el("p", "status error", e.message));
  }
}

function select(index) {
  const items = [...resultsList.children];
  if (!items.length) return;
  state.selected = Math.max(0, Math.min(items.length - 1, index));
  items.forEach((item, i) => item.classList.toggle("selected", i === state.selected));
  items[state.selected].focus();
  items[state.selected].scrollIntoView({ block: "nearest" });
}

// ---- search --------------------------------------------------------------------------------------------------
let timer = null;
function scheduleSearch() {
  clearTimeout(timer);
  timer = setTimeout(search, DEBOUNCE_MS);
}

async function search() {
  clearTimeout(timer);
  writeUrl();
  const q = query.text.trim();
  if (!q) {
    api.cancelSearch();
    resultsList.replaceChildren();
    emptyState.hidden = false;
    statusLine.textContent = "";
    statusLine.classList.remove("error");
    state.facets = {};
    renderSources();
    return;
  }
  emptyState.hidden = true;
  const params = new URLSearchParams({ q, mode: query.mode, k: String(RESULTS_PER_PAGE) });
  for (const s of query.sources) params.append("source", s);
  try {
    const body = await api.search(params);
    if (body === api.STALE) return; // a newer search has started: drop this answer
    state.facets = body.facets || {};
    renderSources();
    statusLine.classList.remove("error");
    statusLine.textContent = body.total === 0
      ? `No results for “${q}”. Try other words, another mode, or fewer list filters.`
      : `${body.total} result${body.total === 1 ? "" : "s"}${body.total > body.results.length ? `, showing the first ${body.results.length}` : ""} · ${body.tookMs.toFixed(1)} ms`;
    resultsList.replaceChildren(...body.results.map(renderResult));
    state.selected = -1;
  } catch (e) {
    statusLine.classList.add("error");
    statusLine.textContent = e.status === 503 ? "Building the index for the first time… retrying." : e.message;
    if (e.status === 503) setTimeout(search, Math.max(1, e.retryAfter || SEARCH_RETRY_SECONDS) * 1000);
    resultsList.replaceChildren();
  }
}

// ---- wiring --------------------------------------------------------------------------------------------------
for (const example of EXAMPLES) {
  const item = el("li");
  const button = el("button", null, example);
  button.type = "button";
  button.addEventListener("click", () => { input.value = query.text = example; search(); input.focus(); });
  item.appendChild(button);
  $("examples").appendChild(item);
}
$("search-form").addEventListener("submit", (event) => { event.preventDefault(); query.text = input.value; search(); });
input.addEventListener("input", () => { query.text = input.value; scheduleSearch(); });
document.querySelectorAll("input[name=mode]").forEach((radio) => radio.addEventListener("change", () => { query.mode = radio.value; search(); }));
explainToggle.addEventListener("change", () => {
  query.explain = explainToggle.checked;
  writeUrl();
  document.querySelectorAll(".why").forEach((why) => { why.hidden = !query.explain; });
});
document.addEventListener("keydown", (event) => {
  const typing = event.target instanceof HTMLInputElement && event.target.type !== "checkbox" && event.target.type !== "radio";
  if (event.key === "/" && !typing) {
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === "ArrowDown" && (event.target === input || resultsList.contains(event.target))) {
    event.preventDefault();
    select(state.selected + 1);
  } else if (event.key === "ArrowUp" && resultsList.contains(event.target)) {
    event.preventDefault();
    if (state.selected <= 0) { state.selected = -1; input.focus(); } else select(state.selected - 1);
  } else if (event.key === "Enter" && event.target.classList && event.target.classList.contains("result")) {
    const link = event.target.querySelector(".title a");
    if (link) link.click();
  } else if (event.key === "Escape" && event.target === input) {
    input.value = query.text = "";
    search();
  }
});
window.addEventListener("popstate", () => { readUrl(); showQuery(); search(); });

readUrl();
showQuery();
loadSources();
search();
input.focus();
