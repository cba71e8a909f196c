// The topic map: every resource a dot on a <canvas>, coloured by topic, labels at topic centres; drag to pan, wheel
// or +/- to zoom, hover for the title, click (or arrows and Enter) for the resource's card. The current search's
// results light up and the rest dim; the lists on the left filter it. This module owns the map's one state object
// (map-model.js) and the page's map elements, and has map-draw.js draw the state on each animation frame.
import { el } from "./dom.js";
import { query } from "./state.js";
import { listenToResults, renderResult } from "./results.js";
import { resource, topicMap } from "./api.js";
import { ahead, emptyState, fittedView, focusView, nearestTo, pick, refreshShown, screenOf, setMap, walkable,
  zoomedView } from "./map-model.js";
import { LARGE, colour, drawMap, drawMoved } from "./map-draw.js";

const ZOOM_STEP = 1.5;

const $ = (id) => document.getElementById(id);
const canvas = $("map-canvas");
const ctx = canvas.getContext("2d");
const tip = $("map-tip");
const card = $("map-card");
const note = $("map-note");

const state = emptyState();
let frame = 0;          // the pending animation frame's id, 0 when none
let settle = 0;         // the timer that draws a large map in full once dragging or zooming stops
let loading = null;     // the promise of the map's first load

/** Uses this map (the API's answer): indexes it for drawing and hovering, and fits it to the canvas. */
export function use(data) {
  setMap(state, data);
  note.textContent = `${data.points.length} resources in ${data.clusters.length} topics`;
  renderTopics();
  fit();
}

/** Shows the whole map, and keeps showing it whatever the canvas's size until the user pans or zooms. */
function fit() {
  state.fitted = true;
  redraw();
}

function resize() {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(canvas.clientWidth * ratio);
  canvas.height = Math.round(canvas.clientHeight * ratio);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
}

/** Draws on the next frame; while dragging or zooming a large map, the last picture moved, the full one when it stops. */
function redraw(moving = false) {
  if (moving && state.xs && state.xs.length > LARGE && state.snapshot) {
    clearTimeout(settle);
    settle = setTimeout(redraw, 150);
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      drawMoved(ctx, state, canvas.clientWidth, canvas.clientHeight);
    });
    return;
  }
  if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); });
}

/** Draws the map once, now, at the canvas's current size and with the current search and list filter. */
function draw() {
  if (!state.map || canvas.hidden || !canvas.clientWidth) return;
  if (canvas.width !== Math.round(canvas.clientWidth * (window.devicePixelRatio || 1))) resize();
  refreshShown(state, query.sources);
  const w = canvas.clientWidth, h = canvas.clientHeight;
  if (state.fitted) state.view = fittedView(w, h);
  drawMap(ctx, state, w, h);
}

function showTip(i) {
  state.hover = i;
  tip.hidden = i < 0;
  if (i >= 0) {
    const { map } = state, p = map.points[i];
    tip.replaceChildren(el("strong", null, p.title), el("span", "map-tip-topic", map.clusters[p.cluster].label));
    const { x, y } = screenOf(state, i);
    tip.style.left = `${Math.min(x + 12, canvas.clientWidth - 260)}px`;
    tip.style.top = `${y + 12}px`;
  }
  redraw();
}

/** Shows the resource's card under the map: the search's result when it is one, else the resource itself. */
async function open(i) {
  if (i < 0) return;
  state.opened = i;
  announce(i);
  redraw();
  const id = state.map.points[i].id;
  let result = state.lit && state.lit.get(id);
  if (!result) {
    try {
      result = await resource(id);
    } catch (e) {
      card.replaceChildren(el("li", "status error", e.message));
      return;
    }
  }
  if (state.opened === i) card.replaceChildren(renderResult(result, false));
}

function zoom(factor, px = canvas.clientWidth / 2, py = canvas.clientHeight / 2, moving = false) {
  state.fitted = false;
  state.view = zoomedView(state.view, factor, px, py);
  tip.hidden = true;
  redraw(moving);
}

/** Moves the keyboard cursor to the nearest shown point in the arrow's direction (only search hits while searching). */
function step(dx, dy) {
  if (!state.map) return;
  const shown = walkable(state);
  if (state.hover < 0) {
    showTip(nearestTo(state, canvas.clientWidth / 2, canvas.clientHeight / 2, shown));
    announce(state.hover);
    return;
  }
  const next = ahead(state, state.hover, dx, dy, shown);
  if (next >= 0) { showTip(next); announce(next); }
}

function announce(i) {
  const { map } = state;
  if (i >= 0) $("map-live").textContent = `${map.points[i].title} — ${map.clusters[map.points[i].cluster].label}`;
}

function renderTopics() {
  const list = $("map-topics");
  list.replaceChildren(...state.map.clusters.map((c) => {
    const button = el("button", null, `${c.label} (${c.size})`);
    button.type = "button";
    button.style.setProperty("--dot", colour(c.id));
    button.addEventListener("click", () => focusTopic(c));
    return el("li").appendChild(button).parentNode;
  }));
}

function focusTopic(c) {
  state.fitted = false;
  focusView(state.view, c, canvas.clientWidth, canvas.clientHeight);
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

/** The pointer's place on the canvas, in CSS pixels. */
function onCanvas(e) {
  const box = canvas.getBoundingClientRect();
  return [e.clientX - box.left, e.clientY - box.top];
}

function listenToPointer() {
  let drag = null;
  canvas.addEventListener("pointerdown", (e) => {
    drag = { x: e.clientX, y: e.clientY, tx: state.view.tx, ty: state.view.ty, moved: false };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (drag && (drag.moved || Math.hypot(e.clientX - drag.x, e.clientY - drag.y) > 3)) {
      drag.moved = true;
      state.fitted = false;
      state.view.tx = drag.tx + e.clientX - drag.x;
      state.view.ty = drag.ty + e.clientY - drag.y;
      tip.hidden = true;
      redraw(true);
    } else {
      const i = pick(state, ...onCanvas(e));
      if (i !== state.hover) showTip(i);
      canvas.style.cursor = i >= 0 ? "pointer" : "grab";
    }
  });
  canvas.addEventListener("pointerup", (e) => {
    if (drag && !drag.moved) open(pick(state, ...onCanvas(e)));
    if (drag && drag.moved) redraw();
    drag = null;
  });
  canvas.addEventListener("pointerleave", () => { if (!drag) showTip(-1); });
  canvas.addEventListener("wheel", (e) => {
    e.preventDefault();
    zoom(Math.exp(-e.deltaY * 0.0015), ...onCanvas(e), true);
  }, { passive: false });
}

function listen() {
  listenToPointer();
  canvas.addEventListener("keydown", (e) => {
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (moves[e.key]) { e.preventDefault(); step(...moves[e.key]); }
    else if (e.key === "Enter" && state.hover >= 0) { e.preventDefault(); open(state.hover); }
    else if (e.key === "+" || e.key === "=") zoom(ZOOM_STEP);
    else if (e.key === "-") zoom(1 / ZOOM_STEP);
  });
  $("map-zoom-in").addEventListener("click", () => zoom(ZOOM_STEP));
  $("map-zoom-out").addEventListener("click", () => zoom(1 / ZOOM_STEP));
  $("map-reset").addEventListener("click", fit);
  // search.js says what the current search found (null: no query); the list filter reruns the search, so this
  // event also follows the lists' checkboxes.
  document.addEventListener("shelf:results", (e) => {
    // A work is one point, at its first copy, which need not be the copy the search ranked: every copy lights it.
    state.lit = e.detail ? new Map(e.detail.flatMap((r) => [[r.id, r], ...(r.copies || []).map((c) => [c.id, r])]))
      : null;
    redraw();
  });
  window.addEventListener("resize", () => { if (state.map) { resize(); redraw(); } });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", redraw);
  listenToResults(card);
}

listen();

// For the browser tests and measurements: timeDraw draws once (pixels included) and says in how many ms.
window.shelfMap = {
  timeDraw() { const start = performance.now(); draw(); ctx.getImageData(0, 0, 1, 1); return performance.now() - start; },
  screenOf(i) {
    const box = canvas.getBoundingClientRect(), at = screenOf(state, i);
    return { x: box.left + at.x, y: box.top + at.y };
  },
  size: () => (state.xs ? state.xs.length : 0),
  brightCount() { // lit and not filtered out
    if (!state.on) return 0;
    refreshShown(state, query.sources);
    return state.on.reduce((sum, b) => sum + b, 0);
  },
  use,
};
