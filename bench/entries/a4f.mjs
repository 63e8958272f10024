// Bytes / cold-start entry: one DescribeConnectionFunction call with aws4fetch + fast-xml-parser,
// shaped into the SDK's output object.
import { AwsClient } from "aws4fetch";
import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (n) => n === "KeyValueStoreAssociation" });
const pick = (to, from, keys) => {
  for (const k of keys) if (from[k] !== undefined) to[k] = from[k];
  return to;
};

export async function run(endpoint, credentials) {
  const aws = new AwsClient({ ...credentials, service: "cloudfront", region: "us-east-1", retries: 0 });
  const res = await aws.fetch(`${endpoint}/2020-05-31/connection-function/fx-3kvs/describe?Stage=LIVE`);
  const xml = await res.text();
  if (res.status >= 300) throw new Error(`HTTP ${res.status}`);
  const out = {};
  const s = xml && parser.parse(xml).ConnectionFunctionSummary;
  if (s) {
    const o = pick({}, s, ["Name", "Id"]);
    const c = s.ConnectionFunctionConfig;
    if (c) {
      o.ConnectionFunctionConfig = pick({}, c, ["Comment", "Runtime"]);
      const k = c.KeyValueStoreAssociations;
      if (k) {
        const ok = (o.ConnectionFunctionConfig.KeyValueStoreAssociations = { Quantity: Number(k.Quantity) });
        if (k.Items !== undefined) ok.Items = (k.Items?.KeyValueStoreAssociation ?? []).map((a) => pick({}, a, ["KeyValueStoreARN"]));
      }
    }
    pick(o, s, ["ConnectionFunctionArn", "Status", "Stage"]);
    for (const k of ["CreatedTime", "LastModifiedTime"]) if (s[k] !== undefined) o[k] = new Date(s[k]);
    out.ConnectionFunctionSummary = o;
  }
  if (res.headers.has("etag")) out.ETag = res.headers.get("etag");
  out.$metadata = { httpStatusCode: res.status, requestId: res.headers.get("x-amz-request-id") ?? undefined, extendedRequestId: undefined, cfId: undefined, attempts: 1, totalRetryDelay: 0 };
  return out;
}
