// Drawing the map's state (map-model.js) onto a canvas's 2D context in the state's view: dots batched per topic
// colour, the search's hits, the cursor's rings and the topic labels; for a large map being dragged or zoomed, its
// last picture moved instead. Reads the state; writes only its snapshot.
import { screenOf } from "./map-model.js";

/** Topic colours; the same list as the server's SVG picture (MapSvg.PALETTE). */
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
  "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#aec7e8", "#ffbb78"];

/** From this many points, dragging and zooming move the last picture until they stop. */
export const LARGE = 20000;

/** The colour of a topic, by its id. */
export function colour(cluster) { return PALETTE[cluster % PALETTE.length]; }

// Read at each draw so that the map follows the page's light or dark theme.
function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

/**
 * Draws the map once on a w*h canvas (CSS pixels): dots batched per colour (one fillStyle each), lit dots on top,
 * then the rings of the hovered and opened points, then labels. Keeps a large map's picture without rings and labels
 * in state.snapshot for drawMoved.
 */
export function drawMap(ctx, state, w, h) {
  const { xs, ys, on, members, view: { k, tx, ty } } = state;
  ctx.fillStyle = css("--panel");
  ctx.fillRect(0, 0, w, h);
  const n = xs.length, size = Math.max(1.5, Math.min(7, k / Math.sqrt(n) / 3)), half = size / 2;
  members.forEach((own, c) => {
    ctx.fillStyle = colour(c);
    for (const pass of state.dimmed ? [0, 1] : [1]) {
      ctx.globalAlpha = pass ? 0.9 : 0.22;
      for (const i of own) { // a fillRect each: faster in Chromium than one path of squares per colour (measured)
        if (on[i] !== pass) continue;
        const x = tx + xs[i] * k, y = ty + ys[i] * k;
        if (x > -size && y > -size && x < w + size && y < h + size) ctx.fillRect(x - half, y - half, size, size);
      }
    }
  });
  ctx.globalAlpha = 1;
  if (state.lit) drawHits(ctx, state);
  if (n > LARGE) keepSnapshot(ctx.canvas, state);
  for (const i of [state.hover, state.opened]) {
    if (i >= 0) { const at = screenOf(state, i); ring(ctx, at.x, at.y, 8, css("--focus")); }
  }
  drawLabels(ctx, state, w);
}

function keepSnapshot(canvas, state) {
  const snapshot = state.snapshot = state.snapshot || { image: document.createElement("canvas") };
  snapshot.image.width = canvas.width;
  snapshot.image.height = canvas.height;
  snapshot.image.getContext("2d").drawImage(canvas, 0, 0);
  Object.assign(snapshot, state.view);
}

/** Draws the last full picture (state.snapshot) moved and scaled to the state's view: cheap enough for every frame. */
export function drawMoved(ctx, state, w, h) {
  const { snapshot, view } = state, s = view.k / snapshot.k;
  ctx.fillStyle = css("--panel");
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(snapshot.image, view.tx - snapshot.tx * s, view.ty - snapshot.ty * s, w * s, h * s);
}

function drawHits(ctx, state) {
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = css("--text");
  state.litPoints.forEach((i) => {
    const { x, y } = screenOf(state, i);
    ctx.beginPath();
    ctx.arc(x, y, 6, 0, 2 * Math.PI);
    ctx.fillStyle = colour(state.clusterOf[i]);
    ctx.fill();
    ctx.stroke();
  });
}

function ring(ctx, x, y, r, stroke) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

/** Topic labels, largest topic first; a label that would cover one already drawn moves up or down, or waits for a zoom. */
function drawLabels(ctx, state, w) {
  const { k, tx, ty } = state.view;
  ctx.font = "600 12.5px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.lineJoin = "round";
  const taken = [];
  for (const c of state.map.clusters) {
    const width = ctx.measureText(c.label).width + 18;
    const x = Math.max(width / 2, Math.min(w - width / 2, tx + c.x * k)); // never cut at an edge
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
