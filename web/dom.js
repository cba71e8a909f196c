// Safe DOM building: elements with text only (never HTML), and links only to http(s) addresses.

/** A new element with an optional class and text, the text set as textContent (never parsed as HTML). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** The URL if it is http(s), otherwise null: no javascript:, data: or relative links are ever made clickable. */
export function safeHttpUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

/** The host name of a URL without "www.", or "" when it is not a URL. */
export function domainOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch (e) {
    return "";
  }
}

/** A result's title: a link opening in a new tab when its URL is http(s), plain text otherwise. */
export function titleNode(result) {
  const href = safeHttpUrl(result.url);
  if (!href) return el("span", "plain-title", result.title);
  const link = el("a", null, result.title);
  link.href = href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  return link;
}
