// Issue 14 (items 4, 5, 8): README promises about state kept between calls and timing, each pinned by
// a test that fails when the promise breaks. The transport is a stub `fetch` (the config option), so
// nothing but our own code schedules timers here.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { loadOurs, CREDS, settle } from "./support/harness.mjs";

let ours;
before(async () => {
  ours = await loadOurs();
  await ours.init();
});

const NS = 'xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"';
const SUMMARY = `<ConnectionFunctionSummary ${NS}><Name>f</Name><Id>f</Id><ConnectionFunctionConfig><Comment>c</Comment><Runtime>cloudfront-js-2.0</Runtime></ConnectionFunctionConfig><ConnectionFunctionArn>arn:f</ConnectionFunctionArn><Status>UNASSOCIATED</Status><Stage>LIVE</Stage><CreatedTime>2024-05-01T11:00:00Z</CreatedTime><LastModifiedTime>2024-05-01T11:00:00Z</LastModifiedTime></ConnectionFunctionSummary>`;
const THROTTLE = `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>`;

/** A stub transport answering from `answers` in turn (the last one repeats); `calls` counts attempts. */
function stubFetch(...answers) {
  const f = async () => {
    const [status, body] = answers[Math.min(f.calls++, answers.length - 1)];
    return new Response(body, { status, headers: { ETag: "E1", "x-amzn-RequestId": "rid" } });
  };
  f.calls = 0;
  return f;
}
const client = (cfg) => new ours.CloudFrontClient({ region: "us-east-1", endpoint: "http://127.0.0.1:9", credentials: CREDS, maxAttempts: 1, fetch: stubFetch([200, SUMMARY]), ...cfg });
const describe = (c, opts) => c.send(new ours.DescribeConnectionFunctionCommand({ Identifier: "f" }), opts);

/** Runs fn with Date.now() moved `shiftMs` ahead (our JS and the wasm's clock both read Date.now). */
async function withClockShift(shiftMs, fn) {
  const realNow = Date.now;
  Date.now = () => realNow.call(Date) + shiftMs;
  try {
    return await fn();
  } finally {
    Date.now = realNow;
  }
}

// ---------------------------------------------------------------- 4: provider results and `expiration`
test("a provider's credentials are reused until 5 minutes before their expiration, then fetched again", async () => {
  const MIN = 60_000;
  let calls = 0;
  let expiresIn; // ms from the provider call's now, or undefined for no expiration
  const provider = async () => {
    calls++;
    return { ...CREDS, ...(expiresIn === undefined ? {} : { expiration: new Date(Date.now() + expiresIn) }) };
  };

  // No expiration: one provider call for any number of sends.
  expiresIn = undefined;
  let c = client({ credentials: provider });
  for (let i = 0; i < 3; i++) await describe(c);
  assert.equal(calls, 1, "no expiration: fetched once");

  // Expiring in 10 minutes: reused now and 4 minutes later; 5 minutes and 1 second later it is within
  // the window and fetched again.
  calls = 0;
  expiresIn = 10 * MIN;
  c = client({ credentials: provider });
  await describe(c);
  await describe(c);
  await withClockShift(4 * MIN, () => describe(c));
  assert.equal(calls, 1, "10 minutes left, then 6: reused");
  await withClockShift(5 * MIN + 1000, () => describe(c));
  assert.equal(calls, 2, "4:59 left: fetched again");

  // Expiring within 5 minutes (or already expired): every send asks the provider.
  for (const left of [5 * MIN - 1000, 60_000, -MIN]) {
    calls = 0;
    expiresIn = left;
    c = client({ credentials: provider });
    for (let i = 0; i < 3; i++) await describe(c);
    assert.equal(calls, 3, `${left} ms left: fetched every time`);
  }
});

test("concurrent sends share one provider call; a failed provider call is not cached", async () => {
  let calls = 0;
  let fail = true;
  const provider = async () => {
    calls++;
    await new Promise((r) => setTimeout(r, 20));
    if (fail) throw new Error("provider down");
    return { ...CREDS, expiration: new Date(Date.now() + 3_600_000) };
  };
  const c = client({ credentials: provider });
  const first = await settle(describe(c));
  assert.equal(first.error?.name, "CredentialsProviderError");
  fail = false;
  calls = 0;
  const all = await Promise.all(Array.from({ length: 5 }, () => describe(c)));
  assert.equal(all.length, 5);
  assert.equal(calls, 1, "one provider call for five concurrent sends");
});

// ---------------------------------------------------------------- 5: abort during a backoff wait
test("an abort during a backoff wait rejects at once, not when the wait ends", async () => {
  const realRandom = Math.random;
  Math.random = () => 0.999; // full jitter at its top: the first throttling backoff is 999 ms
  try {
    const fetch = stubFetch([400, THROTTLE], [200, SUMMARY]);
    const c = client({ maxAttempts: 3, fetch });
    const ac = new AbortController();
    const pending = settle(describe(c, { abortSignal: ac.signal }));
    // Wait until the first (throttled) attempt has been answered and read: the client is then waiting.
    while (fetch.calls < 1) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    const abortedAt = Date.now();
    ac.abort();
    const r = await pending;
    const waited = Date.now() - abortedAt;
    assert.equal(r.ok, false);
    assert.equal(r.error.name, "AbortError");
    assert.equal(r.error.$metadata.attempts, 1);
    assert.equal(fetch.calls, 1, "no attempt after the abort");
    assert.ok(waited < 400, `rejected ${waited} ms after the abort (the backoff had ~950 ms left)`);
  } finally {
    Math.random = realRandom;
  }
});

// ---------------------------------------------------------------- 8: no timer outlives a call
const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
test("the requestTimeout timer is cleared when a call ends: success, service error, abort", async () => {
  await new Promise((r) => setTimeout(r, 20)); // let earlier tests' timers run out
  const baseline = timers();
  const c = client({ requestTimeout: 60_000 });
  await describe(c);
  assert.equal(timers(), baseline, "no Timeout left after a successful call");
  const failing = client({ requestTimeout: 60_000, fetch: stubFetch([404, `<ErrorResponse><Error><Code>EntityNotFound</Code><Message>nf</Message></Error></ErrorResponse>`]) });
  assert.equal((await settle(describe(failing))).error?.name, "EntityNotFound");
  assert.equal(timers(), baseline, "no Timeout left after an error answer");
  const ac = new AbortController();
  const hanging = client({ requestTimeout: 60_000, fetch: (url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason))) });
  const p = settle(describe(hanging, { abortSignal: ac.signal }));
  await new Promise((r) => setTimeout(r, 20));
  ac.abort();
  assert.equal((await p).error?.name, "AbortError");
  assert.equal(timers(), baseline, "no Timeout left after an abort");
});
