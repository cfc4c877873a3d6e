// Opens the operator dashboard in Debian's chromium (driven by playwright-core; never a downloaded browser),
// enters the admin token, waits for the charts and checks that they show the traffic the caller made.
// Fails on any console error, page error, failed request or error answer, and saves a screenshot.
//
//   BASE_URL=http://localhost:8080 ADMIN_TOKEN=… EXPECT='{"calls":{"/v1/evaluate":4},"risk_type":"suicide"}' \
//   SCREENSHOT=/tmp/dashboard.png node dashboard-test.mjs
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080";
const ADMIN_TOKEN = process.env.ADMIN_TOKEN;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const SCREENSHOT = process.env.SCREENSHOT ?? "dashboard.png";
const EXPECT = JSON.parse(process.env.EXPECT ?? "{}");
const TIMEOUT_MS = Number(process.env.TIMEOUT_MS ?? 60_000);

const failures = [];
function check(condition, message) {
  console.log((condition ? "ok   " : "FAIL ") + message);
  if (!condition) {
    failures.push(message);
  }
}

if (!ADMIN_TOKEN) {
  console.error("ADMIN_TOKEN is required");
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), or set CHROMIUM`);
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "lifeguard-dashboard-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
  viewport: { width: 1400, height: 1000 },
  timeout: TIMEOUT_MS,
});
const problems = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`answer ${r.status()}: ${r.url()}`); });

  const shell = await page.goto(BASE_URL + "/dashboard", { waitUntil: "load", timeout: TIMEOUT_MS });
  check(shell.ok(), `the page shell loads without the token (${shell.status()} ${shell.url()})`);
  const csp = shell.headers()["content-security-policy"] ?? "";
  check(csp.includes("default-src 'none'") && csp.includes("script-src 'self'"), `the page is served with a self-only CSP: ${csp}`);
  check(await page.locator("#unlock").isVisible(), "it asks for the admin token before showing anything");
  check(await page.locator("svg.chart").count() === 0, "no chart is drawn before the token is given");

  await page.fill("#token", ADMIN_TOKEN);
  await page.click("#unlock button[type=submit]");
  await page.waitForSelector("body[data-state=ready]", { timeout: TIMEOUT_MS });
  check(!page.url().includes(ADMIN_TOKEN), "the token is not in the URL");
  check(await page.evaluate(() => document.cookie) === "", "no cookie is set");

  const charts = await page.$$eval("figure[data-chart]", (figures) => figures.map((f) => {
    const svg = f.querySelector("svg.chart");
    const box = svg?.getBoundingClientRect();
    const series = {};
    for (const g of f.querySelectorAll("g.series")) {
      const values = [...g.querySelectorAll("[data-value]")].map((n) => Number(n.dataset.value));
      series[g.dataset.series] = { marks: values.length, sum: values.reduce((a, b) => a + b, 0) };
    }
    return { name: f.dataset.chart, drawn: !!svg, empty: f.dataset.empty === "true", width: box?.width ?? 0,
      height: box?.height ?? 0, series, legend: [...f.querySelectorAll(".legend li")].map((li) => li.dataset.series) };
  }));
  const byName = Object.fromEntries(charts.map((c) => [c.name, c]));
  console.log(JSON.stringify(byName));

  for (const name of ["calls-by-endpoint", "calls-by-verdict", "latency", "severity", "risk-types"]) {
    const c = byName[name];
    check(c?.drawn && c.width > 100 && c.height > 20, `${name} is drawn as a visible SVG chart (${c?.width}×${c?.height})`);
  }
  for (const [endpoint, calls] of Object.entries(EXPECT.calls ?? {})) {
    const s = byName["calls-by-endpoint"].series[endpoint];
    check(s?.sum === calls, `calls by endpoint show ${calls} ${endpoint} calls (drawn: ${s?.sum})`);
    check(byName["calls-by-endpoint"].legend.includes(endpoint), `the legend names ${endpoint}`);
  }
  const total = Object.values(byName["calls-by-endpoint"].series).reduce((a, s) => a + s.sum, 0);
  if (EXPECT.total != null) {
    check(total === EXPECT.total, `every call is charted by endpoint (${total} of ${EXPECT.total})`);
    const byVerdict = Object.values(byName["calls-by-verdict"].series).reduce((a, s) => a + s.sum, 0);
    check(byVerdict === EXPECT.total, `every call is charted by verdict (${byVerdict} of ${EXPECT.total})`);
  }
  if (EXPECT.errors) {
    check(byName["calls-by-verdict"].series.error?.sum === EXPECT.errors,
      `the verdict chart shows ${EXPECT.errors} errors (drawn: ${byName["calls-by-verdict"].series.error?.sum})`);
  }
  const severity = byName.severity.series;
  check((severity.high?.sum ?? 0) + (severity.critical?.sum ?? 0) > 0, "the severity chart has high or critical calls");
  if (EXPECT.risk_type) {
    check(byName["risk-types"].series[EXPECT.risk_type.replace("_", " ")]?.sum > 0, `the risk-type chart shows ${EXPECT.risk_type}`);
  }
  check(Object.values(byName.latency.series).every((s) => s.marks > 0) && Object.keys(byName.latency.series).length === 3,
    "the latency chart has p50, p90 and p99 points");
  if (EXPECT.billed) {
    check(byName.cost.drawn && Object.values(byName.cost.series)[0]?.sum > 0, "the cost chart shows charged calls");
    check(byName.balances.series[EXPECT.billed]?.sum > 0, `the balances chart shows the billed key ${EXPECT.billed}`);
  }
  if (EXPECT.webhook_failures) {
    const w = byName.webhooks.series;
    check((w.pending?.sum ?? 0) + (w.failed?.sum ?? 0) > 0, "the webhook chart shows undelivered events");
    check(await page.locator("#webhook-failures li .error").count() > 0, "recent webhook failures are listed");
  }

  const serious = page.locator("#serious-events li[data-severity]");
  check(await serious.count() > 0, "recent high or critical calls are listed");
  const firstEvent = (await serious.first().textContent()) ?? "";
  check(/\/v1\/evaluate/.test(firstEvent) && /(high|critical)/.test(firstEvent), `an event row names its endpoint and severity: ${firstEvent}`);
  if (EXPECT.secret_text) {
    const text = await page.evaluate(() => document.body.innerText);
    check(!text.includes(EXPECT.secret_text), "no message content appears on the page");
  }

  await page.selectOption("#range", "1");
  await page.waitForFunction(() => document.body.dataset.state === "ready"
    && document.getElementById("status").textContent.includes("1 min buckets"), null, { timeout: TIMEOUT_MS });
  check(await page.locator(`[data-chart="calls-by-endpoint"] g.series rect`).count() > 0, "the last hour, in one-minute buckets, shows the calls too");
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  console.log("screenshot: " + SCREENSHOT);

  await page.click("#forget");
  check(await page.evaluate(() => sessionStorage.length) === 0 && await page.locator("#unlock").isVisible(),
    "forgetting the token clears it from the tab and locks the page");
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

for (const p of problems) {
  console.log("FAIL " + p);
}
if (failures.length > 0 || problems.length > 0) {
  console.log(`${failures.length} failed checks, ${problems.length} browser errors`);
  process.exit(1);
}
console.log("all dashboard checks passed");
