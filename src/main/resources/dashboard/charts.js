// Two small SVG charts: values over time (stacked bars or lines) and a horizontal bar chart.
// Every mark and legend entry carries data-series / data-value, so tests and tools can read what is drawn.
// Text goes in through textContent only; nothing from the data is parsed as markup.

const SVG = "http://www.w3.org/2000/svg";
const MIN_WIDTH = 280;
const MARGIN = { top: 10, right: 12, bottom: 26, left: 52 };

function svg(name, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }
  if (parent) {
    parent.appendChild(node);
  }
  return node;
}

function title(node, text) {
  svg("title", {}, node).textContent = text;
}

/** A round upper bound for an axis, and its ticks: 1, 2 or 5 times a power of ten. */
export function niceScale(max, ticks = 4) {
  if (!(max > 0)) {
    return { max: 1, ticks: [0, 1] };
  }
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const top = Math.ceil(max / step) * step;
  const values = [];
  for (let v = 0; v <= top + step / 2; v += step) {
    values.push(Number(v.toPrecision(12)));
  }
  return { max: top, ticks: values };
}

/** Draw at the figure's own width, so text keeps its size in narrow and wide cards alike. */
function widthOf(figure) {
  return Math.max(MIN_WIDTH, Math.round(figure.clientWidth || 0));
}

/** Replaces the figure's previous drawing (keeps its caption). */
function reset(figure) {
  for (const node of [...figure.children]) {
    if (node.tagName !== "FIGCAPTION") {
      node.remove();
    }
  }
}

function empty(figure, message) {
  figure.dataset.empty = "true";
  const p = document.createElement("p");
  p.className = "empty";
  p.textContent = message;
  figure.appendChild(p);
}

function legend(figure, series) {
  const list = document.createElement("ul");
  list.className = "legend";
  for (const s of series) {
    const item = document.createElement("li");
    item.dataset.series = s.name;
    const swatch = svg("svg", { width: 10, height: 10, viewBox: "0 0 10 10", "aria-hidden": "true" });
    svg("rect", { width: 10, height: 10, rx: 2, fill: s.color }, swatch);
    item.append(swatch, document.createTextNode(" " + s.name + (s.total != null ? " (" + s.total + ")" : "")));
    list.appendChild(item);
  }
  figure.appendChild(list);
}

function timeLabel(t, step) {
  const iso = new Date(t * 1000).toISOString();
  return step >= 86400 ? iso.slice(5, 10) : iso.slice(11, 16);
}

/**
 * Values over time. options: start, end, step (epoch seconds), series [{name, color, values: Map(t → number)}],
 * kind "stacked" (bars) or "lines", format (number → label), emptyMessage.
 */
export function timeChart(figure, { start, end, step, series, kind, format = String, emptyMessage = "No calls in this range" }) {
  reset(figure);
  delete figure.dataset.empty;
  const buckets = [];
  for (let t = Math.floor(start / step) * step; t < end; t += step) {
    buckets.push(t);
  }
  const drawn = series.filter((s) => [...s.values.values()].some((v) => v != null));
  if (drawn.length === 0) {
    empty(figure, emptyMessage);
    return;
  }
  const width = widthOf(figure);
  const height = 200;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const peak = Math.max(...buckets.map((t) => kind === "stacked"
      ? drawn.reduce((sum, s) => sum + (s.values.get(t) ?? 0), 0)
      : Math.max(0, ...drawn.map((s) => s.values.get(t) ?? 0))));
  const scale = niceScale(peak);
  const x = (i) => MARGIN.left + (i / buckets.length) * plotW;
  const y = (v) => MARGIN.top + plotH - (v / scale.max) * plotH;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart" });
  root.dataset.kind = kind;
  title(root, figure.querySelector("figcaption")?.textContent ?? "chart");

  const axis = svg("g", { class: "axis" }, root);
  for (const v of scale.ticks) {
    svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(v), y2: y(v), class: v === 0 ? "base" : "grid" }, axis);
    svg("text", { x: MARGIN.left - 6, y: y(v) + 4, "text-anchor": "end" }, axis).textContent = format(v);
  }
  const every = Math.max(1, Math.ceil(buckets.length / 6));
  buckets.forEach((t, i) => {
    if (i % every === 0) {
      svg("text", { x: x(i) + plotW / buckets.length / 2, y: height - 8, "text-anchor": "middle" }, axis).textContent = timeLabel(t, step);
    }
  });

  const slot = plotW / buckets.length;
  const barW = Math.max(1, slot * 0.8);
  const floor = new Map(buckets.map((t) => [t, 0]));
  for (const s of drawn) {
    const group = svg("g", { class: "series", "data-series": s.name, fill: s.color, stroke: s.color }, root);
    if (kind === "stacked") {
      buckets.forEach((t, i) => {
        const v = s.values.get(t) ?? 0;
        if (v > 0) {
          const base = floor.get(t);
          const rect = svg("rect", { x: x(i) + (slot - barW) / 2, y: y(base + v), width: barW, height: Math.max(1, y(base) - y(base + v)),
            "data-value": v, "data-t": t }, group);
          title(rect, `${s.name} · ${timeLabel(t, step)} UTC: ${format(v)}`);
          floor.set(t, base + v);
        }
      });
    } else {
      let path = "";
      buckets.forEach((t, i) => {
        const v = s.values.get(t);
        if (v == null) {
          return;
        }
        const px = x(i) + slot / 2;
        path += (s.values.get(buckets[i - 1]) == null ? "M" : "L") + px.toFixed(1) + "," + y(v).toFixed(1);
        const dot = svg("circle", { cx: px, cy: y(v), r: 2.5, "data-value": v, "data-t": t }, group);
        title(dot, `${s.name} · ${timeLabel(t, step)} UTC: ${format(v)}`);
      });
      svg("path", { d: path, fill: "none", "stroke-width": 2 }, group);
    }
  }
  figure.appendChild(root);
  legend(figure, drawn);
}

/** Horizontal bars. options: bars [{name, value, color}], format, emptyMessage. Zero bars are drawn as labels only. */
export function barChart(figure, { bars, format = String, emptyMessage = "Nothing in this range" }) {
  reset(figure);
  delete figure.dataset.empty;
  if (bars.length === 0 || bars.every((b) => !(b.value > 0))) {
    empty(figure, emptyMessage);
    return;
  }
  const width = widthOf(figure);
  const row = 28;
  const label = Math.min(150, Math.round(width * 0.32));
  const height = bars.length * row + 8;
  const scale = niceScale(Math.max(...bars.map((b) => b.value)));
  const plotW = width - label - 64;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart" });
  root.dataset.kind = "bars";
  title(root, figure.querySelector("figcaption")?.textContent ?? "chart");
  bars.forEach((b, i) => {
    const top = 4 + i * row;
    const group = svg("g", { class: "series", "data-series": b.name, fill: b.color }, root);
    svg("text", { x: label - 8, y: top + row / 2 + 4, "text-anchor": "end", class: "label" }, group).textContent = b.name;
    const w = b.value > 0 ? Math.max(2, (b.value / scale.max) * plotW) : 0;
    const rect = svg("rect", { x: label, y: top + 4, width: w, height: row - 8, rx: 3, "data-value": b.value }, group);
    title(rect, `${b.name}: ${format(b.value)}`);
    svg("text", { x: label + w + 6, y: top + row / 2 + 4, class: "value" }, group).textContent = format(b.value);
  });
  figure.appendChild(root);
}
