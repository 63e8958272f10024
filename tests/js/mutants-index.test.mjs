// Issue 14, mutation testing: what js/index.js itself promises, through the package's public API
// with a stub `fetch` (no server, no SDK load, so that StrykerJS can run it once per mutant):
// the error classes and their fields, errors passed through untouched, the config forms, the
// credential provider's results, the commands and client methods of the nine operations, and the
// blob GetConnectionFunction returns. The values asserted are the SDK's (the differential suite
// compares the same shapes with the SDK's own objects against the emulator).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import * as ours from "cloudfront-wasm";
import { rejection } from "./support/rejection.mjs";

const CREDS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const NS = 'xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"';
const errorBody = (code, message = "m") =>
  `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>rid-body</RequestId></ErrorResponse>`;
const SUMMARY = (created = "2024-05-01T11:00:00Z") =>
  `<ConnectionFunctionSummary ${NS}><Name>f</Name><Id>f</Id><ConnectionFunctionConfig><Comment>c</Comment><Runtime>cloudfront-js-2.0</Runtime></ConnectionFunctionConfig><ConnectionFunctionArn>arn:f</ConnectionFunctionArn><Status>UNASSOCIATED</Status><Stage>LIVE</Stage><CreatedTime>${created}</CreatedTime><LastModifiedTime>2024-05-01T11:00:00Z</LastModifiedTime></ConnectionFunctionSummary>`;

/** A stub transport: every attempt gets `answer(url, init)` ([status, body, headers?]); `seen` keeps the requests. */
function stub(answer) {
  const f = async (url, init) => {
    f.seen.push({ url: String(url), method: init?.method ?? "GET", headers: new Headers(init?.headers) });
    const [status, body, headers = {}] = answer(String(url), init);
    return new Response(body, { status, headers: { "x-amzn-RequestId": "rid-header", ...headers } });
  };
  f.seen = [];
  return f;
}
const ok = () => stub(() => [200, SUMMARY(), { ETag: "E1" }]);
const client = (cfg = {}) => new ours.CloudFrontClient({ endpoint: "http://127.0.0.1:9", credentials: CREDS, maxAttempts: 1, fetch: ok(), ...cfg });
const describe = (c, opts) => c.send(new ours.DescribeConnectionFunctionCommand({ Identifier: "f" }), opts);

// First in the file: the module is not loaded yet, so every init() below really loads.
test("a failed load names what failed and from where; a later init() loads", async () => {
  const loadError = async (input) => {
    const e = await rejection(ours.init(input));
    assert.equal(e.name, "WasmLoadError");
    assert.deepEqual(e.$metadata, { attempts: 0, totalRetryDelay: 0 });
    assert.ok(e.cause !== undefined, "the platform's error as the cause");
    assert.ok(e.message.includes(`(${e.cause})`), e.message);
    assert.match(e.message, /; pass it to init\(moduleOrUrl\) before the first call/);
    return e.message;
  };
  assert.match(await loadError(new Uint8Array([0, 1, 2])), /^cannot load cloudfront_wasm_bg\.wasm from \[object Uint8Array\] \(/);
  assert.match(await loadError("not-a-module"), /^cannot load cloudfront_wasm_bg\.wasm from not-a-module \(/);
  assert.match(await loadError(new URL("file:///nowhere/x.wasm")), / from file:\/\/\/nowhere\/x\.wasm \(/);
  assert.match(await loadError({ url: "https://cdn.example/r.wasm" }), / from https:\/\/cdn\.example\/r\.wasm \(/);
  // With no argument, the entry's own source (or the .wasm next to the module) is named.
  const offline = async () => {
    throw new TypeError("offline");
  };
  ours.setWasmLoader(offline, "https://cdn.example/pkg/cloudfront_wasm_bg.wasm");
  assert.match(await loadError(), / from https:\/\/cdn\.example\/pkg\/cloudfront_wasm_bg\.wasm \(TypeError: offline\)/);
  ours.setWasmLoader(offline);
  assert.match(await loadError(), / from file:\/\/\S+\/dist\/cloudfront_wasm_bg\.wasm \(TypeError: offline\)/);
  // Back to a working loader (as dist/node.js's): init() now loads, and calls work.
  ours.setWasmLoader(async (input, { initSync }) => initSync({ module: input ?? readFileSync(new URL("../../dist/cloudfront_wasm_bg.wasm", import.meta.url)) }));
  await ours.init();
  assert.equal((await describe(client())).ETag, "E1");
  await ours.init(new Uint8Array([0])); // loaded once: later arguments change nothing
});

test("modeled errors: the operation's class (extends CloudFrontServiceException and Error), the model's $fault, the envelope's fields", async () => {
  const modeled = ["AccessDenied", "EntityNotFound", "UnsupportedOperation", "InvalidArgument", "EntityAlreadyExists", "EntityLimitExceeded", "EntitySizeLimitExceeded", "InvalidTagging", "PreconditionFailed", "InvalidIfMatchVersion", "CannotDeleteEntityWhileInUse", "TestFunctionFailed"];
  for (const code of modeled) {
    const e = await rejection(describe(client({ fetch: stub(() => [400, errorBody(code, `about ${code}`)]) })));
    assert.ok(e instanceof ours[code], code);
    assert.equal(ours[code].name, code);
    assert.ok(e instanceof ours.CloudFrontServiceException && e instanceof Error, code);
    assert.equal(e.name, code);
    assert.equal(e.message, `about ${code}`);
    assert.equal(e.$fault, code === "TestFunctionFailed" ? "server" : "client", `${code}: the model's fault, whatever the status`);
    assert.equal(e.Code, code);
    assert.equal(e.Type, "Sender");
    assert.equal(e.RequestId, "rid-body");
    assert.deepEqual(e.Error, { Type: "Sender", Code: code, Message: `about ${code}` });
    assert.deepEqual(e.$metadata, { httpStatusCode: 400, requestId: "rid-header", extendedRequestId: undefined, cfId: undefined, attempts: 1, totalRetryDelay: 0 });
    // As on the SDK's exceptions: message enumerable (and writable, configurable), $retryable present and undefined.
    assert.deepEqual(Object.getOwnPropertyDescriptor(e, "message"), { value: `about ${code}`, enumerable: true, writable: true, configurable: true });
    assert.ok(Object.keys(e).includes("$retryable"), code);
    assert.equal(e.$retryable, undefined);
  }
  // A client error class never catches another code.
  const e = await rejection(describe(client({ fetch: stub(() => [404, errorBody("EntityNotFound")]) })));
  assert.ok(!(e instanceof ours.AccessDenied) && !(e instanceof ours.TestFunctionFailed));
});

test("an unmodeled code is a CloudFrontServiceException named after it; an empty 404 is NotFound", async () => {
  const e = await rejection(describe(client({ fetch: stub(() => [400, errorBody("TooManyFunctions", "too many")]) })));
  assert.equal(e.constructor, ours.CloudFrontServiceException);
  assert.equal(e.name, "TooManyFunctions");
  assert.equal(e.message, "too many");
  assert.equal(e.$fault, "client");
  assert.equal(e.Code, "TooManyFunctions");
  const server = await rejection(describe(client({ fetch: stub(() => [503, errorBody("ServiceUnavailable")]) })));
  assert.equal(server.constructor, ours.CloudFrontServiceException);
  assert.equal(server.$fault, "server");
  const empty = await rejection(describe(client({ fetch: stub(() => [404, ""]) })));
  assert.equal(empty.constructor, ours.CloudFrontServiceException);
  assert.equal(empty.name, "NotFound");
  assert.equal(empty.$metadata.httpStatusCode, 404);
});

test("an envelope field never replaces what the exception already has (its stack), as the SDK's decorateServiceException", async () => {
  const body = `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>EntityNotFound</Code><Message>m</Message><stack>from the body</stack><Detail>d</Detail></Error></ErrorResponse>`;
  const e = await rejection(describe(client({ fetch: stub(() => [404, body]) })));
  assert.equal(e.Detail, "d", "a new field is set");
  assert.notEqual(e.stack, "from the body");
  assert.match(e.stack, /EntityNotFound/);
});

test("a CloudFrontServiceException built by hand keeps what it is given", () => {
  const e = new ours.CloudFrontServiceException({ name: "X", message: "msg", $fault: "server", $metadata: { attempts: 2 }, Extra: 1 });
  assert.deepEqual({ ...e }, { $fault: "server", $retryable: undefined, $metadata: { attempts: 2 }, name: "X", message: "msg", Extra: 1 });
  const m = new ours.EntityNotFound({ message: "gone", $metadata: {}, $fault: "server" });
  assert.equal(m.name, "EntityNotFound");
  assert.equal(m.$fault, "client", "a modeled class sets its own fault");
});

test("a platform failure is the platform's own error with $metadata; a frozen or non-object one passes untouched", async () => {
  const failure = new TypeError("fetch failed");
  const e = await rejection(describe(client({ fetch: async () => { throw failure; } })));
  assert.equal(e, failure, "the very object fetch threw");
  assert.deepEqual(e.$metadata, { attempts: 1, totalRetryDelay: 0 });
  const frozen = Object.freeze(new TypeError("frozen"));
  assert.equal(await rejection(describe(client({ fetch: async () => { throw frozen; } }))), frozen);
  assert.equal(await rejection(describe(client({ fetch: async () => { throw "a string"; } }))), "a string");
});

test("local failures are plain Errors with a name and $metadata; an unreadable timestamp is a TypeError", async () => {
  const notCommand = await rejection(client().send({ input: { Identifier: "f" } }));
  assert.equal(notCommand.constructor, Error);
  assert.equal(notCommand.name, "ValidationError");
  assert.equal(notCommand.message, "send() takes a command such as new DescribeConnectionFunctionCommand(input)");
  assert.deepEqual(notCommand.$metadata, { attempts: 0, totalRetryDelay: 0 });
  assert.ok(!("cause" in notCommand), "no cause when there is none");
  assert.equal((await rejection(client().send(undefined))).name, "ValidationError");
  const bad = await rejection(describe(client({ fetch: stub(() => [200, SUMMARY("yesterday")]) })));
  assert.equal(bad.constructor, TypeError);
  assert.match(bad.message, /^XML deserialization error: /);
  assert.equal(bad.$metadata.httpStatusCode, 200);
  const unreadable = await rejection(describe(client({ fetch: stub(() => [200, "<ConnectionFunctionSummary><Name>"]) })));
  assert.equal(unreadable.constructor, Error);
  assert.match(unreadable.message, /^XML deserialization error: /);
  const input = await rejection(client().send(new ours.DescribeConnectionFunctionCommand({})));
  assert.equal(input.constructor, Error);
  assert.equal(input.name, "ValidationError");
});

test("a throwing credential provider: CredentialsProviderError with the provider's error as its cause", async () => {
  const cause = new Error("provider down");
  const e = await rejection(describe(client({ credentials: async () => { throw cause; } })));
  assert.equal(e.name, "CredentialsProviderError");
  assert.equal(e.message, "the credentials provider failed (see cause)");
  assert.equal(e.cause, cause);
  assert.deepEqual(e.$metadata, { attempts: 0, totalRetryDelay: 0 });
  // A synchronous provider's throw is the same failure, not an exception out of send().
  const sync = await rejection(describe(client({ credentials: () => { throw cause; } })));
  assert.equal(sync.name, "CredentialsProviderError");
});

test("a provider's result that is not credentials is not kept: the next call asks again", async () => {
  let calls = 0;
  const provider = async () => (++calls === 1 ? null : CREDS);
  const c = client({ credentials: provider });
  assert.equal((await rejection(describe(c))).name, "CredentialsError");
  await describe(c);
  await describe(c);
  assert.equal(calls, 2, "null was not cached; the credentials were");
  // A plain object is used as it is, every call.
  const fetch = ok();
  await describe(client({ credentials: { ...CREDS, sessionToken: "tok" }, fetch }));
  assert.equal(fetch.seen[0].headers.get("x-amz-security-token"), "tok");
});

test("config: defaults, readable but hidden credentials, the clock offset written back after a call", async () => {
  const c = new ours.CloudFrontClient({ credentials: CREDS });
  assert.equal(c.config.region, "us-east-1");
  assert.equal(c.config.systemClockOffset, 0);
  assert.equal(c.config.credentials, CREDS);
  assert.ok(!Object.keys(c.config).includes("credentials"));
  assert.ok(!JSON.stringify(c.config).includes(CREDS.secretAccessKey));
  const given = new ours.CloudFrontClient({ region: "eu-west-1", systemClockOffset: 1234, credentials: CREDS });
  assert.equal(given.config.region, "eu-west-1");
  assert.equal(given.config.systemClockOffset, 1234);
  assert.equal(new ours.CloudFrontClient().config.region, "us-east-1");
  assert.equal(new ours.CloudFrontClient(null).config.region, "us-east-1");

  // The answer's Date is an hour ahead: the 403 corrects the offset, the retry succeeds, config shows it.
  const ahead = new Date(Date.now() + 3_600_000).toUTCString();
  let n = 0;
  const skewed = client({
    maxAttempts: 2,
    fetch: stub(() => (n++ === 0 ? [403, errorBody("SignatureDoesNotMatch"), { Date: ahead }] : [200, SUMMARY(), { ETag: "E" }])),
  });
  await describe(skewed);
  assert.ok(Math.abs(skewed.config.systemClockOffset - 3_600_000) < 5_000, `offset ${skewed.config.systemClockOffset}`);
});

test("config: endpoint as a string, a URL, a function, or the SDK's Endpoint object; region as a function", async () => {
  const path = "/2020-05-31/connection-function/f/describe";
  const urlOf = async (cfg) => {
    const fetch = ok();
    await describe(client({ ...cfg, fetch }));
    return fetch.seen[0].url;
  };
  assert.equal(await urlOf({ endpoint: "http://127.0.0.1:9" }), `http://127.0.0.1:9${path}`);
  assert.equal(await urlOf({ endpoint: new URL("http://127.0.0.1:9/base") }), `http://127.0.0.1:9/base${path}`);
  assert.equal(await urlOf({ endpoint: async () => "http://localhost:7" }), `http://localhost:7${path}`);
  assert.equal(await urlOf({ endpoint: () => new URL("http://localhost:7") }), `http://localhost:7${path}`.replace("7/", "7/"));
  assert.equal(await urlOf({ endpoint: { protocol: "http:", hostname: "127.0.0.1", port: 8, path: "/p" } }), `http://127.0.0.1:8/p${path}`);
  assert.equal(await urlOf({ endpoint: { hostname: "cf.example" } }), `https://cf.example${path}`);
  assert.equal(await urlOf({ endpoint: { protocol: "http:", hostname: "cf.example", port: undefined } }), `http://cf.example${path}`);
  assert.equal(await urlOf({ endpoint: undefined, region: async () => "cn-north-1" }), `https://cloudfront.cn-northwest-1.amazonaws.com.cn${path}`);
  assert.equal(await urlOf({ endpoint: undefined, region: "us-west-2" }), `https://cloudfront.amazonaws.com${path}`);
  // What the endpoint function throws is thrown as it is.
  const failure = new Error("no endpoint");
  assert.equal(await rejection(describe(client({ endpoint: () => { throw failure; } }))), failure);
  assert.equal(await rejection(describe(client({ endpoint: () => { throw "no endpoint"; } }))), "no endpoint");
  assert.equal(await rejection(describe(client({ endpoint: () => { throw null; } }))), null);
});

test("the nine commands and client methods: SDK names, the input kept, each sent as its operation", async () => {
  const ops = {
    CreateConnectionFunction: ["POST", "/2020-05-31/connection-function", { Name: "f", ConnectionFunctionConfig: { Comment: "", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: new Uint8Array([1]) }],
    DescribeConnectionFunction: ["GET", "/2020-05-31/connection-function/f/describe", { Identifier: "f" }],
    GetConnectionFunction: ["GET", "/2020-05-31/connection-function/f", { Identifier: "f" }],
    ListConnectionFunctions: ["POST", "/2020-05-31/connection-functions", {}],
    ListDistributionsByConnectionFunction: ["GET", "/2020-05-31/distributionsByConnectionFunction?ConnectionFunctionIdentifier=f", { ConnectionFunctionIdentifier: "f" }],
    UpdateConnectionFunction: ["PUT", "/2020-05-31/connection-function/f", { Id: "f", IfMatch: "E1", ConnectionFunctionConfig: { Comment: "", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: new Uint8Array([1]) }],
    PublishConnectionFunction: ["POST", "/2020-05-31/connection-function/f/publish", { Id: "f", IfMatch: "E1" }],
    TestConnectionFunction: ["POST", "/2020-05-31/connection-function/f/test", { Id: "f", IfMatch: "E1", ConnectionObject: new Uint8Array([123, 125]) }],
    DeleteConnectionFunction: ["DELETE", "/2020-05-31/connection-function/f", { Id: "f", IfMatch: "E1" }],
  };
  for (const [op, [method, path, input]] of Object.entries(ops)) {
    const Command = ours[`${op}Command`];
    assert.equal(Command.name, `${op}Command`);
    const cmd = new Command(input);
    assert.equal(cmd.input, input);
    const methodName = op[0].toLowerCase() + op.slice(1);
    for (const send of [(c) => c.send(cmd), (c) => c[methodName](input), (c) => c.send(cmd, null)]) {
      const fetch = stub(() => [404, errorBody("EntityNotFound")]); // any answer: the request is what is checked
      await rejection(send(client({ fetch })));
      assert.equal(fetch.seen.length, 1, op);
      assert.equal(fetch.seen[0].method, method, op);
      assert.equal(new URL(fetch.seen[0].url).pathname + new URL(fetch.seen[0].url).search, path, op);
    }
  }
  // Another library's command (same name, other class) is not ours to send.
  class DescribeConnectionFunctionCommand {
    constructor(input) {
      this.input = input;
    }
  }
  assert.equal((await rejection(client().send(new DescribeConnectionFunctionCommand({ Identifier: "f" })))).name, "ValidationError");
});

test("destroy(): later calls fail before sending, and the credentials are forgotten", async () => {
  const fetch = ok();
  const c = client({ fetch });
  await describe(c);
  c.destroy();
  const e = await rejection(describe(c));
  assert.equal(e.name, "ValidationError");
  assert.equal(e.message, "this client was destroyed");
  assert.equal(fetch.seen.length, 1);
  assert.equal(c.config.credentials, undefined);
  client().destroy(); // never used: nothing to free
});

test("GetConnectionFunction's code: a Uint8Array with the SDK's transformToString and fromString", async () => {
  const bytes = (b) => stub(() => [200, b, { ETag: "E1" }]);
  const get = async (body) => (await client({ fetch: bytes(body) }).getConnectionFunction({ Identifier: "f" })).ConnectionFunctionCode;
  const code = await get(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9, 0xff]));
  assert.ok(code instanceof Uint8Array);
  assert.equal(code.transformToString(), "\ufeffhé\ufffd", "UTF-8, byte order mark kept, a bad byte replaced");
  assert.equal(code.transformToString("utf8"), "\ufeffhé\ufffd");
  assert.equal(code.transformToString("base64"), "77u/aMOp/w==");
  // Base64 of a large code, across the 32 KiB chunks.
  const big = randomBytes(0x8000 * 2 + 5);
  assert.equal((await get(big)).transformToString("base64"), big.toString("base64"));
  const Adapter = code.constructor;
  assert.equal(Adapter.name, "Uint8ArrayBlobAdapter");
  const fromB64 = Adapter.fromString("aMOp", "base64");
  assert.ok(fromB64 instanceof Adapter);
  assert.deepEqual([...fromB64], [0x68, 0xc3, 0xa9]);
  assert.deepEqual([...Adapter.fromString("hé")], [0x68, 0xc3, 0xa9]);
  assert.equal(Adapter.fromString("hé").transformToString(), "hé");
  assert.throws(() => Adapter.fromString(5), { message: "Unsupported conversion from number to Uint8ArrayBlobAdapter." });
  // An output without code is left as it is.
  const out = await describe(client());
  assert.equal(out.ConnectionFunctionCode, undefined);
  assert.equal(out.ETag, "E1");
});

test("paginators stop on an empty marker and send each page's marker", async () => {
  const pages = ["m1", "m2", undefined];
  let n = 0;
  const list = (marker) => `<ConnectionFunctionSummaryList ${NS}><Items/>${marker ? `<NextMarker>${marker}</NextMarker>` : ""}</ConnectionFunctionSummaryList>`;
  const fetch = stub(() => [200, list(pages[n++])]);
  const seen = [];
  for await (const page of ours.paginateListConnectionFunctions({ client: client({ fetch }), pageSize: 2 }, {})) seen.push(page.NextMarker);
  assert.deepEqual(seen, ["m1", "m2", undefined]);
  assert.equal(fetch.seen.length, 3);
});
