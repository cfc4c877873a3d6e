// The operator dashboard: asks for the admin token, reads GET /admin/v1/dashboard with it and draws the answer.
// The token lives in sessionStorage (this tab only, gone when it closes); it is never put in a URL or a cookie.
import { barChart, timeChart } from "./charts.js";

const TOKEN_KEY = "lifeguard.admin_token";
const REFRESH_MS = 60_000;
const PALETTE = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#db2777", "#65a30d", "#475569", "#b45309", "#4f46e5"];
const SEVERITIES = ["none", "mild", "moderate", "high", "critical"];
const SEVERITY_COLORS = { none: "#94a3b8", mild: "#facc15", moderate: "#f59e0b", high: "#ea580c", critical: "#dc2626" };
const FIXED_COLORS = { error: "#dc2626", "no verdict": "#94a3b8", p50: "#16a34a", p90: "#d97706", p99: "#dc2626",
  pending: "#f59e0b", sent: "#16a34a", failed: "#dc2626" };

const $ = (id) => document.getElementById(id);
const chart = (name) => document.querySelector(`[data-chart="${name}"]`);
const count = new Intl.NumberFormat("en");
const dollars = (mills) => "$" + (mills / 1000).toFixed(mills % 10 === 0 ? 2 : 3);
const ms = (v) => count.format(v);
let timer = null;

function color(name, index) {
  return FIXED_COLORS[name] ?? PALETTE[index % PALETTE.length];
}

/** Series of one breakdown (rows of {t, [field], calls}), largest total first. */
function breakdown(rows, field) {
  const byName = new Map();
  for (const row of rows) {
    const name = row[field] ?? "unknown";
    if (!byName.has(name)) {
      byName.set(name, new Map());
    }
    byName.get(name).set(row.t, row.calls);
  }
  return [...byName.entries()]
    .map(([name, values]) => ({ name, values, total: [...values.values()].reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
    .map((s, i) => ({ ...s, color: color(s.name, i) }));
}

function overTime(rows, field) {
  return new Map(rows.filter((r) => r[field] != null).map((r) => [r.t, r[field]]));
}

function eventItem(parts, severity) {
  const item = document.createElement("li");
  if (severity) {
    item.dataset.severity = severity;
    const badge = document.createElement("span");
    badge.className = "badge " + severity;
    badge.textContent = severity;
    item.appendChild(badge);
  }
  for (const [label, value] of parts) {
    if (value == null || value === "") {
      continue;
    }
    const span = document.createElement("span");
    span.className = label;
    span.textContent = value;
    item.appendChild(span);
  }
  return item;
}

function list(id, items, emptyText) {
  const target = $(id);
  target.replaceChildren(...items);
  if (items.length === 0) {
    const item = document.createElement("li");
    item.className = "none";
    item.textContent = emptyText;
    target.appendChild(item);
  }
}

function render(data) {
  const start = Date.parse(data.from) / 1000;
  const end = Date.parse(data.to) / 1000;
  const step = data.bucket_seconds;
  const calls = data.over_time.reduce((sum, r) => sum + r.calls, 0);
  $("total-calls").textContent = count.format(calls);
  $("total-errors").textContent = count.format(data.over_time.reduce((sum, r) => sum + r.errors, 0));
  $("total-serious").textContent = count.format(data.severity
    .filter((s) => s.severity === "high" || s.severity === "critical").reduce((sum, s) => sum + s.calls, 0));
  $("total-cost").textContent = dollars(data.over_time.reduce((sum, r) => sum + r.cost_mills, 0));

  timeChart(chart("calls-by-endpoint"), { start, end, step, kind: "stacked", format: count.format,
    series: breakdown(data.calls_by_endpoint, "endpoint") });
  timeChart(chart("calls-by-verdict"), { start, end, step, kind: "stacked", format: count.format,
    series: breakdown(data.calls_by_verdict, "verdict") });
  timeChart(chart("latency"), { start, end, step, kind: "lines", format: ms, emptyMessage: "No answered calls in this range",
    series: ["p50", "p90", "p99"].map((p, i) => ({ name: p, color: color(p, i), values: overTime(data.over_time, p) })) });
  timeChart(chart("cost"), { start, end, step, kind: "stacked", format: dollars, emptyMessage: "Nothing was charged in this range",
    series: [{ name: "cost", color: "#0891b2", values: new Map(data.over_time.filter((r) => r.cost_mills > 0).map((r) => [r.t, r.cost_mills])) }] });

  const severity = new Map(data.severity.map((s) => [s.severity, s.calls]));
  barChart(chart("severity"), { format: count.format, emptyMessage: "No assessed calls in this range",
    bars: SEVERITIES.map((name) => ({ name, value: severity.get(name) ?? 0, color: SEVERITY_COLORS[name] })) });
  barChart(chart("risk-types"), { format: count.format, emptyMessage: "No risk found in this range",
    bars: [...data.risk_types].sort((a, b) => b.calls - a.calls)
      .map((r, i) => ({ name: r.risk_type.replace("_", " "), value: r.calls, color: PALETTE[i % PALETTE.length] })) });
  barChart(chart("balances"), { format: dollars, emptyMessage: "No key is billed (billing is off for every key)",
    bars: data.balances.map((b) => ({ name: b.name, value: b.balance_mills, color: b.balance_mills < 1000 ? "#dc2626" : "#2563eb" })) });
  barChart(chart("webhooks"), { format: count.format, emptyMessage: "No webhook events in this range",
    bars: ["pending", "sent", "failed"].map((name) => ({ name, value: data.webhooks[name], color: color(name, 0) })) });

  list("serious-events", data.recent_serious.map((e) => eventItem([
    ["time", new Date(e.at).toISOString().replace("T", " ").slice(0, 19) + " UTC"],
    ["endpoint", e.endpoint],
    ["risk", e.risk_types.join(", ")],
    ["verdict", e.verdict],
    ["request", e.request_id],
  ], e.severity)), "No high or critical calls in this range");
  list("webhook-failures", data.webhooks.recent_failures.map((f) => eventItem([
    ["time", new Date(f.at).toISOString().replace("T", " ").slice(0, 19) + " UTC"],
    ["outcome", f.outcome === "failed" ? "gave up" : "will retry"],
    ["event", f.event + " · attempt " + f.attempt],
    ["error", f.error ?? (f.http_status ? "HTTP " + f.http_status : "")],
    ["webhook", f.webhook_id],
  ])), "No failed delivery attempts in this range");

  $("status").textContent = `${data.from.slice(0, 16).replace("T", " ")} – ${data.to.slice(0, 16).replace("T", " ")} UTC, `
    + `${count.format(calls)} calls in ${step >= 3600 ? step / 3600 + " h" : step / 60 + " min"} buckets. `
    + `Updated ${new Date().toISOString().slice(11, 19)} UTC.`;
}

function lock(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  clearInterval(timer);
  document.body.dataset.state = "locked";
  $("board").hidden = true;
  $("controls").hidden = true;
  $("unlock").hidden = false;
  $("unlock-error").textContent = message ?? "";
  $("token").focus();
}

async function load() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    lock();
    return;
  }
  $("unlock").hidden = true;
  $("board").hidden = false;
  $("controls").hidden = false;
  document.body.dataset.state = "loading";
  const to = new Date();
  const from = new Date(to.getTime() - Number($("range").value) * 3600_000);
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  let response;
  try {
    response = await fetch("/admin/v1/dashboard?" + query, {
      headers: { Authorization: "Bearer " + token, Accept: "application/json" },
      cache: "no-store",
      credentials: "omit",
    });
  } catch (e) {
    document.body.dataset.state = "error";
    $("status").textContent = "The gateway did not answer: " + e.message;
    return;
  }
  if (response.status === 401) {
    lock("The gateway refused this token.");
    return;
  }
  if (!response.ok) {
    document.body.dataset.state = "error";
    $("status").textContent = `The gateway answered ${response.status}; try again shortly.`;
    return;
  }
  render(await response.json());
  document.body.dataset.state = "ready";
}

function start() {
  clearInterval(timer);
  load();
  timer = setInterval(() => {
    if (document.visibilityState === "visible" && sessionStorage.getItem(TOKEN_KEY)) {
      load();
    }
  }, REFRESH_MS);
}

$("unlock").addEventListener("submit", (event) => {
  event.preventDefault();
  const token = $("token").value.trim();
  $("token").value = "";
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    start();
  }
});
$("forget").addEventListener("click", () => lock());
$("refresh").addEventListener("click", () => load());
$("range").addEventListener("change", () => load());

if (sessionStorage.getItem(TOKEN_KEY)) {
  start();
} else {
  lock();
}
