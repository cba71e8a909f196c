// Results: the result cards (kind, domain, passage, section, lists), "why this result", Related inline, selection.
import { el, safeHttpUrl, domainOf, titleNode } from "./dom.js";
import { renderSnippet } from "./snippet.js";
import { related } from "./api.js";
import { KIND_LABELS, RELATED_COUNT } from "./settings.js";

const list = document.getElementById("results");
const template = document.getElementById("result-template");
let selected = -1; // index of the result walked to with the arrow keys, -1 when none

/**
 * How a list is named under "Why this result": keyword for BM25, the model's id for each embedding model; a "more like
 * X" answer's lists of X's neighbours ("like lexical", "like MODEL") the same after "like “X”:".
 */
function listLabel(name, like) {
  const neighbours = name.startsWith("like ");
  const list = neighbours ? name.slice("like ".length) : name;
  const label = list === "lexical" ? "keyword (BM25)" : `${list} (cosine)`;
  return neighbours ? `like “${like ? like.title : "X"}”: ${label}` : label;
}

function renderWhy(target, result, explain, like) {
  // Each list fused for this query, with its weight, and where it ranked the result; older answers carry only two.
  const lists = Array.isArray(result.lists) && result.lists.length > 0 ? result.lists : [
    { list: "lexical", weight: null, ...(result.lexical || { rank: null, score: null }) },
    { list: "semantic", weight: null, ...(result.semantic || { rank: null, score: null }) },
  ];
  const rows = lists.map((l) => [
    listLabel(l.list, like),
    (l.rank ? `#${l.rank} · ${l.score.toFixed(3)}` : "not found")
      + (typeof l.weight === "number" ? ` · weight ${l.weight.toFixed(2)}` : ""),
  ]);
  rows.push(["fused score", typeof result.score === "number" ? result.score.toFixed(4) : "—"]);
  target.replaceChildren();
  for (const [name, value] of rows) target.append(el("dt", null, name), el("dd", null, value));
  target.hidden = !explain;
}

/** One result's card (also the map's card of a resource). */
export function renderResult(result, explain, like = null) {
  const node = template.content.firstElementChild.cloneNode(true);
  node.dataset.id = result.id;
  const kind = node.querySelector(".kind");
  kind.textContent = KIND_LABELS[result.kind] || result.kind;
  kind.classList.add(result.kind);
  node.querySelector(".domain").textContent = safeHttpUrl(result.url) ? domainOf(result.url) : "";
  node.querySelector(".title").appendChild(titleNode(result));
  const snippet = node.querySelector(".snippet");
  // A resource that no search found (the map's card) has no passage: its description is shown, as plain text.
  if (typeof result.snippet === "string") renderSnippet(snippet, result.snippet);
  else snippet.textContent = result.description || "";
  const section = node.querySelector(".section");
  section.textContent = result.section && result.section.length ? result.section.join(" › ") : "";
  section.hidden = !section.textContent;
  const mentions = (result.sources || []).map((m) => `${m.name} (line ${m.line})`);
  node.querySelector(".listed").textContent = mentions.length ? "Listed in " + [...new Set(mentions)].join("; ") : "";
  renderCopies(node.querySelector(".copies"), result.copies || []);
  renderWhy(node.querySelector(".why"), result, explain, like);
  return node;
}

/**
 * "Also at": the same work's other addresses, each a link named by its domain (its title on hover), with the lists
 * that hold it; hidden when the work is listed at one address.
 */
function renderCopies(target, copies) {
  target.replaceChildren();
  target.hidden = copies.length === 0;
  if (!copies.length) return;
  target.appendChild(document.createTextNode("Also at "));
  copies.forEach((copy, i) => {
    if (i > 0) target.appendChild(document.createTextNode("; "));
    const href = safeHttpUrl(copy.url);
    const name = href ? domainOf(copy.url) : copy.title;
    const link = href ? el("a", "copy", name) : el("span", "copy", name);
    if (href) {
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    }
    link.title = copy.title;
    target.appendChild(link);
    const lists = [...new Set((copy.sources || []).map((m) => m.name))];
    if (lists.length) target.appendChild(document.createTextNode(` (${lists.join(", ")})`));
  });
}

/** Shows these results in place of the previous ones (none clears the list); nothing is selected after. */
export function showResults(results = [], explain = false, like = null) {
  list.replaceChildren(...results.map((result) => renderResult(result, explain, like)));
  selected = -1;
}

/** Shows or hides "why this result" on every card. */
export function showWhy(explain) {
  list.querySelectorAll(".why").forEach((why) => { why.hidden = !explain; });
}

async function toggleRelated(node, button) {
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
    const body = await related(node.dataset.id, RELATED_COUNT);
    box.replaceChildren(el("h4", null, "Related"));
    const items = el("ul");
    for (const other of body.results) {
      const item = el("li");
      item.appendChild(titleNode(other));
      const domain = safeHttpUrl(other.url) ? domainOf(other.url) : KIND_LABELS[other.kind];
      item.appendChild(el("span", "domain", domain));
      items.appendChild(item);
    }
    if (!body.results.length) items.appendChild(el("li", null, "Nothing related found."));
    box.appendChild(items);
  } catch (e) {
    box.replaceChildren(el("p", "status error", e.message));
  }
}

/** The index of the selected result, -1 when none. */
export function selectedIndex() {
  return selected;
}

/** Selects, focuses and scrolls to the result at index (clamped to the list); -1 forgets the selection. */
export function select(index) {
  if (index < 0) { selected = -1; return; }
  const items = [...list.children];
  if (!items.length) return;
  selected = Math.max(0, Math.min(items.length - 1, index));
  items.forEach((item, i) => item.classList.toggle("selected", i === selected));
  items[selected].focus();
  items[selected].scrollIntoView({ block: "nearest" });
}

/** Installs the one click listener of a list of cards (call once per list): it dispatches by the element clicked. */
export function listenToResults(target = list) {
  target.addEventListener("click", (event) => {
    const button = event.target.closest(".related-button");
    if (button && target.contains(button)) toggleRelated(button.closest(".result"), button);
  });
}
