// The topic map: every resource a dot on a <canvas>, coloured by topic, labels at topic centres; drag to pan, wheel
// or +/- to zoom, hover for the title, click (or arrows and Enter) for the resource's card. The current search's
// results light up and the rest dim; the lists on the left filter it.
import { el } from "./dom.js";
import { query } from "./state.js";
import { listenToResults, renderResult } from "./results.js";
import { resource, topicMap } from "./api.js";

/** Topic colours; the same list as the server's SVG picture (MapSvg.PALETTE). */
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
  "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#aec7e8", "#ffbb78"];
const HOVER_PX = 9;   // how near the pointer must be to a dot to pick it
const GRID = 64;      // cells per side of the lookup grid for hovering
const ZOOM_STEP = 1.5;
const LARGE = 20000;  // from this many points, dragging and zooming move the last picture until they stop

const $ = (id) => document.getElementById(id);
const canvas = $("map-canvas");
const ctx = canvas.getContext("2d");
const tip = $("map-tip");
const card = $("map-card");
const note = $("map-note");

let map = null;         // {points, clusters} from /api/map
let xs, ys, clusterOf;  // typed arrays of the points' places and topics
let members = [];       // per topic, its points' indices: one fillStyle per topic when drawing
let filterOk, on;       // per point, 1 when its lists pass the filter; 1 when it is drawn bright
let shownFor = {};      // what filterOk and on were computed for
let litPoints = [];     // the indices of the lit points that pass the filter
let snapshot = null;    // a large map's last full picture and its view, moved while dragging or zooming
let settle = 0;
let fitted = true;      // whether the view is the whole map (follows the canvas's size)
let grid = null;        // GRID*GRID arrays of point indices, for hovering
let view = { k: 1, tx: 0, ty: 0 };
let lit = null;         // Map id -> result of the current search, null when there is no query
let hover = -1;         // the point under the pointer or the keyboard cursor
let opened = -1;        // the point whose card is shown
let frame = 0;
let loading = null;

function colour(cluster) { return PALETTE[cluster % PALETTE.length]; }
function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

/** Uses this map (the API's answer): indexes it for drawing and hovering, and fits it to the canvas. */
export function use(data) {
  map = data;
  const n = data.points.length;
  xs = new Float32Array(n); ys = new Float32Array(n); clusterOf = new Int32Array(n);
  filterOk = new Uint8Array(n); on = new Uint8Array(n); snapshot = null;
  grid = Array.from({ length: GRID * GRID }, () => []);
  members = data.clusters.map(() => []);
  data.points.forEach((p, i) => {
    xs[i] = p.x; ys[i] = p.y; clusterOf[i] = p.cluster;
    members[p.cluster].push(i);
    grid[cell(p.x) * GRID + cell(p.y)].push(i);
  });
  hover = opened = -1;
  note.textContent = `${n} resources in ${data.clusters.length} topics`;
  renderTopics();
  fit();
}

function cell(v) { return Math.max(0, Math.min(GRID - 1, Math.floor(v * GRID))); }

/** Shows the whole map, and keeps showing it whatever the canvas's size until the user pans or zooms. */
function fit() {
  fitted = true;
  redraw();
}

function resize() {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(canvas.clientWidth * ratio);
  canvas.height = Math.round(canvas.clientHeight * ratio);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
}

/** Whether the point is in a ticked list (every point when none is ticked). */
function inFilter(i) {
  return filterOk[i] === 1;
}

/** Recomputes which points pass the list filter and which are lit, when the filter or the search changed. */
function refreshShown() {
  const key = [...query.sources].sort().join(",");
  if (shownFor.lit === lit && shownFor.key === key && shownFor.map === map) return;
  const n = xs.length;
  litPoints = [];
  for (let i = 0; i < n; i++) {
    const p = map.points[i];
    filterOk[i] = !query.sources.size || p.sources.some((s) => query.sources.has(s)) ? 1 : 0;
    on[i] = filterOk[i] && (!lit || lit.has(p.id)) ? 1 : 0;
    if (lit && on[i]) litPoints.push(i);
  }
  shownFor = { lit, key, map };
}

/** Draws on the next frame; while dragging or zooming a large map, the last picture moved, the full one when it stops. */
function redraw(moving = false) {
  if (moving && xs && xs.length > LARGE && snapshot) {
    clearTimeout(settle);
    settle = setTimeout(redraw, 150);
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; drawMoved(); });
    return;
  }
  if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); });
}

function drawMoved() {
  const w = canvas.clientWidth, h = canvas.clientHeight, s = view.k / snapshot.k;
  ctx.fillStyle = css("--panel");
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(snapshot.image, view.tx - snapshot.tx * s, view.ty - snapshot.ty * s, w * s, h * s);
}

/** Draws the map once: dots batched per colour (one fillStyle each), lit dots on top, then labels. */
function draw() {
  if (!map || canvas.hidden || !canvas.clientWidth) return;
  if (canvas.width !== Math.round(canvas.clientWidth * (window.devicePixelRatio || 1))) resize();
  refreshShown();
  const w = canvas.clientWidth, h = canvas.clientHeight;
  if (fitted) view = { k: Math.min(w, h) * 0.9, tx: (w - Math.min(w, h) * 0.9) / 2, ty: (h - Math.min(w, h) * 0.9) / 2 };
  const { k, tx, ty } = view;
  ctx.fillStyle = css("--panel");
  ctx.fillRect(0, 0, w, h);
  const n = xs.length, size = Math.max(1.5, Math.min(7, k / Math.sqrt(n) / 3)), half = size / 2;
  const dim = lit !== null || query.sources.size > 0;
  members.forEach((own, c) => {
    ctx.fillStyle = colour(c);
    for (const pass of dim ? [0, 1] : [1]) {
      ctx.globalAlpha = pass ? 0.9 : 0.22;
      for (const i of own) { // a fillRect each: faster in Chromium than one path of squares per colour (measured)
        if (on[i] !== pass) continue;
        const x = tx + xs[i] * k, y = ty + ys[i] * k;
        if (x > -size && y > -size && x < w + size && y < h + size) ctx.fillRect(x - half, y - half, size, size);
      }
    }
  });
  ctx.globalAlpha = 1;
  if (lit) drawHits(k, tx, ty);
  if (n > LARGE) {
    snapshot = snapshot || { image: document.createElement("canvas") };
    snapshot.image.width = canvas.width;
    snapshot.image.height = canvas.height;
    snapshot.image.getContext("2d").drawImage(canvas, 0, 0);
    Object.assign(snapshot, { k, tx, ty });
  }
  for (const i of [hover, opened]) if (i >= 0) ring(tx + xs[i] * k, ty + ys[i] * k, 8, css("--focus"));
  drawLabels(k, tx, ty);
}

function drawHits(k, tx, ty) {
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = css("--text");
  litPoints.forEach((i) => {
    const x = tx + xs[i] * k, y = ty + ys[i] * k;
    ctx.beginPath();
    ctx.arc(x, y, 6, 0, 2 * Math.PI);
    ctx.fillStyle = colour(clusterOf[i]);
    ctx.fill();
    ctx.stroke();
  });
}

function ring(x, y, r, stroke) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

/** Topic labels, largest topic first; a label that would cover one already drawn moves up or down, or waits for a zoom. */
function drawLabels(k, tx, ty) {
  ctx.font = "600 12.5px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.lineJoin = "round";
  const taken = [];
  for (const c of map.clusters) {
    const width = ctx.measureText(c.label).width + 18;
    const x = Math.max(width / 2, Math.min(canvas.clientWidth - width / 2, tx + c.x * k)); // never cut at an edge
    const y = [0, -16, 16, -32, 32].map((dy) => ty + c.y * k - 10 + dy).find((top) => !taken.some((b) =>
      Math.abs(b.x - x) < (b.width + width) / 2 && Math.abs(b.y - top) < 15));
    if (y === undefined) continue;
    taken.push({ x, y, width });
    ctx.lineWidth = 4;
    ctx.strokeStyle = css("--panel");
    ctx.strokeText(c.label, x + 6, y);
    ctx.fillStyle = css("--text");
    ctx.fillText(c.label, x + 6, y);
    ctx.beginPath();
    ctx.arc(x - width / 2 + 10, y - 4, 4, 0, 2 * Math.PI);
    ctx.fillStyle = colour(c.id);
    ctx.fill();
  }
}

/** The point nearest to a place on the canvas, within HOVER_PX, or -1. */
function pick(px, py) {
  if (!map) return -1;
  const { k, tx, ty } = view, wx = (px - tx) / k, wy = (py - ty) / k, r = HOVER_PX / k;
  let best = -1, bestD = r * r;
  for (let gx = cell(wx - r); gx <= cell(wx + r); gx++) {
    for (let gy = cell(wy - r); gy <= cell(wy + r); gy++) {
      for (const i of grid[gx * GRID + gy]) {
        const d = (xs[i] - wx) ** 2 + (ys[i] - wy) ** 2;
        if (d <= bestD && inFilter(i)) { bestD = d; best = i; }
      }
    }
  }
  return best;
}

function showTip(i) {
  hover = i;
  tip.hidden = i < 0;
  if (i >= 0) {
    const p = map.points[i];
    tip.replaceChildren(el("strong", null, p.title), el("span", "map-tip-topic", map.clusters[p.cluster].label));
    const x = view.tx + xs[i] * view.k, y = view.ty + ys[i] * view.k;
    tip.style.left = `${Math.min(x + 12, canvas.clientWidth - 260)}px`;
    tip.style.top = `${y + 12}px`;
  }
  redraw();
}

/** Shows the resource's card under the map: the search's result when it is one, else the resource itself. */
async function open(i) {
  if (i < 0) return;
  opened = i;
  announce(i);
  redraw();
  const id = map.points[i].id;
  let result = lit && lit.get(id);
  if (!result) {
    try {
      result = await resource(id);
    } catch (e) {
      card.replaceChildren(el("li", "status error", e.message));
      return;
    }
  }
  if (opened === i) card.replaceChildren(renderResult(result, false));
}

function zoom(factor, px = canvas.clientWidth / 2, py = canvas.clientHeight / 2, moving = false) {
  fitted = false;
  view = { k: view.k * factor, tx: px - (px - view.tx) * factor, ty: py - (py - view.ty) * factor };
  tip.hidden = true;
  redraw(moving);
}

/** Moves the keyboard cursor to the nearest shown point in the arrow's direction (only search hits while searching). */
function step(dx, dy) {
  if (!map) return;
  const shown = (i) => inFilter(i) && (!lit || !lit.size || lit.has(map.points[i].id));
  if (hover < 0) { showTip(nearestToCentre(shown)); announce(hover); return; }
  let best = -1, bestScore = Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (i === hover || !shown(i)) continue;
    const vx = xs[i] - xs[hover], vy = ys[i] - ys[hover], along = vx * dx + vy * dy;
    if (along <= 0) continue;
    const score = along + 2 * Math.abs(vx * dy - vy * dx); // prefer points straight ahead
    if (score < bestScore) { bestScore = score; best = i; }
  }
  if (best >= 0) { showTip(best); announce(best); }
}

function nearestToCentre(shown) {
  const cx = (canvas.clientWidth / 2 - view.tx) / view.k, cy = (canvas.clientHeight / 2 - view.ty) / view.k;
  let best = -1, bestD = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i] - cx) ** 2 + (ys[i] - cy) ** 2;
    if (d < bestD && shown(i)) { bestD = d; best = i; }
  }
  return best;
}

function announce(i) {
  if (i >= 0) $("map-live").textContent = `${map.points[i].title} — ${map.clusters[map.points[i].cluster].label}`;
}

function renderTopics() {
  const list = $("map-topics");
  list.replaceChildren(...map.clusters.map((c) => {
    const button = el("button", null, `${c.label} (${c.size})`);
    button.type = "button";
    button.style.setProperty("--dot", colour(c.id));
    button.addEventListener("click", () => focusTopic(c));
    return el("li").appendChild(button).parentNode;
  }));
}

function focusTopic(c) {
  fitted = false;
  const factor = 3 * (Math.min(canvas.clientWidth, canvas.clientHeight) * 0.9) / view.k;
  view.k *= factor;
  view.tx = canvas.clientWidth / 2 - c.x * view.k;
  view.ty = canvas.clientHeight / 2 - c.y * view.k;
  redraw();
}

async function load() {
  if (!loading) {
    loading = topicMap().then(use)
      .catch((e) => { loading = null; note.textContent = e.message; note.classList.add("error"); });
  }
  return loading;
}

/** Draws the map in its now visible canvas, loading it the first time. */
export function showMap() {
  resize();
  load().then(() => redraw());
}

function listen() {
  let drag = null;
  canvas.addEventListener("pointerdown", (e) => { drag = { x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty, moved: false }; canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener("pointermove", (e) => {
    const box = canvas.getBoundingClientRect();
    if (drag && (drag.moved || Math.hypot(e.clientX - drag.x, e.clientY - drag.y) > 3)) {
      drag.moved = true;
      fitted = false;
      view.tx = drag.tx + e.clientX - drag.x;
      view.ty = drag.ty + e.clientY - drag.y;
      tip.hidden = true;
      redraw(true);
    } else {
      const i = pick(e.clientX - box.left, e.clientY - box.top);
      if (i !== hover) showTip(i);
      canvas.style.cursor = i >= 0 ? "pointer" : "grab";
    }
  });
  canvas.addEventListener("pointerup", (e) => {
    const box = canvas.getBoundingClientRect();
    if (drag && !drag.moved) open(pick(e.clientX - box.left, e.clientY - box.top));
    if (drag && drag.moved) redraw();
    drag = null;
  });
  canvas.addEventListener("pointerleave", () => { if (!drag) showTip(-1); });
  canvas.addEventListener("wheel", (e) => {
    e.preventDefault();
    const box = canvas.getBoundingClientRect();
    zoom(Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top, true);
  }, { passive: false });
  canvas.addEventListener("keydown", (e) => {
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (moves[e.key]) { e.preventDefault(); step(...moves[e.key]); }
    else if (e.key === "Enter" && hover >= 0) { e.preventDefault(); open(hover); }
    else if (e.key === "+" || e.key === "=") zoom(ZOOM_STEP);
    else if (e.key === "-") zoom(1 / ZOOM_STEP);
  });
  $("map-zoom-in").addEventListener("click", () => zoom(ZOOM_STEP));
  $("map-zoom-out").addEventListener("click", () => zoom(1 / ZOOM_STEP));
  $("map-reset").addEventListener("click", fit);
  // search.js says what the current search found (null: no query); the list filter reruns the search, so this
  // event also follows the lists' checkboxes.
  document.addEventListener("shelf:results", (e) => {
    lit = e.detail ? new Map(e.detail.map((r) => [r.id, r])) : null;
    redraw();
  });
  window.addEventListener("resize", () => { if (map) { resize(); redraw(); } });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", redraw);
  listenToResults(card);
}

listen();

// For the browser tests and measurements: timeDraw draws once (pixels included) and says in how many ms.
window.shelfMap = {
  timeDraw() { const start = performance.now(); draw(); ctx.getImageData(0, 0, 1, 1); return performance.now() - start; },
  screenOf(i) {
    const box = canvas.getBoundingClientRect();
    return { x: box.left + view.tx + xs[i] * view.k, y: box.top + view.ty + ys[i] * view.k };
  },
  size: () => (xs ? xs.length : 0),
  brightCount() { if (!on) return 0; refreshShown(); return on.reduce((sum, b) => sum + b, 0); }, // lit and not filtered out
  use,
};
