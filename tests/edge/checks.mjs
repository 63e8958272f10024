// The program every edge runtime runs (workerd, Deno, Bun; see tests/js/edge.test.mjs): it uses
// the installed package as a user would and returns plain JSON for the test to compare. Web APIs
// only (fetch, URL, JSON), so the same file runs unchanged in each runtime.
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

async function admin(endpoint, path, body) {
  const r = await fetch(`${endpoint}/__emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  await r.text();
  if (!r.ok) throw new Error(`emulator admin ${path} answered ${r.status}`);
}

const failure = (e) => ({ threw: String(e?.stack ?? e) });

/** Runs each check against the emulator at `endpoint`; a check that throws unexpectedly reports its stack. */
export async function edgeChecks(pkg, endpoint) {
  const { CloudFrontClient, DescribeConnectionFunctionCommand, ListConnectionFunctionsCommand, CreateConnectionFunctionCommand, GetConnectionFunctionCommand, EntityNotFound, CloudFrontServiceException, init } = pkg;
  const result = {};
  await admin(endpoint, "reset");

  // First, while nothing is loaded yet: a .wasm that cannot be loaded gives a named error that says
  // from where and what to do, and leaves the package usable (the next call loads the right one).
  const badWasm = `${endpoint}/no-such-dir/cloudfront_wasm_bg.wasm`;
  try {
    await init(badWasm);
    result.wasmLoadError = "init() resolved";
  } catch (e) {
    result.wasmLoadError = {
      name: e?.name,
      isError: e instanceof Error,
      namesWhat: String(e?.message).includes("cloudfront_wasm_bg.wasm"),
      namesWhere: String(e?.message).includes(badWasm),
      pointsToInit: String(e?.message).includes("init(moduleOrUrl)"),
      pointsToReadme: String(e?.message).includes("README"),
    };
  }

  const cf = new CloudFrontClient({ region: "us-east-1", endpoint, credentials: CREDENTIALS });
  try {
    const out = await cf.send(new DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check", Stage: "LIVE" }));
    const s = out.ConnectionFunctionSummary;
    result.describe = {
      name: s.Name,
      stage: s.Stage,
      etag: out.ETag,
      status: out.$metadata.httpStatusCode,
      createdIsDate: s.CreatedTime instanceof Date,
      created: s.CreatedTime instanceof Date ? s.CreatedTime.toISOString() : String(s.CreatedTime),
      modifiedIsDate: s.LastModifiedTime instanceof Date,
    };
  } catch (e) {
    result.describe = failure(e);
  }

  try {
    const out = await cf.send(new ListConnectionFunctionsCommand({}));
    const items = out.ConnectionFunctions ?? [];
    result.list = {
      status: out.$metadata.httpStatusCode,
      names: items.map((f) => f.Name),
      nextMarker: out.NextMarker ?? null,
      timestampsAreDates: items.every((f) => f.CreatedTime instanceof Date && f.LastModifiedTime instanceof Date),
    };
  } catch (e) {
    result.list = failure(e);
  }

  try {
    await cf.send(new DescribeConnectionFunctionCommand({ Identifier: "no-such-function" }));
    result.notFound = "resolved";
  } catch (e) {
    result.notFound = {
      name: e?.name,
      isEntityNotFound: e instanceof EntityNotFound,
      isServiceException: e instanceof CloudFrontServiceException,
      status: e?.$metadata?.httpStatusCode,
    };
  }

  // 40 KB of code: the body's SHA-256 comes from the runtime's own hash (WebCrypto, or node:crypto
  // in Bun's Node entry), and the emulator verifies the signature made with it.
  try {
    const code = Uint8Array.from({ length: 40 * 1024 }, (_, i) => (i * 7) & 0xff);
    const config = { Comment: "edge", Runtime: "cloudfront-js-2.0" };
    const made = await cf.send(new CreateConnectionFunctionCommand({ Name: "edge-large", ConnectionFunctionConfig: config, ConnectionFunctionCode: code }));
    const got = await cf.send(new GetConnectionFunctionCommand({ Identifier: made.ConnectionFunctionSummary.Id }));
    result.largeCode = { status: made.$metadata.httpStatusCode, same: got.ConnectionFunctionCode.length === code.length && got.ConnectionFunctionCode.every((b, i) => b === code[i]) };
  } catch (e) {
    result.largeCode = failure(e);
  }

  // Every attempt throttled: the client gives up after its default attempt count (the test
  // compares it with the SDK's), having waited between attempts.
  try {
    await admin(endpoint, "faults", { kind: "throttle", count: 10, identifier: "mtls-auth-check" });
    await cf.send(new DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check" }));
    result.throttled = "resolved";
  } catch (e) {
    result.throttled = {
      name: e?.name,
      isServiceException: e instanceof CloudFrontServiceException,
      status: e?.$metadata?.httpStatusCode,
      attempts: e?.$metadata?.attempts,
      waited: e?.$metadata?.totalRetryDelay > 0,
    };
  } finally {
    await admin(endpoint, "reset");
  }
  return result;
}

/**
 * For an entry that must fetch or read the .wasm where it cannot (workerd given the browser entry,
 * Deno given the default entry without --allow-read): the first call fails with a named error.
 * Resolves to the ETag when the call succeeds.
 */
export async function failingLoadCheck(pkg, endpoint) {
  const cf = new pkg.CloudFrontClient({ region: "us-east-1", endpoint, credentials: CREDENTIALS });
  try {
    const out = await cf.send(new pkg.DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check", Stage: "LIVE" }));
    return { resolved: out.ETag };
  } catch (e) {
    return { name: e?.name, isError: e instanceof Error, message: String(e?.message), attempts: e?.$metadata?.attempts };
  }
}
