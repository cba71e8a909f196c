// Query state (text, mode, explain, selected lists) and its place in the URL: ?q=&mode=&source=&explain=.
import { DEFAULT_MODE } from "./settings.js";

/** What is being searched; the controls on the page and the URL both mirror it. */
export const query = { text: "", mode: DEFAULT_MODE, explain: false, sources: new Set() };

/** Sets the query from the page's URL (on load and on back/forward). */
export function readUrl() {
  const params = new URLSearchParams(location.search);
  query.text = params.get("q") || "";
  query.mode = params.get("mode") || DEFAULT_MODE;
  query.sources = new Set(params.getAll("source"));
  query.explain = params.get("explain") === "true";
}

/** Puts the query in the URL, replacing the history entry, so it can be bookmarked; defaults are left out. */
export function writeUrl() {
  const params = new URLSearchParams();
  if (query.text.trim()) params.set("q", query.text);
  if (query.mode !== DEFAULT_MODE) params.set("mode", query.mode);
  for (const s of query.sources) params.append("source", s);
  if (query.explain) params.set("explain", "true");
  const search = params.toString();
  history.replaceState(null, "", (search ? "?" + search : location.pathname) + location.hash);
}
