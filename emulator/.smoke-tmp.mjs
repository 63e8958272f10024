import * as CF from "@aws-sdk/client-cloudfront";
import { startServer } from "./server.mjs";
process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING = "1";
const srv = await startServer({ port: 0, quiet: true });
const c = new CF.CloudFrontClient({ endpoint: srv.url, region: "us-east-1", maxAttempts: 1, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" } });
const show = (o) => console.log(JSON.stringify(o, (k, v) => (k === "$metadata" ? undefined : v)).slice(0, 600));
try {
  const cr = await c.send(new CF.CreateConnectionFunctionCommand({ Name: "smoke", ConnectionFunctionConfig: { Comment: "hi <&>", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: new TextEncoder().encode("function connectionHandler(c){console.log('x', c.clientIp); c.allow();}"), Tags: { Items: [{ Key: "team", Value: "edge" }] } }));
  show(cr);
  const id = cr.ConnectionFunctionSummary.Id;
  show(await c.send(new CF.DescribeConnectionFunctionCommand({ Identifier: id })));
  const g = await c.send(new CF.GetConnectionFunctionCommand({ Identifier: "smoke" }));
  console.log(g.ContentType, g.ETag, await g.ConnectionFunctionCode.transformToString());
  const up = await c.send(new CF.UpdateConnectionFunctionCommand({ Id: id, IfMatch: cr.ETag, ConnectionFunctionConfig: { Comment: "v2", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: new TextEncoder().encode("function connectionHandler(c){ c.deny(); }") }));
  show(up);
  show(await c.send(new CF.PublishConnectionFunctionCommand({ Id: id, IfMatch: up.ETag })));
  show(await c.send(new CF.TestConnectionFunctionCommand({ Id: id, IfMatch: up.ETag, ConnectionObject: new TextEncoder().encode('{"clientIp":"1.2.3.4"}') })));
  show(await c.send(new CF.ListConnectionFunctionsCommand({ MaxItems: 3, Stage: "LIVE" })));
  show(await c.send(new CF.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: "mtls-auth-check", MaxItems: 2 })));
  let n = 0; for await (const p of CF.paginateListConnectionFunctions({ client: c, pageSize: 5 }, {})) n += p.ConnectionFunctions.length; console.log("all", n);
  show(await c.send(new CF.DeleteConnectionFunctionCommand({ Id: id, IfMatch: up.ETag })));
  for (const cmd of [new CF.DeleteConnectionFunctionCommand({ Id: "mtls-auth-check", IfMatch: "E2QWRUHAPOMQZL" }), new CF.UpdateConnectionFunctionCommand({ Id: "mtls-auth-check", IfMatch: "Estale", ConnectionFunctionConfig: { Comment: "", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: new Uint8Array(40961) })]) {
    try { await c.send(cmd); } catch (e) { console.log(e.name, e.$fault, e.$metadata.httpStatusCode, e.message); }
  }
} finally { await srv.close(); }
