// The Lists panel's writes: "Add a list" (a file picker, or a file dropped anywhere on the page), remove buttons with
// a confirm, and the lists' states, asked for again while one is indexing. Every write sends X-Requested-With.
import * as api from "./api.js";
import { showLists } from "./sources.js";
import { query } from "./state.js";
import { LISTS_POLL_MS, SOURCES_RETRY_MS } from "./settings.js";

const $ = (id) => document.getElementById(id);
const status = $("lists-status");
let polling = null; // the timer of the next refresh, null when none is due
let waiting = false; // whether a list was indexing at the last refresh (or a write was just made)
let onIndexed = () => {};

function say(text, error = false) {
  status.classList.toggle("error", error);
  status.textContent = text;
}

/** Asks for the lists and shows them; keeps asking while one is indexing, then runs onIndexed once. */
export async function refreshLists() {
  clearTimeout(polling);
  polling = null;
  let lists;
  try {
    lists = await api.sources();
  } catch (e) {
    if (e.status === 503) polling = setTimeout(refreshLists, SOURCES_RETRY_MS);
    return;
  }
  showLists(lists);
  if (lists.some((list) => list.state === "indexing")) {
    polling = setTimeout(refreshLists, LISTS_POLL_MS);
    waiting = true;
  } else if (waiting) {
    waiting = false;
    onIndexed();
  }
}

async function add(file) {
  if (!file) return;
  say(`Adding “${file.name}”…`);
  try {
    const saved = await api.putList(file);
    say(`“${saved.name}” ${saved.state === "indexing" ? "is being indexed" : "is " + saved.state}.`);
  } catch (e) {
    say(e.message, true);
    return;
  }
  waiting = true;
  refreshLists();
}

async function remove(button) {
  const { id, name } = button.dataset;
  if (!window.confirm(`Remove the list “${name}”? Its file is deleted from the sources folder.`)) return;
  try {
    await api.deleteList(id);
  } catch (e) {
    say(e.message, true);
    return;
  }
  say(`“${name}” is being removed.`);
  query.sources.delete(id);
  waiting = true;
  refreshLists();
}

/** Wires the panel (call once); onChange runs when indexing ends, so the results show the lists as they are now. */
export function listenToLists(onChange) {
  onIndexed = onChange;
  const input = $("list-file");
  $("add-list").addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const file = input.files[0];
    input.value = ""; // the same file can be picked again after editing it
    add(file);
  });
  $("sources").addEventListener("click", (event) => {
    const button = event.target.closest(".remove-list");
    if (button) remove(button);
  });
  // Drop a file anywhere on the page: only drags that carry files are taken, so text drags still work.
  const carriesFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes("Files");
  document.addEventListener("dragover", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    document.body.classList.add("dropping");
  });
  document.addEventListener("dragleave", (event) => {
    if (event.relatedTarget === null) document.body.classList.remove("dropping");
  });
  document.addEventListener("drop", (event) => {
    document.body.classList.remove("dropping");
    if (!carriesFiles(event)) return;
    event.preventDefault();
    [...event.dataTransfer.files].forEach(add);
  });
}
