// Snippets: the server's HTML-escaped passage with <mark> as its only markup, rebuilt as text nodes and <mark>s.
import { el } from "./dom.js";

const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'" };

function unescapeEntities(text) {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]);
}

/** Replaces the target's children with the snippet; any other tag in it stays visible text, never markup. */
export function renderSnippet(target, snippet) {
  target.replaceChildren();
  if (!snippet) return;
  let marked = false;
  for (const part of String(snippet).split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") { marked = true; continue; }
    if (part === "</mark>") { marked = false; continue; }
    if (!part) continue;
    const text = document.createTextNode(unescapeEntities(part));
    if (marked) {
      const mark = el("mark");
      mark.appendChild(text);
      target.appendChild(mark);
    } else {
      target.appendChild(text);
    }
  }
}
