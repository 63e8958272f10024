// Bytes / cold-start entry: one DescribeConnectionFunction call with cloudfront-wasm.
import { CloudFrontClient, DescribeConnectionFunctionCommand } from "cloudfront-wasm";

export async function run(endpoint, credentials) {
  const cf = new CloudFrontClient({ region: "us-east-1", endpoint, credentials, maxAttempts: 1 });
  return cf.send(new DescribeConnectionFunctionCommand({ Identifier: "fx-3kvs", Stage: "LIVE" }));
}
