// Soak / load generator for the gateway: a fixed request rate (or as fast as possible with MODE=max)
// over a mix of /v1/screen, /v1/evaluate, /v1/safe (plain and streamed), with per-minute latency
// percentiles, errors, and the gateway's heap (from /metrics) and resident memory (/proc/PID).
// Env: BASE_URL, KEY, RATE (req/s), SECONDS, MODE=rate|max, CONCURRENCY (max mode), GATEWAY_PID,
//      REPORT_EVERY (seconds, default 60). Exits 1 on any error.
const base = process.env.BASE_URL; const key = process.env.KEY;
const seconds = Number(process.env.SECONDS ?? 60); const rate = Number(process.env.RATE ?? 20);
const mode = process.env.MODE ?? 'rate'; const concurrency = Number(process.env.CONCURRENCY ?? 32);
const pid = process.env.GATEWAY_PID; const every = Number(process.env.REPORT_EVERY ?? 60);
import { readFileSync } from 'node:fs';

const texts = ['how do I keep banana bread moist?', 'what is a good name for a goldfish?',
  'i have been feeling really low lately and nothing helps', 'can you explain how tides work?',
  'my friend said she wants to disappear and i am worried about her'];
let n = 0;
function nextRequest() {
  const i = n++;
  const text = `${texts[i % texts.length]} (${i % 7 === 0 ? 'repeat' : i})`; // some repeats: the caches answer
  const kind = i % 4;
  if (kind === 0) return ['/v1/screen', { text }];
  if (kind === 1) return ['/v1/evaluate', { messages: [{ role: 'user', content: text }], config: { user_country: 'US' } }];
  if (kind === 2) return ['/v1/safe', { model: 'stub', messages: [{ role: 'user', content: text }], config: { user_country: 'US' } }];
  return ['/v1/chat/completions', { model: 'stub', stream: true, messages: [{ role: 'user', content: text }] }];
}

const window = { lat: [], errors: 0, count: 0, started: Date.now() };
const all = { errors: 0, count: 0, lat: [] };
const samples = [];
async function one() {
  const [path, body] = nextRequest();
  const t0 = performance.now();
  try {
    const res = await fetch(base + path, { method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(30000) });
    const text = await res.text();
    if (res.status !== 200 || (body.stream && !text.includes('data: [DONE]'))) {
      window.errors++; all.errors++;
      if (all.errors <= 5) console.error(`error ${res.status} on ${path}: ${text.slice(0, 200)}`);
    }
  } catch (e) {
    window.errors++; all.errors++;
    if (all.errors <= 5) console.error(`error on ${path}: ${e}`);
  }
  const ms = performance.now() - t0;
  window.lat.push(ms); all.lat.push(ms); window.count++; all.count++;
}
const q = (xs, p) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

async function memory() {
  let heap = NaN; let rss = NaN;
  try {
    const metrics = await (await fetch(base + '/metrics')).text();
    heap = metrics.split('\n').filter((l) => l.startsWith('jvm_memory_used_bytes') && l.includes('area="heap"'))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0) / 1048576;
  } catch { /* reported as NaN */ }
  if (pid) {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    rss = m ? Number(m[1]) / 1024 : NaN;
  }
  return { heap, rss };
}

const end = Date.now() + seconds * 1000;
const inflight = new Set();
const reporter = setInterval(async () => {
  const mem = await memory();
  samples.push({ t: (Date.now() - (end - seconds * 1000)) / 1000, ...mem });
  const w = window.count;
  console.log(`t=${Math.round((Date.now() - (end - seconds * 1000)) / 1000)}s req=${w} rps=${(w / every).toFixed(1)} `
    + `p50=${q(window.lat, 0.5).toFixed(1)}ms p99=${q(window.lat, 0.99).toFixed(1)}ms errors=${window.errors} `
    + `heap=${mem.heap.toFixed(0)}MB rss=${mem.rss.toFixed(0)}MB`);
  window.lat = []; window.errors = 0; window.count = 0;
}, every * 1000);

if (mode === 'max') {
  await Promise.all(Array.from({ length: concurrency }, async () => { while (Date.now() < end) await one(); }));
} else {
  const interval = 1000 / rate; let next = performance.now();
  while (Date.now() < end) {
    next += interval;
    const p = one().finally(() => inflight.delete(p)); inflight.add(p);
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(inflight);
}
clearInterval(reporter);
// Memory trend: least-squares slope of RSS and heap over the second half of the run (after warm-up).
const slope = (key) => {
  const xs = samples.slice(Math.floor(samples.length / 2)).filter((s) => Number.isFinite(s[key]));
  if (xs.length < 3) return NaN;
  const mx = xs.reduce((a, s) => a + s.t, 0) / xs.length; const my = xs.reduce((a, s) => a + s[key], 0) / xs.length;
  const num = xs.reduce((a, s) => a + (s.t - mx) * (s[key] - my), 0); const den = xs.reduce((a, s) => a + (s.t - mx) ** 2, 0);
  return (num / den) * 60;
};
console.log(`RESULT requests=${all.count} rps=${(all.count / seconds).toFixed(1)} errors=${all.errors} p50_ms=${q(all.lat, 0.5).toFixed(1)} `
  + `p99_ms=${q(all.lat, 0.99).toFixed(1)} rss_trend_mb_per_min=${slope('rss').toFixed(2)} heap_trend_mb_per_min=${slope('heap').toFixed(2)}`);
process.exit(all.errors > 0 ? 1 : 0);
