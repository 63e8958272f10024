// The stateful emulator through the real @aws-sdk/client-cloudfront: the lifecycle of a
// connection function, ETag rules, paging, every modeled error, the seed, the request log and
// faults per operation. If the SDK reads every answer as CloudFront's, the wire is right.
import { test, before, after, beforeEach, describe } from "node:test";
import assert from "node:assert/strict";
import * as CF from "@aws-sdk/client-cloudfront";
import { startServer } from "../../emulator/server.mjs";
import { loadSeed } from "../../emulator/emulator.mjs";
import { DEMO, admin, errorCode, rawRequest, signedCall, signedRequest } from "./helpers.mjs";

process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING ??= "1";

const SEED = loadSeed();
const enc = (s) => new TextEncoder().encode(s);
const ALLOW_CODE = "function connectionHandler(connection) {\n  console.log('hello ' + connection.clientIp);\n  connection.allow();\n}\n";
const DENY_CODE = "function connectionHandler(connection) {\n  connection.deny();\n}\n";
const CONFIG = { Comment: "made by a test", Runtime: "cloudfront-js-2.0" };

let server;
let cf;

function client(extra = {}) {
  return new CF.CloudFrontClient({ endpoint: server.url, region: "us-east-1", credentials: DEMO, maxAttempts: 1, ...extra });
}

async function rejects(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail("expected a rejection");
}

/** Asserts an SDK error: name, HTTP status and fault side. */
function assertError(e, name, status) {
  assert.equal(e.name, name, `${e.name}: ${e.message}`);
  assert.equal(e.$metadata.httpStatusCode, status);
  assert.equal(e.$fault, status >= 500 ? "server" : "client");
  assert.ok(e instanceof CF.CloudFrontServiceException);
  assert.match(e.$metadata.requestId, /^[0-9a-f-]{36}$/);
}

const create = (Name, extra = {}) =>
  cf.send(new CF.CreateConnectionFunctionCommand({ Name, ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: enc(ALLOW_CODE), ...extra }));

before(async () => {
  server = await startServer({ port: 0, quiet: true });
  cf = client();
});
after(async () => {
  await server?.close();
});
beforeEach(async () => {
  await admin(server, "reset");
});

describe("lifecycle through the SDK", () => {
  test("Create → Describe → Get → Update → Publish → Test → List → ListDistributions → Delete", async () => {
    const created = await create("lifecycle-fn", { Tags: { Items: [{ Key: "team", Value: "edge ops" }] } });
    assert.equal(created.$metadata.httpStatusCode, 201);
    const id = created.ConnectionFunctionSummary.Id;
    assert.match(id, /^CF[0-9A-F]{12}$/);
    assert.match(created.ETag, /^E[A-Z0-9]{13}$/);
    assert.equal(created.Location, `${server.url}/2020-05-31/connection-function/${id}`);
    const s = created.ConnectionFunctionSummary;
    assert.equal(s.Name, "lifecycle-fn");
    assert.equal(s.Status, "UNPUBLISHED");
    assert.equal(s.Stage, "DEVELOPMENT");
    assert.deepEqual(s.ConnectionFunctionConfig, CONFIG);
    assert.ok(s.CreatedTime instanceof Date && Math.abs(s.CreatedTime - Date.now()) < 60000);

    const described = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: id }));
    assert.equal(described.ETag, created.ETag);
    assert.deepEqual(described.ConnectionFunctionSummary, s);
    const never = await rejects(cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: id, Stage: "LIVE" })));
    assertError(never, "EntityNotFound", 404);

    const got = await cf.send(new CF.GetConnectionFunctionCommand({ Identifier: "lifecycle-fn" }));
    assert.equal(got.ETag, created.ETag);
    assert.equal(got.ContentType, "application/octet-stream");
    assert.equal(await got.ConnectionFunctionCode.transformToString(), ALLOW_CODE);

    const updated = await cf.send(
      new CF.UpdateConnectionFunctionCommand({
        Id: id,
        IfMatch: created.ETag,
        ConnectionFunctionConfig: { Comment: "v2 <b>&</b>\r\n", Runtime: "cloudfront-js-1.0", KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: "arn:aws:cloudfront::123456789012:key-value-store/0123abcd-0123-abcd-0123-0123456789ab" }] } },
        ConnectionFunctionCode: enc(DENY_CODE),
      }),
    );
    assert.equal(updated.$metadata.httpStatusCode, 200);
    assert.notEqual(updated.ETag, created.ETag);
    assert.equal(updated.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, "v2 <b>&</b>\r\n");
    assert.equal(updated.ConnectionFunctionSummary.ConnectionFunctionConfig.KeyValueStoreAssociations.Quantity, 1);
    assert.equal(updated.ConnectionFunctionSummary.Status, "UNPUBLISHED");

    const published = await cf.send(new CF.PublishConnectionFunctionCommand({ Id: id, IfMatch: updated.ETag }));
    assert.equal(published.ConnectionFunctionSummary.Stage, "LIVE");
    assert.equal(published.ConnectionFunctionSummary.Status, "UNASSOCIATED");
    const live = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: id, Stage: "LIVE" }));
    const dev = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: id, Stage: "DEVELOPMENT" }));
    assert.notEqual(live.ETag, dev.ETag, "DEVELOPMENT and LIVE have ETags of their own");
    assert.equal(dev.ETag, updated.ETag, "publishing leaves the DEVELOPMENT ETag");
    assert.deepEqual(live.ConnectionFunctionSummary.ConnectionFunctionConfig, dev.ConnectionFunctionSummary.ConnectionFunctionConfig);
    const liveCode = await cf.send(new CF.GetConnectionFunctionCommand({ Identifier: id, Stage: "LIVE" }));
    assert.equal(liveCode.ETag, live.ETag);
    assert.equal(await liveCode.ConnectionFunctionCode.transformToString(), DENY_CODE);

    const tested = await cf.send(
      new CF.TestConnectionFunctionCommand({ Id: id, IfMatch: live.ETag, Stage: "LIVE", ConnectionObject: enc('{"clientIp":"192.0.2.1"}') }),
    );
    const r = tested.ConnectionFunctionTestResult;
    assert.equal(r.ConnectionFunctionOutput, '{"action":"deny"}');
    assert.equal(r.ConnectionFunctionErrorMessage, "");
    assert.deepEqual(r.ConnectionFunctionExecutionLogs, []);
    assert.match(r.ComputeUtilization, /^\d{1,3}$/);
    assert.equal(r.ConnectionFunctionSummary.Stage, "LIVE");

    const listed = await cf.send(new CF.ListConnectionFunctionsCommand({ Stage: "LIVE" }));
    assert.ok(listed.ConnectionFunctions.some((f) => f.Id === id && f.Stage === "LIVE"));
    const dists = await cf.send(new CF.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: id }));
    assert.deepEqual(dists.DistributionList, { Marker: "", MaxItems: 100, IsTruncated: false, Quantity: 0 });

    const deleted = await cf.send(new CF.DeleteConnectionFunctionCommand({ Id: id, IfMatch: updated.ETag }));
    assert.deepEqual(Object.keys(deleted), ["$metadata"]);
    assert.equal(deleted.$metadata.httpStatusCode, 204);
    assertError(await rejects(cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: id }))), "EntityNotFound", 404);
    const after = await cf.send(new CF.ListConnectionFunctionsCommand({}));
    assert.ok(!after.ConnectionFunctions.some((f) => f.Id === id));
  });

  test("publishing a function a distribution uses makes it DEPLOYED in both stages", async () => {
    const before = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check" }));
    await cf.send(new CF.PublishConnectionFunctionCommand({ Id: "CF0A1B2C3D4E5F", IfMatch: before.ETag }));
    for (const Stage of ["DEVELOPMENT", "LIVE"]) {
      const d = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check", Stage }));
      assert.equal(d.ConnectionFunctionSummary.Status, "DEPLOYED", Stage);
      assert.match(d.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, /issuer pinning/);
    }
  });

  test("reset restores the seed: created functions go, deleted ones come back with their ETags", async () => {
    await create("temporary-fn");
    const lock = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "incident-lockdown" }));
    await cf.send(new CF.DeleteConnectionFunctionCommand({ Id: "CF8C9D0E1F2A3B", IfMatch: lock.ETag }));
    const now = await (await fetch(`${server.url}/__emulator/functions`)).json();
    assert.ok(now.functions.some((f) => f.name === "temporary-fn" && f.stages.join() === "DEVELOPMENT"));
    assert.ok(!now.functions.some((f) => f.name === "incident-lockdown"));
    assert.equal(now.distributions.filter((d) => d.connectionFunctionId === "CF0A1B2C3D4E5F").length, 7);
    await admin(server, "reset");
    assertError(await rejects(cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "temporary-fn" }))), "EntityNotFound", 404);
    const back = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "incident-lockdown" }));
    assert.equal(back.ETag, "E7Q8W9E0R1T2Y3");
  });
});

describe("wire details", () => {
  test("Create answers 201 with Location, ETag and a text/xml summary; Delete answers 204 with no body", async () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?><CreateConnectionFunctionRequest xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">' +
      "<Name>raw-fn</Name><ConnectionFunctionConfig><Comment>c</Comment><Runtime>cloudfront-js-2.0</Runtime></ConnectionFunctionConfig>" +
      `<ConnectionFunctionCode>${Buffer.from(ALLOW_CODE).toString("base64")}</ConnectionFunctionCode></CreateConnectionFunctionRequest>`;
    const res = await signedCall(server, { method: "POST", path: "/2020-05-31/connection-function", headers: { "content-type": "application/xml" }, body });
    assert.equal(res.status, 201, res.body);
    assert.match(res.headers["content-type"], /^text\/xml/);
    assert.match(res.headers.etag, /^E[A-Z0-9]{13}$/);
    const id = /<Id>([^<]+)<\/Id>/.exec(res.body)[1];
    assert.equal(res.headers.location, `http://${new URL(server.url).host}/2020-05-31/connection-function/${id}`);
    assert.match(res.body, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<ConnectionFunctionSummary xmlns="http:\/\/cloudfront\.amazonaws\.com\/doc\/2020-05-31\/"><Name>raw-fn<\/Name>/);
    assert.match(res.headers["access-control-expose-headers"], /\bETag\b.*\bLocation\b/);
    const del = await signedCall(server, { method: "DELETE", path: `/2020-05-31/connection-function/${id}`, headers: { "if-match": res.headers.etag } });
    assert.equal(del.status, 204);
    assert.equal(del.body, "");
  });

  test("Get answers the code bytes as application/octet-stream, not valid UTF-8 included", async () => {
    const res = await signedRequest(server, { path: "/2020-05-31/connection-function/legacy-latin1-check", query: { Stage: "LIVE" } });
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "application/octet-stream");
    assert.equal(res.headers.etag, "E4B5Y6T7E8S9X0");
    const out = await cf.send(new CF.GetConnectionFunctionCommand({ Identifier: "legacy-latin1-check", Stage: "LIVE" }));
    const bytes = out.ConnectionFunctionCode;
    assert.ok(bytes.includes(0xe9), "the Latin-1 é byte arrives unchanged");
    assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  });

  test("the SDK's XML body is read: escapes, numeric references and tags", async () => {
    const comment = 'a\r\nb\t"quotes" \'apos\' <tag> & \u2028 é ☃';
    const out = await cf.send(
      new CF.CreateConnectionFunctionCommand({
        Name: "escapes-fn",
        ConnectionFunctionConfig: { Comment: comment, Runtime: "cloudfront-js-1.0" },
        ConnectionFunctionCode: enc(ALLOW_CODE),
        Tags: { Items: [{ Key: "owner", Value: "équipe edge" }, { Key: "k:/=+-@_." }] },
      }),
    );
    assert.equal(out.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, comment);
    const again = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "escapes-fn" }));
    assert.equal(again.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, comment);
  });

  test("an unknown path or a wrong method is UnsupportedOperation", async () => {
    const wrong = await signedCall(server, { method: "PATCH", path: "/2020-05-31/connection-function/mtls-auth-check" });
    assert.equal(wrong.status, 400);
    assert.equal(errorCode(wrong.body), "UnsupportedOperation");
    const unknown = await signedCall(server, { method: "GET", path: "/2020-05-31/function/x" });
    assert.equal(errorCode(unknown.body), "UnsupportedOperation");
    const empty = await signedCall(server, { method: "GET", path: "/2020-05-31/connection-function//describe" });
    assert.equal(errorCode(empty.body), "InvalidArgument");
  });
});

describe("ETag rules", () => {
  test("Update: stale If-Match → PreconditionFailed 412, none → InvalidIfMatchVersion 400, and nothing changes", async () => {
    const created = await create("etag-fn");
    const update = (IfMatch) =>
      cf.send(
        new CF.UpdateConnectionFunctionCommand({ Id: created.ConnectionFunctionSummary.Id, IfMatch, ConnectionFunctionConfig: { ...CONFIG, Comment: "changed" }, ConnectionFunctionCode: enc(DENY_CODE) }),
      );
    assertError(await rejects(update("E0000000000000")), "PreconditionFailed", 412);
    assertError(await rejects(update(undefined)), "InvalidIfMatchVersion", 400);
    const d = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "etag-fn" }));
    assert.equal(d.ETag, created.ETag);
    assert.equal(d.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, CONFIG.Comment);
    const ok = await update(created.ETag);
    // The old ETag is stale now.
    assertError(await rejects(update(created.ETag)), "PreconditionFailed", 412);
    await update(ok.ETag);
  });

  test("Publish and Delete need the DEVELOPMENT ETag; Test needs the ETag of the stage it runs", async () => {
    const dev = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "incident-lockdown" }));
    const live = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "incident-lockdown", Stage: "LIVE" }));
    const id = dev.ConnectionFunctionSummary.Id;
    assertError(await rejects(cf.send(new CF.PublishConnectionFunctionCommand({ Id: id, IfMatch: live.ETag }))), "PreconditionFailed", 412);
    assertError(await rejects(cf.send(new CF.PublishConnectionFunctionCommand({ Id: id }))), "InvalidIfMatchVersion", 400);
    const test = (Stage, IfMatch) => cf.send(new CF.TestConnectionFunctionCommand({ Id: id, Stage, IfMatch, ConnectionObject: enc("{}") }));
    assertError(await rejects(test("LIVE", dev.ETag)), "PreconditionFailed", 412);
    assertError(await rejects(test("DEVELOPMENT", live.ETag)), "PreconditionFailed", 412);
    assertError(await rejects(test("LIVE", undefined)), "InvalidIfMatchVersion", 400);
    assert.equal((await test("LIVE", live.ETag)).ConnectionFunctionTestResult.ConnectionFunctionOutput, '{"action":"deny"}');
    assertError(await rejects(cf.send(new CF.DeleteConnectionFunctionCommand({ Id: id, IfMatch: live.ETag }))), "PreconditionFailed", 412);
    assertError(await rejects(cf.send(new CF.DeleteConnectionFunctionCommand({ Id: id }))), "InvalidIfMatchVersion", 400);
    await cf.send(new CF.DeleteConnectionFunctionCommand({ Id: id, IfMatch: dev.ETag }));
  });

  test("Test of a never-published function's LIVE stage → EntityNotFound", async () => {
    const dev = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "device-posture-gate" }));
    const e = await rejects(
      cf.send(new CF.TestConnectionFunctionCommand({ Id: "CF2C3D4E5F6A7B", Stage: "LIVE", IfMatch: dev.ETag, ConnectionObject: enc("{}") })),
    );
    assertError(e, "EntityNotFound", 404);
  });
});

describe("errors", () => {
  test("EntityAlreadyExists 409 for a taken name (seeded or created)", async () => {
    assertError(await rejects(create("mtls-auth-check")), "EntityAlreadyExists", 409);
    await create("twice");
    assertError(await rejects(create("twice")), "EntityAlreadyExists", 409);
  });

  test("EntitySizeLimitExceeded 413 for code over 40,960 bytes (Create and Update); 40,960 is fine", async () => {
    const big = new Uint8Array(40961).fill(0x20);
    assertError(await rejects(create("too-big", { ConnectionFunctionCode: big })), "EntitySizeLimitExceeded", 413);
    const ok = await create("just-fits", { ConnectionFunctionCode: new Uint8Array(40960).fill(0x20) });
    const e = await rejects(
      cf.send(new CF.UpdateConnectionFunctionCommand({ Id: ok.ConnectionFunctionSummary.Id, IfMatch: ok.ETag, ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: big })),
    );
    assertError(e, "EntitySizeLimitExceeded", 413);
  });

  test("EntityNotFound 404 from every operation that names a function", async () => {
    const missing = "no-such-function";
    const cmds = [
      new CF.DescribeConnectionFunctionCommand({ Identifier: missing }),
      new CF.GetConnectionFunctionCommand({ Identifier: missing }),
      new CF.UpdateConnectionFunctionCommand({ Id: missing, IfMatch: "E1", ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: enc("x") }),
      new CF.PublishConnectionFunctionCommand({ Id: missing, IfMatch: "E1" }),
      new CF.TestConnectionFunctionCommand({ Id: missing, IfMatch: "E1", ConnectionObject: enc("{}") }),
      new CF.DeleteConnectionFunctionCommand({ Id: missing, IfMatch: "E1" }),
      new CF.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: missing }),
    ];
    for (const cmd of cmds) assertError(await rejects(cf.send(cmd)), "EntityNotFound", 404);
  });

  test("CannotDeleteEntityWhileInUse 409 for a function a distribution uses; it stays", async () => {
    const d = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "tenant-sni-router" }));
    const e = await rejects(cf.send(new CF.DeleteConnectionFunctionCommand({ Id: "CF4E5F6A7B8C9D", IfMatch: d.ETag })));
    assertError(e, "CannotDeleteEntityWhileInUse", 409);
    assert.match(e.message, /EA0D1E2F3A4B5C/);
    assert.equal((await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "tenant-sni-router" }))).ETag, d.ETag);
  });

  test("InvalidArgument 400: name, runtime, KVS, blob, MaxItems, Marker, Stage, body", async () => {
    assertError(await rejects(create("bad name!")), "InvalidArgument", 400);
    assertError(await rejects(create("x".repeat(65))), "InvalidArgument", 400);
    assertError(await rejects(create("bad-runtime", { ConnectionFunctionConfig: { Comment: "", Runtime: "nodejs20.x" } })), "InvalidArgument", 400);
    assertError(await rejects(create("no-comment", { ConnectionFunctionConfig: { Runtime: "cloudfront-js-2.0" } })), "InvalidArgument", 400);
    assertError(await rejects(create("no-code", { ConnectionFunctionCode: undefined })), "InvalidArgument", 400);
    assertError(await rejects(create("empty-code", { ConnectionFunctionCode: new Uint8Array(0) })), "InvalidArgument", 400);
    const kvs = { ...CONFIG, KeyValueStoreAssociations: { Quantity: 2, Items: [{ KeyValueStoreARN: "arn:aws:cloudfront::123456789012:key-value-store/0123abcd-0123-abcd-0123-0123456789ab" }] } };
    assertError(await rejects(create("kvs-count", { ConnectionFunctionConfig: kvs })), "InvalidArgument", 400);
    const badArn = { ...CONFIG, KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: "arn:aws:s3:::bucket" }] } };
    assertError(await rejects(create("kvs-arn", { ConnectionFunctionConfig: badArn })), "InvalidArgument", 400);
    assertError(await rejects(cf.send(new CF.ListConnectionFunctionsCommand({ MaxItems: 0 }))), "InvalidArgument", 400);
    assertError(await rejects(cf.send(new CF.ListConnectionFunctionsCommand({ Marker: "garbage" }))), "InvalidArgument", 400);
    assertError(await rejects(cf.send(new CF.ListConnectionFunctionsCommand({ Stage: "PROD" }))), "InvalidArgument", 400);
    assertError(
      await rejects(cf.send(new CF.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: "mtls-auth-check", Marker: "ENOTADISTRIBUTION" }))),
      "InvalidArgument",
      400,
    );
    const raw = (body) => signedCall(server, { method: "POST", path: "/2020-05-31/connection-functions", headers: { "content-type": "application/xml" }, body });
    for (const body of ["<ListConnectionFunctionsRequest><MaxItems>2</Max", "<Other/>", '<ListConnectionFunctionsRequest xmlns="urn:x"/>', "<ListConnectionFunctionsRequest><MaxItems>two</MaxItems></ListConnectionFunctionsRequest>"]) {
      const res = await raw(body);
      assert.equal(res.status, 400, body);
      assert.equal(errorCode(res.body), "InvalidArgument", body);
    }
    const bad64 = await signedCall(server, {
      method: "POST",
      path: "/2020-05-31/connection-function",
      body: "<CreateConnectionFunctionRequest><Name>b64</Name><ConnectionFunctionConfig><Comment/><Runtime>cloudfront-js-2.0</Runtime></ConnectionFunctionConfig><ConnectionFunctionCode>not base64!</ConnectionFunctionCode></CreateConnectionFunctionRequest>",
    });
    assert.equal(errorCode(bad64.body), "InvalidArgument");
  });

  test("InvalidTagging 400 for tags outside the model's lengths and pattern", async () => {
    for (const Tags of [{ Items: [{ Key: "" }] }, { Items: [{ Key: "k".repeat(129) }] }, { Items: [{ Key: "ok", Value: "v".repeat(257) }] }, { Items: [{ Key: "semi;colon" }] }]) {
      assertError(await rejects(create("tagged", { Tags })), "InvalidTagging", 400);
    }
    await create("tagged", { Tags: { Items: [{ Key: "Ünïcode Key", Value: "" }] } });
  });

  test("EntityLimitExceeded 400 when the account's function limit is reached", async () => {
    const seed = structuredClone(SEED);
    seed.limits = { functions: seed.functions.length + 1 };
    const small = await startServer({ port: 0, quiet: true, seed });
    try {
      const c = new CF.CloudFrontClient({ endpoint: small.url, region: "us-east-1", credentials: DEMO, maxAttempts: 1 });
      const mk = (Name) => c.send(new CF.CreateConnectionFunctionCommand({ Name, ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: enc(ALLOW_CODE) }));
      await mk("last-one");
      assertError(await rejects(mk("one-too-many")), "EntityLimitExceeded", 400);
    } finally {
      await small.close();
    }
  });
});

describe("paging", () => {
  test("paginateListConnectionFunctions walks every (function, stage) once, in pages of pageSize", async () => {
    const all = (await cf.send(new CF.ListConnectionFunctionsCommand({}))).ConnectionFunctions;
    const expected = SEED.functions.reduce((n, f) => n + Object.keys(f.stages).length, 0);
    assert.equal(all.length, expected);
    const pages = [];
    for await (const page of CF.paginateListConnectionFunctions({ client: cf, pageSize: 4 }, {})) pages.push(page);
    assert.equal(pages.length, Math.ceil(expected / 4));
    assert.ok(pages.slice(0, -1).every((p) => p.ConnectionFunctions.length === 4 && typeof p.NextMarker === "string"));
    assert.equal(pages.at(-1).NextMarker, undefined);
    const walked = pages.flatMap((p) => p.ConnectionFunctions);
    assert.deepEqual(walked, all);
    assert.equal(new Set(walked.map((f) => `${f.Name}/${f.Stage}`)).size, expected);
  });

  test("the Stage filter, and a page that continues after its marker's function was deleted", async () => {
    const live = [];
    for await (const page of CF.paginateListConnectionFunctions({ client: cf, pageSize: 3 }, { Stage: "LIVE" })) live.push(...page.ConnectionFunctions);
    assert.equal(live.length, SEED.functions.filter((f) => f.stages.LIVE).length);
    assert.ok(live.every((f) => f.Stage === "LIVE"));
    const dev = (await cf.send(new CF.ListConnectionFunctionsCommand({ Stage: "DEVELOPMENT" }))).ConnectionFunctions;
    assert.equal(dev.length, SEED.functions.length);
    assert.ok(SEED.functions.length >= 12);

    const first = await cf.send(new CF.ListConnectionFunctionsCommand({ Stage: "DEVELOPMENT", MaxItems: 2 }));
    const nextName = first.NextMarker.split(".")[0];
    assert.equal(nextName, "broken-cert-parser"); // names sort as strings; no distribution uses this one
    const victim = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: nextName }));
    await cf.send(new CF.DeleteConnectionFunctionCommand({ Id: victim.ConnectionFunctionSummary.Id, IfMatch: victim.ETag }));
    const second = await cf.send(new CF.ListConnectionFunctionsCommand({ Stage: "DEVELOPMENT", MaxItems: 2, Marker: first.NextMarker }));
    assert.deepEqual(second.ConnectionFunctions.map((f) => f.Name), [dev[3].Name, dev[4].Name]);
  });

  test("paginateListDistributionsByConnectionFunction: 7 distributions of mtls-auth-check in pages of 3", async () => {
    const pages = [];
    for await (const page of CF.paginateListDistributionsByConnectionFunction({ client: cf, pageSize: 3 }, { ConnectionFunctionIdentifier: "mtls-auth-check" })) {
      pages.push(page.DistributionList);
    }
    assert.deepEqual(pages.map((p) => p.Quantity), [3, 3, 1]);
    assert.deepEqual(pages.map((p) => p.IsTruncated), [true, true, false]);
    assert.equal(pages[0].Marker, "");
    assert.equal(pages[1].Marker, pages[0].NextMarker);
    assert.equal(pages[2].NextMarker, undefined);
    const ids = pages.flatMap((p) => p.Items.map((d) => d.Id));
    const expected = SEED.distributions.filter((d) => d.ConnectionFunctionAssociation.Id === "CF0A1B2C3D4E5F").map((d) => d.Id);
    assert.deepEqual(ids, expected);
    assert.ok(expected.length >= 5);
  });

  test("the identifier may be a name, an Id or an ARN", async () => {
    for (const ConnectionFunctionIdentifier of ["geo-fence-tls", "CF1B2C3D4E5F6A", "arn:aws:cloudfront::123456789012:connection-function/geo-fence-tls"]) {
      const out = await cf.send(new CF.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier }));
      assert.deepEqual(out.DistributionList.Items.map((d) => d.Id), ["E8B9C0D1E2F3A4", "E9C0D1E2F3A4B5"]);
    }
  });
});

describe("the seed", () => {
  test("every seeded DistributionSummary reaches the SDK whole: element names, order-free members, types", async () => {
    const byFunction = new Map();
    for (const d of SEED.distributions) byFunction.set(d.ConnectionFunctionAssociation.Id, [...(byFunction.get(d.ConnectionFunctionAssociation.Id) ?? []), d]);
    const retrying = client({ maxAttempts: 3 }); // sni-rate-limiter's seed fault throttles two requests out of three
    for (const [id, expected] of byFunction) {
      const out = await retrying.send(new CF.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: id }));
      const want = expected.map((d) => ({ ...d, LastModifiedTime: new Date(d.LastModifiedTime) }));
      assert.deepEqual(out.DistributionList.Items, want, id);
    }
  });

  test("what the console page needs is there", async () => {
    const list = (await cf.send(new CF.ListConnectionFunctionsCommand({ Stage: "DEVELOPMENT" }))).ConnectionFunctions;
    assert.ok(list.length >= 12);
    // Never published.
    assert.ok(SEED.functions.filter((f) => !f.stages.LIVE).length >= 2);
    // DEVELOPMENT differs from LIVE in comment, code and key-value stores.
    const code = async (Stage) => (await cf.send(new CF.GetConnectionFunctionCommand({ Identifier: "mtls-auth-check", Stage }))).ConnectionFunctionCode.transformToString();
    assert.notEqual(await code("DEVELOPMENT"), await code("LIVE"));
    const [dev, live] = await Promise.all(["DEVELOPMENT", "LIVE"].map((Stage) => cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check", Stage }))));
    assert.notEqual(dev.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, live.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment);
    assert.notEqual(dev.ConnectionFunctionSummary.ConnectionFunctionConfig.KeyValueStoreAssociations.Quantity, live.ConnectionFunctionSummary.ConnectionFunctionConfig.KeyValueStoreAssociations.Quantity);
    // Markup in comments.
    assert.ok(list.some((f) => f.ConnectionFunctionConfig.Comment.includes("<img src=x onerror=alert(1)>")));
    // The seven original functions are unchanged (their describe answers are what the other suites expect).
    const mtls = SEED.functions.find((f) => f.name === "mtls-auth-check");
    assert.equal(mtls.stages.LIVE.etag, "E3UN6WX5RRO2AG");
  });
});

describe("request log", () => {
  test("stats.log holds { operation, method, path, query, headers, body } per API request, rejected ones too", async () => {
    await create("logged-fn");
    await rejects(cf.send(new CF.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: "a b", MaxItems: 2 })));
    await rawRequest(server.url, { method: "POST", path: "/2020-05-31/connection-functions", body: "<ListConnectionFunctionsRequest/>" }); // unsigned
    await rawRequest(server.url, { path: "/2020-05-31/nowhere" });
    await rawRequest(server.url, { method: "OPTIONS", path: "/2020-05-31/connection-functions" }); // a preflight: not logged
    await fetch(`${server.url}/__emulator/stats`); // admin: not logged
    const { log, requests, identifiers } = await admin(server, "stats");
    assert.equal(requests, 4);
    assert.equal(log.length, 4);
    assert.deepEqual(identifiers, ["a b"]);
    assert.deepEqual(log.map((l) => [l.operation, l.method, l.path]), [
      ["CreateConnectionFunction", "POST", "/2020-05-31/connection-function"],
      ["ListDistributionsByConnectionFunction", "GET", "/2020-05-31/distributionsByConnectionFunction"],
      ["ListConnectionFunctions", "POST", "/2020-05-31/connection-functions"],
      [null, "GET", "/2020-05-31/nowhere"],
    ]);
    assert.deepEqual(Object.keys(log[0]), ["operation", "method", "path", "query", "headers", "body"]);
    assert.match(log[0].body, /^<\?xml version="1\.0" encoding="UTF-8"\?><CreateConnectionFunctionRequest xmlns="http:\/\/cloudfront\.amazonaws\.com\/doc\/2020-05-31\/"><Name>logged-fn<\/Name>/);
    assert.equal(log[0].headers["content-type"], "application/xml");
    assert.ok(Object.keys(log[0].headers).every((h) => h === h.toLowerCase()));
    assert.ok(log[0].headers.authorization.startsWith("AWS4-HMAC-SHA256 "));
    assert.deepEqual(log[1].query, { ConnectionFunctionIdentifier: "a b", MaxItems: "2" });
    assert.equal(log[1].body, "");
    assert.equal(log[2].body, "<ListConnectionFunctionsRequest/>");
    assert.equal(log[2].headers.authorization, undefined);
  });

  test("the log keeps the last 200 requests and reset empties it", async () => {
    for (let i = 0; i < 205; i++) await rawRequest(server.url, { path: `/2020-05-31/connection-function/n${i}/describe` });
    const { log, requests } = await admin(server, "stats");
    assert.equal(requests, 205);
    assert.equal(log.length, 200);
    assert.equal(log[0].path, "/2020-05-31/connection-function/n5/describe");
    assert.equal(log.at(-1).path, "/2020-05-31/connection-function/n204/describe");
    await admin(server, "reset");
    assert.deepEqual((await admin(server, "stats")).log, []);
  });
});

describe("faults per operation", () => {
  test("a fault for one operation leaves the others alone and is used up by that operation", async () => {
    const r = await admin(server, "faults", { kind: "throttle", count: 2, operation: "ListConnectionFunctions" });
    assert.equal(r.ok, true);
    await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check" }));
    await cf.send(new CF.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: "mtls-auth-check" }));
    assertError(await rejects(cf.send(new CF.ListConnectionFunctionsCommand({}))), "Throttling", 400);
    const retried = await client({ maxAttempts: 3 }).send(new CF.ListConnectionFunctionsCommand({}));
    assert.equal(retried.$metadata.attempts, 2);
    assert.equal((await cf.send(new CF.ListConnectionFunctionsCommand({}))).$metadata.attempts, 1);
  });

  test("operation and identifier together; every fault kind applies to write operations too", async () => {
    await admin(server, "faults", { kind: "html503", count: 1, operation: "DeleteConnectionFunction", identifier: "CF9D0E1F2A3B4C" });
    const del = (Id, IfMatch) => cf.send(new CF.DeleteConnectionFunctionCommand({ Id, IfMatch }));
    await del("CF8C9D0E1F2A3B", "E7Q8W9E0R1T2Y3"); // another function: no fault
    const e = await rejects(del("CF9D0E1F2A3B4C", "E9L8K7J6H5G4F3"));
    assert.equal(e.$metadata.httpStatusCode, 503);
    await del("CF9D0E1F2A3B4C", "E9L8K7J6H5G4F3");
    await admin(server, "faults", { kind: "malformed", count: 1, operation: "CreateConnectionFunction" });
    const m = await signedCall(server, { method: "POST", path: "/2020-05-31/connection-function", body: "<CreateConnectionFunctionRequest/>" });
    assert.equal(m.status, 200);
    assert.ok(!m.body.includes("</ConnectionFunctionSummary>"));
  });

  test("a faulted write changes nothing, except a truncated one (its answer was cut after the write)", async () => {
    await admin(server, "faults", { kind: "throttle", count: 1, operation: "CreateConnectionFunction" });
    await rejects(create("throttled-fn"));
    assert.equal((await rejects(cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "throttled-fn" })))).name, "EntityNotFound");
    await admin(server, "faults", { kind: "truncate", count: 1, operation: "CreateConnectionFunction" });
    await rejects(create("truncated-fn"));
    assert.equal((await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "truncated-fn" }))).ConnectionFunctionSummary.Status, "UNPUBLISHED");
    // A truncated answer is still authenticated first: an unsigned write does not happen.
    await admin(server, "faults", { kind: "truncate", count: 1, operation: "CreateConnectionFunction" });
    const unsigned = rawRequest(server.url, {
      method: "POST",
      path: "/2020-05-31/connection-function",
      body: `<CreateConnectionFunctionRequest><Name>unsigned-fn</Name><ConnectionFunctionConfig><Comment/><Runtime>cloudfront-js-2.0</Runtime></ConnectionFunctionConfig><ConnectionFunctionCode>eA==</ConnectionFunctionCode></CreateConnectionFunctionRequest>`,
    });
    await assert.rejects(unsigned);
    assert.equal((await rejects(cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "unsigned-fn" })))).name, "EntityNotFound");
  });

  test("an unknown operation is refused by the admin API", async () => {
    const r = await fetch(`${server.url}/__emulator/faults`, { method: "POST", body: JSON.stringify({ kind: "throttle", operation: "DescribeFunction" }) });
    assert.equal(r.status, 400);
    assert.match((await r.json()).error, /ListConnectionFunctions/);
  });
});
