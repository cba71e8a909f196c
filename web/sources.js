// The lists on the left: one checkbox per reading list, with its count (the search's facets), filtering the results,
// its state (indexing, ready, or the error) and a remove button (handled by lists.js).
import { el } from "./dom.js";
import { query } from "./state.js";

const list = document.getElementById("sources");
let lists = [];     // the reading lists from /api/sources
let facets = null; // results per list for the current search; null when there is no query (counts are list sizes)

function render() {
  list.replaceChildren();
  for (const source of lists) {
    const item = el("li");
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.value = source.id;
    box.checked = query.sources.has(source.id);
    const count = facets ? (facets[source.id] || 0) : source.resources;
    label.append(box, el("span", "source-name", source.name), el("span", "count", count));
    if (count === 0) label.classList.add("zero");
    label.title = source.file;
    // A list not in the index yet cannot filter: the server would refuse its id.
    box.disabled = source.state !== undefined && source.state !== "ready" && !source.resources;
    item.appendChild(label);
    if (source.state) item.appendChild(stateLine(source));
    list.appendChild(item);
  }
}

/**
 * What a list being built shows: reading it, then (searchable by words already) each model's passages embedded of
 * those it has to embed, as one bar over all models, with the time left when the server can estimate it.
 */
function progressNode(progress) {
  const box = el("div", "list-progress");
  const models = progress.models || [];
  const done = models.reduce((sum, m) => sum + m.embedded, 0);
  const of = models.reduce((sum, m) => sum + m.of, 0);
  if (progress.phase !== "embedding" || of === 0) {
    box.appendChild(el("span", "progress-text", "reading the list…"));
    return box;
  }
  const bar = el("progress");
  bar.max = of;
  bar.value = done;
  bar.setAttribute("aria-label", "passages embedded");
  const left = typeof progress.secondsLeft === "number" ? ` · about ${Math.max(1, Math.round(progress.secondsLeft))} s left` : "";
  const words = progress.searchableByWords ? "searchable by words; " : "";
  box.append(bar, el("span", "progress-text",
    `${words}meaning: ${done.toLocaleString()} of ${of.toLocaleString()} passages embedded${left}`));
  box.title = models.map((m) => `${m.model}: ${m.embedded} of ${m.of}`).join("\n");
  return box;
}

function stateLine(source) {
  const line = el("div", "list-state " + source.state);
  const text = source.state === "error" ? source.error : source.state === "indexing" ? "indexing…" : "ready";
  line.appendChild(el("span", "state-text", text));
  if (source.state === "indexing" && source.progress) line.appendChild(progressNode(source.progress));
  const remove = el("button", "remove-list", "Remove");
  remove.type = "button";
  remove.dataset.id = source.id;
  remove.dataset.name = source.name;
  remove.setAttribute("aria-label", `Remove the list ${source.name}`);
  line.appendChild(remove);
  return line;
}

/** Shows these reading lists. */
export function showLists(sources) {
  lists = sources;
  render();
}

/** Shows each list's count of results for the current search, or its size when facets is null (no query). */
export function showFacets(counts) {
  facets = counts;
  render();
}

/** Installs the one change listener of the lists (call once): ticking a list updates the query, then onChange runs. */
export function listenToSources(onChange) {
  list.addEventListener("change", (event) => {
    const box = event.target.closest("input[type=checkbox]");
    if (!box || !list.contains(box)) return;
    if (box.checked) query.sources.add(box.value); else query.sources.delete(box.value);
    onChange();
  });
}
