// A stand-in that speaks the documented /v1/safe contract (API-NOTES: chunk framing, X-NOPE headers,
// OpenAI error envelope) with canned decisions instead of a classifier. It exists to check
// clients-test.mjs itself: the script must pass here, so a failure against the gateway is the
// gateway's. Not a model of how the gateway decides anything.
//
//   PORT=8099 API_KEY=k BENIGN_REPLY='...' node contract-server.mjs
//   BASE_URL=http://127.0.0.1:8099 API_KEY=k BENIGN_REPLY='...' UNSAFE_MARKERS='whole bottle' node clients-test.mjs
import http from 'node:http';

const PORT = Number(process.env.PORT ?? 8099);
const KEY = process.env.API_KEY ?? 'test-key';
const MODEL = process.env.MODEL ?? 'lifeguard-test-model';
const BENIGN = process.env.BENIGN_REPLY ?? 'Mash the bananas, fold in the batter and bake for an hour.';
const CRISIS = "I'm really glad you told me. You deserve support right now: in the US you can call or text 988 any time.";
const SAFE_START = 'Sleep trouble is exhausting. ';

const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const envelope = (message, type, code) => ({ error: { message, type, code, param: null } });

function decide(messages) {
  const last = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  if (/pills/.test(last)) return { level: 'critical', parts: [CRISIS], finish: 'stop' };
  if (/fall asleep/.test(last)) return { level: 'none', parts: [SAFE_START, CRISIS], finish: 'content_filter' };
  return { level: 'none', parts: BENIGN.match(/.{1,7}/gs), finish: 'stop' };
}

function chat(req, res, body) {
  const d = decide(body.messages ?? []);
  const headers = { 'X-NOPE-Risk-Level': d.level, 'X-NOPE-Confidence': '0.9', 'X-NOPE-Version': 'contract-server' };
  const base = { id: 'chatcmpl-contract', created: Math.floor(Date.now() / 1000), model: body.model ?? MODEL };
  const usage = { prompt_tokens: 10, completion_tokens: d.parts.length, total_tokens: 10 + d.parts.length };
  if (body.stream !== true) {
    send(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: d.parts.join('') }, finish_reason: d.finish }], usage }, headers);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', ...headers });
  const chunk = (choices, extra = {}) => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices, ...extra })}\n\n`);
  chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
  d.parts.forEach((p) => chunk([{ index: 0, delta: { content: p }, finish_reason: null }]));
  chunk([{ index: 0, delta: {}, finish_reason: d.finish }]);
  if (body.stream_options?.include_usage) chunk([], { usage });
  res.end('data: [DONE]\n\n');
}

http.createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    if (req.headers.authorization !== `Bearer ${KEY}`) {
      send(res, 401, envelope('Missing or invalid Authorization header', 'invalid_request_error', 'invalid_api_key'));
    } else if (req.method === 'GET' && (path === '/v1/models' || path === '/v1/safe/models')) {
      send(res, 200, { object: 'list', data: [{ id: MODEL, object: 'model', created: 0, owned_by: 'lifeguard' }] });
    } else if (req.method === 'POST' && ['/v1/safe', '/v1/safe/chat/completions', '/v1/chat/completions'].includes(path)) {
      chat(req, res, JSON.parse(raw || '{}'));
    } else {
      send(res, 404, envelope(`No route ${req.method} ${path}`, 'invalid_request_error', 'not_found'));
    }
  });
}).listen(PORT, '127.0.0.1', () => console.log(`contract server on http://127.0.0.1:${PORT}`));
