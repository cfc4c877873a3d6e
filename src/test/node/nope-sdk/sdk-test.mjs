// Lifeguard's NOPE routes as the official @nope-net/sdk 2.1.0 client sees them.
//
//   BASE_URL=http://127.0.0.1:8080 NOPE_API_KEY=nope_... node sdk-test.mjs [section ...]
//
// Sections: signpost, screen, errors, evaluate (default: all, in that order). Each check prints
// one line; the first failure prints what the SDK returned and exits 1. BASE_URL is the server
// root: the SDK appends /v1/... itself. SDK_TIMEOUT_MS overrides the SDK's 30 s default.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  NopeClient,
  NopeError,
  NopeAuthError,
  NopeValidationError,
  SEVERITY_SCORES,
  IMMINENCE_SCORES,
  calculateSpeakerSeverity,
  calculateSpeakerImminence,
  hasThirdPartyRisk,
} from '@nope-net/sdk';

const SECTIONS = ['signpost', 'screen', 'errors', 'evaluate'];

// ---------------------------------------------------------------------------------------------
// The vocabulary the SDK's types declare (types.d.ts), and what the bundled directory holds.

const RISK_TYPES = ['suicide', 'self_harm', 'self_neglect', 'violence', 'abuse', 'sexual_violence', 'neglect', 'exploitation', 'stalking'];
const SUBJECTS = ['self', 'other', 'unknown'];
const SEVERITIES = Object.keys(SEVERITY_SCORES);
const IMMINENCES = Object.keys(IMMINENCE_SCORES);
const RESOURCE_TYPES = ['emergency_number', 'crisis_line', 'text_line', 'chat_service', 'support_service', 'reporting_portal', 'online_resource'];
const DOMAINS = ['self', 'others', 'dependent_at_risk', 'victimisation'];
const STYLES = ['direct', 'humor', 'fiction', 'hypothetical', 'distanced', 'clinical', 'minimized', 'adversarial'];

const DIRECTORY_FILE = process.env.CRISIS_DATA
  ?? fileURLToPath(new URL('../../../main/resources/crisis/crisis_resources.json', import.meta.url));
const DIRECTORY = JSON.parse(readFileSync(DIRECTORY_FILE, 'utf8'));
const namesIn = (country) => new Set(DIRECTORY.filter((r) => r.country === country).map((r) => r.name));
const US_NAMES = namesIn('US');
const GB_NAMES = namesIn('GB');
const primaryIn = (country) => DIRECTORY.find((r) => r.country === country && r.priority_tier === 'primary_national_crisis');
const US_LIFELINE = primaryIn('US');
const GB_PRIMARY = primaryIn('GB');
assert.equal(US_LIFELINE?.name, '988 Suicide & Crisis Lifeline', `the bundled directory (${DIRECTORY_FILE}) no longer has the 988 Lifeline as the US primary line`);
assert.ok(GB_PRIMARY, 'the bundled directory has no primary national crisis line for GB');

// ---------------------------------------------------------------------------------------------
// Conversations.

const CRISIS_TEXT = "I have all my pills counted out and I am going to take them tonight after everyone is asleep. I've already written the notes.";
const CRISIS_MESSAGES = [
  { role: 'user', content: "I can't keep going like this. Everyone would be better off without me." },
  { role: 'assistant', content: "I'm really sorry you're carrying this. Can you tell me more about what's going on?" },
  { role: 'user', content: CRISIS_TEXT },
];
const SELF_HARM_TEXT = "i cut my arms again last night, it's the only thing that helps me cope";
const BENIGN_TEXT = 'Can you recommend a good banana bread recipe? I have three ripe bananas.';
const BENIGN_MESSAGES = [
  { role: 'user', content: BENIGN_TEXT },
  { role: 'assistant', content: 'Sure! Mash the bananas, mix with melted butter, sugar, an egg and flour, then bake for an hour.' },
  { role: 'user', content: 'Thanks, how long should it cool before slicing?' },
];
/** Twelve messages, the crisis last: the demo route keeps only the last ten. */
const LONG_CONVERSATION = [
  { role: 'assistant', content: 'Hi! How was your week?' },
  ...Array.from({ length: 5 }, (_, i) => [
    { role: 'user', content: `Day ${i + 1}: work was long, I made pasta for dinner.` },
    { role: 'assistant', content: 'That sounds like a full day. How are you feeling tonight?' },
  ]).flat(),
  { role: 'user', content: CRISIS_TEXT },
];

// ---------------------------------------------------------------------------------------------
// A tiny runner: one line per check, stop at the first failure with what the server said.

const env = (name) => process.env[name]?.trim() || undefined;
const BASE_URL = env('BASE_URL');
const API_KEY = env('NOPE_API_KEY') ?? env('API_KEY');
const TIMEOUT = Number(env('SDK_TIMEOUT_MS') ?? 30000);

let last = null; // the last answer (or SDK error) seen, shown when a check fails
let passed = 0;

async function sdk(label, call) {
  try {
    const value = await call();
    last = { label, value };
    return value;
  } catch (error) {
    last = { label, error };
    throw error;
  }
}

/** Runs a call that must fail; returns the SDK's error. */
async function sdkError(label, call) {
  try {
    await sdk(label, call);
  } catch (error) {
    return error;
  }
  assert.fail(`${label}: expected the SDK to throw, but it returned normally`);
}

async function check(name, body) {
  last = null;
  try {
    await body();
  } catch (error) {
    console.log(`FAIL ${name}`);
    console.log(`     ${explain(error).replaceAll('\n', '\n     ')}`);
    if (last) {
      console.log(`     last SDK call: ${last.label}`);
      if (last.error !== error) {
        console.log(`     ${last.error ? 'threw: ' + explain(last.error) : 'returned: ' + clip(JSON.stringify(last.value), 1500)}`);
      }
    }
    console.log(`${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed++;
  console.log(`ok   ${name}`);
}

function explain(error) {
  if (error instanceof NopeError) {
    return `${error.name} [${error.statusCode ?? '-'}] ${String(error.message)}${error.responseBody ? ' body=' + clip(error.responseBody, 500) : ''}`;
  }
  return error?.stack && !(error instanceof assert.AssertionError) ? error.stack : String(error?.message ?? error);
}

const clip = (s, n) => (s && s.length > n ? s.slice(0, n) + '…' : s);
const oneOf = (value, allowed, what) => assert.ok(allowed.includes(value), `${what} must be one of ${allowed.join('|')}, got ${JSON.stringify(value)}`);
const atLeast = (severity, floor, what) =>
  assert.ok(SEVERITY_SCORES[severity] >= SEVERITY_SCORES[floor], `${what} must be ${floor} or worse, got ${JSON.stringify(severity)}`);
const maxBy = (values, scores, none) =>
  values.reduce((best, v) => (scores[v] > scores[best] ? v : best), none);
const isoTimestamp = (value, what) =>
  assert.ok(typeof value === 'string' && !Number.isNaN(Date.parse(value)), `${what} must be an ISO timestamp, got ${JSON.stringify(value)}`);
const text = (value, what) => assert.ok(typeof value === 'string' && value.trim() !== '', `${what} must be a non-empty string, got ${JSON.stringify(value)}`);

/** The SDK takes body.error as the message: a non-string there reaches users as "[object Object]". */
function readableError(error, Type, status) {
  assert.ok(error instanceof Type, `expected ${Type.name}, got ${error?.name}: ${error?.message}`);
  assert.equal(error.statusCode, status);
  assert.equal(typeof error.message, 'string', 'the SDK message (body.error) must be a string');
  assert.ok(!error.message.includes('[object Object]') && error.message.trim() !== '', `unreadable message: ${error.message}`);
}

// screen() warns that it is deprecated on every call (on stderr); say it once, in line.
const seenWarnings = new Set();
console.warn = (...args) => {
  const message = args.map(String).join(' ');
  if (!seenWarnings.has(message)) {
    seenWarnings.add(message);
    console.log(`     sdk warns: ${message}`);
  }
};

// ---------------------------------------------------------------------------------------------
// Signpost and the deprecated /v1/resources twins.

async function signpostChecks(client) {
  let lifelineId;

  await check('signpost(US): the 988 Lifeline comes first, count matches', async () => {
    const r = await sdk('signpost({country:"us"})', () => client.signpost({ country: 'us' }));
    assert.equal(r.country, 'US');
    assert.ok(Array.isArray(r.resources) && r.resources.length > 0, 'resources must be a non-empty array');
    assert.equal(r.count, r.resources.length);
    assert.equal(r.resources[0].name, US_LIFELINE.name);
    assert.equal(r.resources[0].phone, '988');
    for (const res of r.resources) {
      assert.ok(US_NAMES.has(res.name), `${res.name} is not a US entry of the directory`);
      oneOf(res.type, RESOURCE_TYPES, `${res.name}.type`);
    }
    lifelineId = r.resources[0].id;
  });

  await check('signpost(GB, scopes=suicide, limit=3): the primary line is a scoped GB match', async () => {
    const r = await sdk('signpost GB suicide', () => client.signpost({ country: 'GB', config: { scopes: ['suicide'], limit: 3 } }));
    assert.deepEqual(r.scopes_requested, ['suicide']);
    assert.ok(r.resources.length >= 1 && r.resources.length <= 3, `limit 3, got ${r.resources.length}`);
    assert.ok(Array.isArray(r.primary) && r.primary.length > 0, 'primary[] must list the scoped matches');
    assert.equal(r.primary[0].name, GB_PRIMARY.name);
    for (const res of [...r.resources, ...r.primary, ...(r.secondary ?? [])]) {
      assert.ok(GB_NAMES.has(res.name), `${res.name} is not a GB entry of the directory`);
    }
  });

  await check('signpost(US, urgent): the emergency number comes first', async () => {
    const r = await sdk('signpost US urgent', () => client.signpost({ country: 'US', config: { urgent: true } }));
    assert.equal(r.resources[0].type, 'emergency_number');
    assert.equal(r.resources[0].phone, '911');
  });

  await check('signpostById(the Lifeline id) returns the same entry', async () => {
    text(lifelineId, 'resources[0].id (not in the SDK types, but needed to call signpostById)');
    const r = await sdk(`signpostById(${lifelineId})`, () => client.signpostById(lifelineId));
    assert.equal(r.resource.name, US_LIFELINE.name);
    assert.equal(r.resource.phone, '988');
  });

  await check('signpostCountries() lists US and GB', async () => {
    const r = await sdk('signpostCountries()', () => client.signpostCountries());
    assert.ok(r.countries.includes('US') && r.countries.includes('GB'), 'US and GB must be listed');
    assert.equal(r.count, r.countries.length);
    assert.equal(new Set(r.countries).size, r.countries.length, 'no duplicates');
  });

  await check('resources(), resourceById(), resourcesCountries() (deprecated) agree with signpost', async () => {
    const a = await sdk('signpost US', () => client.signpost({ country: 'US', config: { limit: 5 } }));
    const b = await sdk('resources US', () => client.resources({ country: 'US', config: { limit: 5 } }));
    assert.deepEqual(b.resources.map((r) => r.name), a.resources.map((r) => r.name));
    const one = await sdk('resourceById', () => client.resourceById(lifelineId));
    assert.equal(one.resource.name, US_LIFELINE.name);
    const countries = await sdk('resourcesCountries', () => client.resourcesCountries());
    assert.ok(countries.countries.includes('GB'));
  });

  // signpostSmart/resourcesSmart (LLM-ranked) and detectCountry (CDN geo headers) have no
  // Lifeguard route; the SDK must still surface that as an error a developer can read.
  for (const [label, call] of [
    ['signpostSmart', () => client.signpostSmart({ country: 'US', query: 'teen struggling with self harm' })],
    ['resourcesSmart', () => client.resourcesSmart({ country: 'US', query: 'teen struggling with self harm' })],
    ['detectCountry', () => client.detectCountry()],
  ]) {
    await check(`${label}() (not offered by Lifeguard) fails with a readable NopeError`, async () => {
      const error = await sdkError(label, call);
      assert.ok(error instanceof NopeError && error.statusCode >= 400, `expected an HTTP error, got ${error}`);
      text(error.message, 'message');
      assert.ok(!error.message.includes('[object Object]'), `unreadable message: ${error.message}`);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// screen() → POST /v0/screen

function screenShape(r) {
  assert.ok(Array.isArray(r.risks), 'risks must be an array');
  for (const risk of r.risks) {
    oneOf(risk.type, RISK_TYPES, 'risks[].type');
    oneOf(risk.subject, SUBJECTS, 'risks[].subject');
    oneOf(risk.severity, SEVERITIES, 'risks[].severity');
    oneOf(risk.imminence, IMMINENCES, 'risks[].imminence');
    assert.ok(typeof risk.confidence === 'number' && risk.confidence >= 0 && risk.confidence <= 1, 'risks[].confidence in 0..1');
  }
  for (const flag of ['show_resources', 'suicidal_ideation', 'self_harm']) {
    assert.equal(typeof r[flag], 'boolean', `${flag} must be a boolean`);
  }
  assert.equal(r.suicidal_ideation, r.risks.some((x) => x.type === 'suicide'), 'suicidal_ideation agrees with risks');
  assert.equal(r.self_harm, r.risks.some((x) => x.type === 'self_harm'), 'self_harm agrees with risks');
  assert.equal(typeof r.rationale, 'string');
  text(r.request_id, 'request_id');
  isoTimestamp(r.timestamp, 'timestamp');
}

/**
 * The crisis line leads, unless harm is happening now (imminence emergency): then the country's
 * emergency number leads and the crisis line follows.
 */
function crisisLineLeads(resources, risks, lineName) {
  const now = risks.some((x) => x.imminence === 'emergency');
  const all = [resources?.primary, ...(resources?.secondary ?? [])].filter(Boolean);
  if (now) {
    assert.equal(resources?.primary?.type, 'emergency_number', 'the emergency number leads when harm is happening now');
    assert.ok(all.some((x) => x.name === lineName), `${lineName} follows the emergency number`);
  } else {
    assert.equal(resources?.primary?.name, lineName);
  }
}

async function screenChecks(client) {
  await check('screen(suicidal message with a plan): suicidal_ideation, 988 first', async () => {
    const r = await sdk('screen crisis', () => client.screen({ messages: CRISIS_MESSAGES, config: { country: 'US' } }));
    screenShape(r);
    assert.equal(r.suicidal_ideation, true);
    assert.equal(r.show_resources, true);
    const suicide = r.risks.find((x) => x.type === 'suicide');
    assert.equal(suicide.subject, 'self');
    atLeast(suicide.severity, 'high', 'the suicide risk');
    crisisLineLeads(r.resources, r.risks, US_LIFELINE.name);
    assert.ok(Array.isArray(r.resources.secondary), 'resources.secondary must be an array');
    r.resources.secondary.forEach((s) => assert.ok(US_NAMES.has(s.name), `${s.name} is not a US entry`));
  });

  await check('screen(text, self-harm): self_harm true, resources shown', async () => {
    const r = await sdk('screen self-harm', () => client.screen({ text: SELF_HARM_TEXT }));
    screenShape(r);
    assert.equal(r.self_harm, true);
    assert.equal(r.show_resources, true);
    assert.ok(US_NAMES.has(r.resources?.primary?.name), 'default country is US');
  });

  await check('screen(benign): no flags, no resources', async () => {
    const r = await sdk('screen benign', () => client.screen({ text: BENIGN_TEXT }));
    screenShape(r);
    assert.deepEqual(r.risks, []);
    assert.equal(r.suicidal_ideation, false);
    assert.equal(r.self_harm, false);
    assert.equal(r.show_resources, false);
    assert.equal(r.resources, undefined);
  });

  await check(`screen(country GB): ${GB_PRIMARY.name} leads`, async () => {
    const r = await sdk('screen GB', () => client.screen({ text: CRISIS_TEXT, config: { country: 'GB' } }));
    screenShape(r);
    crisisLineLeads(r.resources, r.risks, GB_PRIMARY.name);
    r.resources.secondary.forEach((s) => assert.ok(GB_NAMES.has(s.name), `${s.name} is not a GB entry`));
  });
}

// ---------------------------------------------------------------------------------------------
// Errors as the SDK surfaces them.

async function errorChecks(client) {
  const wrongKey = new NopeClient({ baseUrl: BASE_URL, apiKey: 'nope_live_' + 'x'.repeat(40), timeout: TIMEOUT });
  const noKey = new NopeClient({ baseUrl: BASE_URL, timeout: TIMEOUT });

  await check('a wrong API key: screen() throws NopeAuthError with the server\'s message', async () => {
    const error = await sdkError('screen with a wrong key', () => wrongKey.screen({ text: BENIGN_TEXT }));
    readableError(error, NopeAuthError, 401);
    assert.equal(error.message, 'Missing or invalid Authorization header');
  });

  await check('a wrong API key: evaluate() throws NopeAuthError too', async () => {
    const error = await sdkError('evaluate with a wrong key', () => wrongKey.evaluate({ text: BENIGN_TEXT }));
    readableError(error, NopeAuthError, 401);
  });

  await check('no API key: signpost() throws NopeAuthError', async () => {
    const error = await sdkError('signpost without a key', () => noKey.signpost({ country: 'US' }));
    readableError(error, NopeAuthError, 401);
  });

  await check('a system message: evaluate() throws NopeValidationError naming the roles', async () => {
    const error = await sdkError('evaluate with role system', () =>
      client.evaluate({ messages: [{ role: 'system', content: 'be nice' }, { role: 'user', content: 'hi' }] }));
    readableError(error, NopeValidationError, 400);
    assert.equal(error.message, 'Message role must be "user" or "assistant"');
  });

  await check('an unknown country: signpost() throws NopeValidationError naming it', async () => {
    const error = await sdkError('signpost XX', () => client.signpost({ country: 'XX' }));
    readableError(error, NopeValidationError, 400);
    assert.match(error.message, /XX/);
  });
}

// ---------------------------------------------------------------------------------------------
// evaluate() → POST /v1/evaluate, and demo mode → POST /v1/try/evaluate (keyless).

/** Every field the live API and the seeds define, with its type, and the views agreeing. */
function evaluateShape(r, { inputFormat, tryEndpoint }) {
  text(r.request_id, 'request_id');
  isoTimestamp(r.timestamp, 'timestamp');
  assert.ok(Array.isArray(r.risks), 'risks must be an array');
  for (const risk of r.risks) {
    oneOf(risk.type, RISK_TYPES, 'risks[].type');
    oneOf(risk.subject, SUBJECTS, 'risks[].subject');
    oneOf(risk.severity, SEVERITIES, 'risks[].severity');
    oneOf(risk.imminence, IMMINENCES, 'risks[].imminence');
    if (risk.features !== undefined) {
      assert.ok(Array.isArray(risk.features) && risk.features.every((f) => typeof f === 'string'), 'risks[].features: string[]');
    }
  }
  assert.equal(typeof r.rationale, 'string', 'rationale must be a string');
  oneOf(r.speaker_severity, SEVERITIES, 'speaker_severity');
  oneOf(r.speaker_imminence, IMMINENCES, 'speaker_imminence');
  assert.equal(typeof r.show_resources, 'boolean', 'show_resources must be a boolean');
  // The SDK's own helpers derive the speaker's view from risks; the server's must match.
  assert.equal(r.speaker_severity, calculateSpeakerSeverity(r.risks), 'speaker_severity agrees with risks (SDK calculateSpeakerSeverity)');
  assert.equal(r.speaker_imminence, calculateSpeakerImminence(r.risks), 'speaker_imminence agrees with risks (SDK calculateSpeakerImminence)');

  assert.equal(r.metadata?.api_version, 'v1', 'metadata.api_version');
  assert.equal(r.metadata.input_format, inputFormat, 'metadata.input_format');
  if (tryEndpoint) {
    assert.equal(r.metadata.try_endpoint, true, 'metadata.try_endpoint');
    assert.equal(typeof r.metadata.messages_truncated, 'boolean', 'metadata.messages_truncated must be a boolean on /v1/try');
  } else {
    assert.notEqual(r.metadata.try_endpoint, true, 'metadata.try_endpoint on an authenticated call');
  }

  if (r.resources !== undefined) {
    const all = [r.resources.primary, ...(r.resources.secondary ?? [])].filter(Boolean);
    for (const res of all) {
      text(res.name, 'resources.*.name');
      oneOf(res.type, RESOURCE_TYPES, `${res.name}.type`);
      text(res.why, `${res.name}.why`);
    }
    assert.ok(Array.isArray(r.resources.secondary ?? []), 'resources.secondary must be an array');
  }

  // Seed "Evaluation API" view.
  assert.ok(r.summary, 'summary (seed Evaluation API) is missing');
  assert.equal(r.summary.speaker_severity, r.speaker_severity, 'summary.speaker_severity');
  assert.equal(r.summary.speaker_imminence, r.speaker_imminence, 'summary.speaker_imminence');
  assert.equal(r.summary.any_third_party_risk, hasThirdPartyRisk(r.risks), 'summary.any_third_party_risk agrees with risks');
  assert.equal(typeof r.summary.primary_concerns, 'string', 'summary.primary_concerns is a string in the SDK types');
  assert.ok(r.communication, 'communication is missing');
  assert.ok(Array.isArray(r.communication.styles), 'communication.styles must be an array');
  r.communication.styles.forEach((s) => {
    oneOf(s.style, STYLES, 'communication.styles[].style');
    assert.equal(typeof s.confidence, 'number');
  });
  text(r.communication.language, 'communication.language');
  assert.ok(Array.isArray(r.crisis_resources), 'crisis_resources must be an array');
  if (r.recommended_reply !== undefined) {
    text(r.recommended_reply.content, 'recommended_reply.content');
    oneOf(r.recommended_reply.source, ['template', 'llm_generated'], 'recommended_reply.source');
  }

  // Seed "API Reference" (older) view: same facts, over every subject.
  const worst = maxBy(r.risks.map((x) => x.severity), SEVERITY_SCORES, 'none');
  const soonest = maxBy(r.risks.map((x) => x.imminence), IMMINENCE_SCORES, 'not_applicable');
  assert.ok(r.global, 'global (seed API Reference) is missing');
  assert.equal(r.global.overall_severity, worst, 'global.overall_severity is the worst severity in risks');
  assert.equal(r.global.overall_imminence, soonest, 'global.overall_imminence is the most imminent in risks');
  assert.ok(Array.isArray(r.domains), 'domains must be an array');
  for (const d of r.domains) {
    oneOf(d.domain, DOMAINS, 'domains[].domain');
    oneOf(d.severity, SEVERITIES, 'domains[].severity');
    oneOf(d.imminence, IMMINENCES, 'domains[].imminence');
  }
  assert.equal(maxBy(r.domains.map((d) => d.severity), SEVERITY_SCORES, 'none'), worst, 'the worst domain severity equals global.overall_severity');
}

/** What a person in crisis must get: high severity, resources shown, a directory line first. */
function crisisAnswer(r, country) {
  const primaryName = country === 'US' ? US_LIFELINE.name : GB_PRIMARY.name;
  atLeast(r.speaker_severity, 'high', 'speaker_severity');
  assert.notEqual(r.speaker_imminence, 'not_applicable', 'speaker_imminence');
  const suicide = r.risks.find((x) => x.type === 'suicide' && x.subject === 'self');
  assert.ok(suicide, 'risks must include suicide for subject self');
  assert.equal(r.show_resources, true, 'show_resources');
  crisisLineLeads(r.resources, r.risks, primaryName);
  const names = country === 'US' ? US_NAMES : GB_NAMES;
  (r.resources.secondary ?? []).forEach((s) => assert.ok(names.has(s.name), `${s.name} is not a ${country} entry`));
  assert.ok(r.crisis_resources.some((c) => c.name === primaryName), `crisis_resources includes ${primaryName}`);
  assert.equal(r.global.overall_severity, r.speaker_severity, 'only the speaker is at risk: global equals speaker');
  assert.ok(r.domains.some((d) => d.domain === 'self' && d.severity === r.speaker_severity), 'a self domain at the speaker severity');
  assert.ok(r.recommended_reply, 'recommended_reply (return_assistant_reply defaults to true)');
}

function benignAnswer(r) {
  assert.deepEqual(r.risks, []);
  assert.equal(r.speaker_severity, 'none');
  assert.equal(r.speaker_imminence, 'not_applicable');
  assert.equal(r.show_resources, false);
  assert.ok(r.resources === undefined || r.resources.primary === undefined, 'no resources for a benign conversation');
  assert.equal(r.global.overall_severity, 'none');
}

async function evaluateChecks(client) {
  const demo = new NopeClient({ baseUrl: BASE_URL, demo: true, timeout: TIMEOUT });

  await check('evaluate(messages, user_country US): suicidal with a plan → high/critical, 988 first', async () => {
    const r = await sdk('evaluate crisis US', () => client.evaluate({ messages: CRISIS_MESSAGES, config: { user_country: 'US' } }));
    evaluateShape(r, { inputFormat: 'structured', tryEndpoint: false });
    crisisAnswer(r, 'US');
  });

  await check('evaluate(text): text_blob input, same judgement', async () => {
    const r = await sdk('evaluate text', () => client.evaluate({ text: CRISIS_TEXT, config: { user_country: 'US' } }));
    evaluateShape(r, { inputFormat: 'text_blob', tryEndpoint: false });
    crisisAnswer(r, 'US');
  });

  await check('evaluate(benign messages): none, no resources', async () => {
    const r = await sdk('evaluate benign', () => client.evaluate({ messages: BENIGN_MESSAGES, config: { user_country: 'US' } }));
    evaluateShape(r, { inputFormat: 'structured', tryEndpoint: false });
    benignAnswer(r);
  });

  await check(`evaluate(country GB): ${GB_PRIMARY.name} leads`, async () => {
    const r = await sdk('evaluate crisis GB', () => client.evaluate({ messages: CRISIS_MESSAGES, config: { country: 'GB' } }));
    evaluateShape(r, { inputFormat: 'structured', tryEndpoint: false });
    crisisAnswer(r, 'GB');
  });

  await check('demo evaluate (keyless /v1/try/evaluate): try_endpoint, nothing truncated', async () => {
    const r = await sdk('demo evaluate', () => demo.evaluate({ messages: CRISIS_MESSAGES, config: { user_country: 'US' } }));
    evaluateShape(r, { inputFormat: 'structured', tryEndpoint: true });
    assert.equal(r.metadata.messages_truncated, false);
    crisisAnswer(r, 'US');
  });

  await check('demo evaluate with 12 messages: messages_truncated, the last message still judged', async () => {
    assert.equal(LONG_CONVERSATION.length, 12);
    const r = await sdk('demo evaluate long', () => demo.evaluate({ messages: LONG_CONVERSATION, config: { user_country: 'US' } }));
    evaluateShape(r, { inputFormat: 'structured', tryEndpoint: true });
    assert.equal(r.metadata.messages_truncated, true);
    crisisAnswer(r, 'US');
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) {
    console.log(`unknown section(s): ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
  if (!BASE_URL || !API_KEY) {
    console.log('set BASE_URL (the server root, e.g. http://127.0.0.1:8080) and NOPE_API_KEY');
    process.exit(2);
  }
  if (/\/v\d+\/?$/.test(BASE_URL)) {
    console.log(`BASE_URL must be the server root: the SDK appends /v1/... itself (got ${BASE_URL})`);
    process.exit(2);
  }
  const client = new NopeClient({ baseUrl: BASE_URL, apiKey: API_KEY, timeout: TIMEOUT });
  const run = { signpost: signpostChecks, screen: screenChecks, errors: errorChecks, evaluate: evaluateChecks };
  const sections = wanted.length ? SECTIONS.filter((s) => wanted.includes(s)) : SECTIONS;
  console.log(`@nope-net/sdk 2.1.0 against ${BASE_URL}: ${sections.join(', ')}`);
  for (const section of sections) {
    console.log(`-- ${section}`);
    await run[section](client);
  }
  console.log(`${passed} passed`);
}

await main();
