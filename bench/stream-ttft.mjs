// Time to first token and gaps between content chunks, streamed, gateway vs. the upstream directly.
// Usage: node bench/stream-ttft.mjs URL [KEY] [N]   (URL is a base such as http://127.0.0.1:8080/v1)
const [url, key, n = '20'] = process.argv.slice(2);
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const ttft = []; const gaps = []; const totals = [];
for (let i = 0; i < Number(n); i++) {
  const started = performance.now();
  const res = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ model: 'stub', stream: true, messages: [{ role: 'user', content: `tips for moist banana bread? (${i})` }] }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const decoder = new TextDecoder();
  let buffered = ''; let last = null;
  for await (const bytes of res.body) {
    buffered += decoder.decode(bytes, { stream: true });
    let end;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const event = buffered.slice(0, end); buffered = buffered.slice(end + 2);
      if (!event.startsWith('data: ') || event === 'data: [DONE]') continue;
      const content = JSON.parse(event.slice(6)).choices?.[0]?.delta?.content;
      if (!content) continue;
      const now = performance.now();
      if (last === null) ttft.push(now - started); else gaps.push(now - last);
      last = now;
    }
  }
  totals.push(performance.now() - started);
}
const f = (x) => x.toFixed(1);
console.log(`RESULT ttft_p50_ms=${f(quantile(ttft, 0.5))} ttft_p99_ms=${f(quantile(ttft, 0.99))} gap_p50_ms=${f(quantile(gaps, 0.5))} `
  + `gap_p99_ms=${f(quantile(gaps, 0.99))} total_p50_ms=${f(quantile(totals, 0.5))} chunks_per_reply=${f(gaps.length / totals.length + 1)}`);
