// Start-up: wires the page's controls, keyboard and history to the query and the List and Map tabs, then runs the
// first search.
import { query, readUrl, writeUrl } from "./state.js";
import { search, searchSoon } from "./search.js";
import { listenToResults, select, selectedIndex, showWhy } from "./results.js";
import { listenToSources } from "./sources.js";
import { listenToLists, refreshLists } from "./lists.js";
import { showMap } from "./map.js";
import { el } from "./dom.js";
import { EXAMPLES } from "./settings.js";

const $ = (id) => document.getElementById(id);
const input = $("q");
const explainToggle = $("explain");
const resultsList = $("results");

/** Sets the controls (box, mode, explain) from the query, as after reading the URL. */
function showQuery() {
  input.value = query.text;
  const radio = document.querySelector(`input[name=mode][value="${CSS.escape(query.mode)}"]`);
  if (radio) radio.checked = true;
  query.mode = document.querySelector("input[name=mode]:checked").value; // an unknown mode keeps the checked one
  explainToggle.checked = query.explain;
}

/** Shows the list or the map, and says which in the URL so that a bookmark keeps the view. */
function showView(mapView) {
  $("tab-list").setAttribute("aria-selected", String(!mapView));
  $("tab-map").setAttribute("aria-selected", String(mapView));
  $("tab-list").tabIndex = mapView ? -1 : 0;
  $("tab-map").tabIndex = mapView ? 0 : -1;
  $("list-view").hidden = mapView;
  $("map-view").hidden = !mapView;
  history.replaceState(null, "", location.pathname + location.search + (mapView ? "#map" : ""));
  if (mapView) showMap();
}

function listenToTabs() {
  $("tab-list").addEventListener("click", () => showView(false));
  $("tab-map").addEventListener("click", () => showView(true));
  $("views").addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const toMap = e.key === "ArrowRight";
    showView(toMap);
    $(toMap ? "tab-map" : "tab-list").focus();
  });
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
listenToTabs();
listenToSources(search);
listenToLists(search);
document.addEventListener("keydown", onKey);
window.addEventListener("popstate", () => { readUrl(); showQuery(); search(); });

if (location.hash === "#map") showView(true);
readUrl();
showQuery();
refreshLists();
search();
input.focus();
