// The map's state and the geometry on it: the API's answer indexed in typed arrays and a lookup grid, which points
// the list filter and the search let through, the view transform, and the point under the pointer or next in an
// arrow's direction. No DOM here: map.js owns the one state object and map-draw.js draws it.

const GRID = 64;      // cells per side of the lookup grid for hovering
const HOVER_PX = 9;   // how near the pointer must be to a dot to pick it

/** Everything the map view knows and shows, before any map is loaded. */
export function emptyState() {
  return {
    map: null,            // {points, clusters} from /api/map
    xs: null,             // typed arrays of the points' places and topics
    ys: null,
    clusterOf: null,
    members: [],          // per topic, its points' indices: one fillStyle per topic when drawing
    grid: null,           // GRID*GRID arrays of point indices, for hovering
    filterOk: null,       // per point, 1 when its lists pass the filter
    on: null,             // per point, 1 when it is drawn bright
    dimmed: false,        // whether the others are drawn dim (a search or a list filter is on)
    litPoints: [],        // the indices of the lit points that pass the filter
    shownFor: {},         // what filterOk, on, dimmed and litPoints were computed for
    lit: null,            // Map id -> result of the current search, null when there is no query
    view: { k: 1, tx: 0, ty: 0 },
    fitted: true,         // whether the view is the whole map (follows the canvas's size)
    snapshot: null,       // a large map's last full picture and its view, moved while dragging or zooming
    hover: -1,            // the point under the pointer or the keyboard cursor
    opened: -1,           // the point whose card is shown
  };
}

function cell(v) { return Math.max(0, Math.min(GRID - 1, Math.floor(v * GRID))); }

/** Makes the state show this map (the API's answer), indexed for drawing and hovering; nothing hovered or opened. */
export function setMap(state, data) {
  state.map = data;
  const n = data.points.length;
  const xs = state.xs = new Float32Array(n), ys = state.ys = new Float32Array(n);
  const clusterOf = state.clusterOf = new Int32Array(n);
  state.filterOk = new Uint8Array(n);
  state.on = new Uint8Array(n);
  state.snapshot = null;
  const grid = state.grid = Array.from({ length: GRID * GRID }, () => []);
  const members = state.members = data.clusters.map(() => []);
  data.points.forEach((p, i) => {
    xs[i] = p.x; ys[i] = p.y; clusterOf[i] = p.cluster;
    members[p.cluster].push(i);
    grid[cell(p.x) * GRID + cell(p.y)].push(i);
  });
  state.hover = state.opened = -1;
}

/** Recomputes which points pass the list filter (these sources) and which are lit, when either changed. */
export function refreshShown(state, sources) {
  const { map, lit, filterOk, on } = state;
  const key = [...sources].sort().join(",");
  if (state.shownFor.lit === lit && state.shownFor.key === key && state.shownFor.map === map) return;
  const n = state.xs.length;
  const litPoints = [];
  for (let i = 0; i < n; i++) {
    const p = map.points[i];
    filterOk[i] = !sources.size || p.sources.some((s) => sources.has(s)) ? 1 : 0;
    on[i] = filterOk[i] && (!lit || lit.has(p.id)) ? 1 : 0;
    if (lit && on[i]) litPoints.push(i);
  }
  state.litPoints = litPoints;
  state.dimmed = lit !== null || sources.size > 0;
  state.shownFor = { lit, key, map };
}

/** The view that shows the whole map, centred, in a canvas of this size. */
export function fittedView(w, h) {
  return { k: Math.min(w, h) * 0.9, tx: (w - Math.min(w, h) * 0.9) / 2, ty: (h - Math.min(w, h) * 0.9) / 2 };
}

/** The view zoomed by this factor, the canvas's place (px, py) staying where it is. */
export function zoomedView(view, factor, px, py) {
  return { k: view.k * factor, tx: px - (px - view.tx) * factor, ty: py - (py - view.ty) * factor };
}

/** Zooms the view in to three times the fitted scale, centred on the topic c in a canvas of this size. */
export function focusView(view, c, w, h) {
  const factor = 3 * (Math.min(w, h) * 0.9) / view.k;
  view.k *= factor;
  view.tx = w / 2 - c.x * view.k;
  view.ty = h / 2 - c.y * view.k;
}

/** Where point i is on the canvas, in CSS pixels. */
export function screenOf(state, i) {
  const { k, tx, ty } = state.view;
  return { x: tx + state.xs[i] * k, y: ty + state.ys[i] * k };
}

/** The point nearest to a place on the canvas, within HOVER_PX and passing the list filter, or -1. */
export function pick(state, px, py) {
  if (!state.map) return -1;
  const { xs, ys, grid, filterOk } = state;
  const { k, tx, ty } = state.view, wx = (px - tx) / k, wy = (py - ty) / k, r = HOVER_PX / k;
  let best = -1, bestD = r * r;
  for (let gx = cell(wx - r); gx <= cell(wx + r); gx++) {
    for (let gy = cell(wy - r); gy <= cell(wy + r); gy++) {
      for (const i of grid[gx * GRID + gy]) {
        const d = (xs[i] - wx) ** 2 + (ys[i] - wy) ** 2;
        if (d <= bestD && filterOk[i] === 1) { bestD = d; best = i; }
      }
    }
  }
  return best;
}

/** Which points the keyboard walks: those passing the list filter and, while searching, only the search's hits. */
export function walkable(state) {
  const { map, lit, filterOk } = state;
  return (i) => filterOk[i] === 1 && (!lit || !lit.size || lit.has(map.points[i].id));
}

/** The shown point nearest to the canvas's place (px, py), or -1. */
export function nearestTo(state, px, py, shown) {
  const { xs, ys, view } = state;
  const cx = (px - view.tx) / view.k, cy = (py - view.ty) / view.k;
  let best = -1, bestD = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i] - cx) ** 2 + (ys[i] - cy) ** 2;
    if (d < bestD && shown(i)) { bestD = d; best = i; }
  }
  return best;
}

/** The shown point nearest to point `from` in the direction (dx, dy), preferring points straight ahead, or -1. */
export function ahead(state, from, dx, dy, shown) {
  const { xs, ys } = state;
  let best = -1, bestScore = Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (i === from || !shown(i)) continue;
    const vx = xs[i] - xs[from], vy = ys[i] - ys[from], along = vx * dx + vy * dy;
    if (along <= 0) continue;
    const score = along + 2 * Math.abs(vx * dy - vy * dx); // a sideways step costs twice a forward one
    if (score < bestScore) { bestScore = score; best = i; }
  }
  return best;
}
