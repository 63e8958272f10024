// Compiled (never run) by tests/js/types.test.mjs with the TypeScript inside Deno: the package's
// declarations must accept SDK-style code and reject what the SDK's declarations reject.
// @ts-types="../../../js/index.d.ts"
import {
  CloudFrontClient, CloudFrontServiceException, CreateConnectionFunctionCommand, DescribeConnectionFunctionCommand,
  GetConnectionFunctionCommand, ListConnectionFunctionsCommand, ListDistributionsByConnectionFunctionCommand,
  UpdateConnectionFunctionCommand, PublishConnectionFunctionCommand, TestConnectionFunctionCommand, DeleteConnectionFunctionCommand,
  paginateListConnectionFunctions, paginateListDistributionsByConnectionFunction,
  AccessDenied, EntityNotFound, UnsupportedOperation, InvalidArgument, EntityAlreadyExists, EntityLimitExceeded,
  EntitySizeLimitExceeded, InvalidTagging, PreconditionFailed, InvalidIfMatchVersion, CannotDeleteEntityWhileInUse,
  TestFunctionFailed, init,
} from "../../../js/index.js";
// @ts-types="../../../js/index.d.ts"
import type {
  ConnectionFunctionSummary, DistributionSummary, GetConnectionFunctionCommandOutput, DeleteConnectionFunctionCommandOutput,
  TestConnectionFunctionCommandOutput, ListDistributionsByConnectionFunctionCommandOutput, FunctionStage,
} from "../../../js/index.js";

const client = new CloudFrontClient({ region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "s" }, maxAttempts: 2 });
const code: Uint8Array = new TextEncoder().encode("function connectionHandler(c) { c.allow(); }");

export async function flow(signal: AbortSignal): Promise<string> {
  await init();
  const created = await client.send(
    new CreateConnectionFunctionCommand({
      Name: "n",
      ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0", KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: "arn" }] } },
      ConnectionFunctionCode: code,
      Tags: { Items: [{ Key: "k", Value: "v" }, { Key: "only-key" }] },
    }),
    { abortSignal: signal },
  );
  const summary: ConnectionFunctionSummary | undefined = created.ConnectionFunctionSummary;
  const created_at: Date | undefined = summary?.CreatedTime;
  const location: string | undefined = created.Location;
  const status: number | undefined = created.$metadata.httpStatusCode;
  const id = summary?.Id ?? "";
  const described = await client.send(new DescribeConnectionFunctionCommand({ Identifier: id, Stage: "DEVELOPMENT" }));
  const got: GetConnectionFunctionCommandOutput = await client.send(new GetConnectionFunctionCommand({ Identifier: id }));
  const text: string | undefined = got.ConnectionFunctionCode?.transformToString();
  const b64: string | undefined = got.ConnectionFunctionCode?.transformToString("base64");
  const bytes: Uint8Array | undefined = got.ConnectionFunctionCode;
  const contentType: string | undefined = got.ContentType;
  const updated = await client.send(
    new UpdateConnectionFunctionCommand({ Id: id, IfMatch: described.ETag, ConnectionFunctionConfig: { Comment: "d", Runtime: "cloudfront-js-1.0" }, ConnectionFunctionCode: code }),
  );
  const published = await client.send(new PublishConnectionFunctionCommand({ Id: id, IfMatch: updated.ETag }));
  const stage: FunctionStage | undefined = published.ConnectionFunctionSummary?.Stage;
  const tested: TestConnectionFunctionCommandOutput = await client.send(
    new TestConnectionFunctionCommand({ Id: id, IfMatch: updated.ETag, Stage: "LIVE", ConnectionObject: new Uint8Array(0) }),
  );
  const logs: string[] | undefined = tested.ConnectionFunctionTestResult?.ConnectionFunctionExecutionLogs;
  const listed = await client.send(new ListConnectionFunctionsCommand({ MaxItems: 10, Stage: "LIVE" }));
  const next: string | undefined = listed.NextMarker;
  const dists: ListDistributionsByConnectionFunctionCommandOutput = await client.send(
    new ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: id, MaxItems: 5 }),
  );
  const first: DistributionSummary | undefined = dists.DistributionList?.Items?.[0];
  const enabled: boolean | undefined = first?.Enabled;
  const mtls: "optional" | "passthrough" | "required" | undefined = first?.ViewerMtlsConfig?.Mode;
  const deleted: DeleteConnectionFunctionCommandOutput = await client.send(new DeleteConnectionFunctionCommand({ Id: id, IfMatch: "E" }));
  const viaMethod = await client.listConnectionFunctions({ Stage: "DEVELOPMENT" }, { abortSignal: signal });
  for await (const page of paginateListConnectionFunctions({ client, pageSize: 2, stopOnSameToken: true }, {})) {
    const names: (string | undefined)[] = (page.ConnectionFunctions ?? []).map((f) => f.Name);
    void names;
  }
  for await (const page of paginateListDistributionsByConnectionFunction({ client, startingToken: "m" }, { ConnectionFunctionIdentifier: id }, { abortSignal: signal })) {
    const truncated: boolean | undefined = page.DistributionList?.IsTruncated;
    void truncated;
  }
  try {
    await client.describeConnectionFunction({ Identifier: "x" });
  } catch (e) {
    if (e instanceof PreconditionFailed || e instanceof InvalidIfMatchVersion || e instanceof EntityAlreadyExists) {
      const fault: "client" = e.$fault;
      void fault;
    }
    if (e instanceof TestFunctionFailed) {
      const fault: "server" = e.$fault;
      void fault;
    }
    const all: CloudFrontServiceException[] = [];
    for (const C of [AccessDenied, EntityNotFound, UnsupportedOperation, InvalidArgument, EntityLimitExceeded, EntitySizeLimitExceeded, InvalidTagging, CannotDeleteEntityWhileInUse]) {
      if (e instanceof C) all.push(e);
    }
  }
  void [created_at, location, status, text, b64, bytes, contentType, stage, logs, next, enabled, mtls, deleted, viaMethod];
  return id;
}

// What the SDK's declarations reject must be rejected here too (each line below is an expected error).
export function rejected(): void {
  // @ts-expect-error Name is required
  new CreateConnectionFunctionCommand({ ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: code });
  // @ts-expect-error the code is a Uint8Array, not a string
  new UpdateConnectionFunctionCommand({ Id: "i", IfMatch: "E", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: "code" });
  // @ts-expect-error Runtime is an enum
  new CreateConnectionFunctionCommand({ Name: "n", ConnectionFunctionConfig: { Comment: "c", Runtime: "node20" }, ConnectionFunctionCode: code });
  // @ts-expect-error Stage is an enum
  new DescribeConnectionFunctionCommand({ Identifier: "x", Stage: "live" });
  // @ts-expect-error IfMatch is required
  new DeleteConnectionFunctionCommand({ Id: "i" });
  // @ts-expect-error MaxItems is a number
  new ListConnectionFunctionsCommand({ MaxItems: "10" });
  // @ts-expect-error ConnectionFunctionIdentifier is required
  paginateListDistributionsByConnectionFunction({ client }, {});
  // @ts-expect-error the paginator needs a client
  paginateListConnectionFunctions({ pageSize: 1 }, {});
  // @ts-expect-error Delete's output has no members besides $metadata
  client.send(new DeleteConnectionFunctionCommand({ Id: "i", IfMatch: "E" })).then((o) => o.ETag);
  // @ts-expect-error Test's output is not Describe's
  client.send(new TestConnectionFunctionCommand({ Id: "i", IfMatch: "E", ConnectionObject: code })).then((o) => o.ConnectionFunctionSummary);
  // @ts-expect-error a command of another kind is not a command
  client.send({ input: {} });
}
