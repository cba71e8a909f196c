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

function stateLine(source) {
  const line = el("div", "list-state " + source.state);
  const text = source.state === "error" ? source.error : source.state === "indexing" ? "indexing…" : "ready";
  line.appendChild(el("span", "state-text", text));
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
