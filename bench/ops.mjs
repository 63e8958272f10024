// The answers and inputs of the whole-API rows: every operation with a small, sample-sized answer,
// the large answers (100 function summaries, 100 full distribution summaries, 40,960 bytes of
// code) and the large requests (40,960 bytes of code). Written once for Node and the page.
// Every answer is what CloudFront (the emulator, tests/emulator/) sends: status, headers, body.

const XMLNS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
const HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n`;
const enc = new TextEncoder();

/** Deterministic bytes of connection-function code, `n` long (ASCII JavaScript, as users write). */
export function code(n) {
  const line = "  if (connection.clientCertInfo && connection.clientCertInfo.serialNumber === \"0a:1b:2c\") { count++; }\n";
  let s = "function connectionHandler(connection) {\n  let count = 0;\n";
  while (s.length < n - 40) s += line;
  s += "  connection.allow();\n}\n";
  return enc.encode(s.padEnd(n, " ").slice(0, n));
}
export const CODE_40K = code(40_960);
export const CODE_SMALL = enc.encode("function connectionHandler(connection) { connection.allow(); }");

const hex = (i, w = 12) => i.toString(16).toUpperCase().padStart(w, "0");

/** One ConnectionFunctionSummary (`i` makes names, ids and times differ). */
export function summaryXml(i, { stage = "DEVELOPMENT", kvs = 2, attrNs = false } = {}) {
  const name = `edge-fn-${String(i).padStart(4, "0")}`;
  const id = `CF${hex(i)}`;
  const items = Array.from(
    { length: kvs },
    (_, k) => `<KeyValueStoreAssociation><KeyValueStoreARN>arn:aws:cloudfront::111122223333:key-value-store/${hex(i * 7 + k, 8).toLowerCase()}-0123-abcd-0123-0123456789ab</KeyValueStoreARN></KeyValueStoreAssociation>`,
  ).join("");
  const kvsXml = kvs ? `<KeyValueStoreAssociations><Quantity>${kvs}</Quantity><Items>${items}</Items></KeyValueStoreAssociations>` : "";
  const minute = String(i % 60).padStart(2, "0");
  return (
    `<ConnectionFunctionSummary${attrNs ? ` xmlns="${XMLNS}"` : ""}><Name>${name}</Name><Id>${id}</Id>` +
    `<ConnectionFunctionConfig><Comment>mTLS gate ${i} &amp; serial checks</Comment><Runtime>cloudfront-js-2.0</Runtime>${kvsXml}</ConnectionFunctionConfig>` +
    `<ConnectionFunctionArn>arn:aws:cloudfront::111122223333:connection-function/${id}</ConnectionFunctionArn>` +
    `<Status>${i % 3 ? "UNASSOCIATED" : "DEPLOYED"}</Status><Stage>${stage}</Stage>` +
    `<CreatedTime>2025-09-14T16:${minute}:00.123Z</CreatedTime><LastModifiedTime>2025-10-01T08:${minute}:30.5Z</LastModifiedTime></ConnectionFunctionSummary>`
  );
}

/** A ListConnectionFunctions page: summaries `from` … `from + count - 1`, NextMarker when more follow. */
export function listXml(from, count, total = from + count) {
  const next = from + count < total ? `<NextMarker>${from + count}</NextMarker>` : "";
  let s = `${HEAD}<ListConnectionFunctionsResult xmlns="${XMLNS}">${next}<ConnectionFunctions>`;
  for (let i = from; i < from + count; i++) s += summaryXml(i, { stage: i % 2 ? "LIVE" : "DEVELOPMENT" });
  return s + `</ConnectionFunctions></ListConnectionFunctionsResult>`;
}

const cacheBehavior = (i, path, origin, fn) =>
  `${path ? `<PathPattern>${path}</PathPattern>` : ""}<TargetOriginId>${origin}</TargetOriginId>` +
  `<TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>` +
  `<TrustedKeyGroups><Enabled>${fn ? "true" : "false"}</Enabled><Quantity>${fn ? 1 : 0}</Quantity>${fn ? `<Items><KeyGroup>kg-${hex(i, 6)}</KeyGroup></Items>` : ""}</TrustedKeyGroups>` +
  `<ViewerProtocolPolicy>${path ? "redirect-to-https" : "https-only"}</ViewerProtocolPolicy>` +
  `<AllowedMethods><Quantity>3</Quantity><Items><Method>HEAD</Method><Method>GET</Method><Method>OPTIONS</Method></Items>` +
  `<CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods></AllowedMethods>` +
  `<SmoothStreaming>false</SmoothStreaming><Compress>true</Compress>` +
  `<LambdaFunctionAssociations><Quantity>${fn ? 1 : 0}</Quantity>${fn ? `<Items><LambdaFunctionAssociation><LambdaFunctionARN>arn:aws:lambda:us-east-1:111122223333:function:origin-auth:${i % 9 + 1}</LambdaFunctionARN><EventType>origin-request</EventType><IncludeBody>false</IncludeBody></LambdaFunctionAssociation></Items>` : ""}</LambdaFunctionAssociations>` +
  `<FunctionAssociations><Quantity>${fn ? 1 : 0}</Quantity>${fn ? `<Items><FunctionAssociation><FunctionARN>arn:aws:cloudfront::111122223333:function/rewrite-${i}</FunctionARN><EventType>viewer-request</EventType></FunctionAssociation></Items>` : ""}</FunctionAssociations>` +
  `<FieldLevelEncryptionId></FieldLevelEncryptionId>` +
  `<CachePolicyId>${path ? "658327ea-f89d-4fab-a63d-7e88639e58f6" : "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}</CachePolicyId>` +
  (path ? `<OriginRequestPolicyId>88a5eaf4-2fd4-4709-b370-b4c650ea3fcf</OriginRequestPolicyId><ResponseHeadersPolicyId>67f7725c-6f97-4210-82d7-5512b31e9d03</ResponseHeadersPolicyId>` : "") +
  `<GrpcConfig><Enabled>false</Enabled></GrpcConfig>`;

/** One realistic DistributionSummary: 3 aliases, 3 origins (custom with a header, S3 with Origin Shield, custom), an origin group, 2 cache behaviours, error pages, mTLS. */
export function distributionXml(i, fnId = "CF1A2B3C4D5E6F") {
  const id = `E${hex(i, 13)}`;
  const origin = (oid, domain, body) =>
    `<Origin><Id>${oid}</Id><DomainName>${domain}</DomainName>${body}<ConnectionAttempts>3</ConnectionAttempts><ConnectionTimeout>10</ConnectionTimeout>`;
  const custom = (proto) =>
    `<CustomOriginConfig><HTTPPort>80</HTTPPort><HTTPSPort>443</HTTPSPort><OriginProtocolPolicy>${proto}</OriginProtocolPolicy>` +
    `<OriginSslProtocols><Quantity>1</Quantity><Items><SslProtocol>TLSv1.2</SslProtocol></Items></OriginSslProtocols>` +
    `<OriginReadTimeout>30</OriginReadTimeout><OriginKeepaliveTimeout>5</OriginKeepaliveTimeout></CustomOriginConfig>`;
  return (
    `<DistributionSummary><Id>${id}</Id><ARN>arn:aws:cloudfront::111122223333:distribution/${id}</ARN><ETag>E${hex(i * 31, 13)}</ETag>` +
    `<Status>${i % 5 ? "Deployed" : "InProgress"}</Status><LastModifiedTime>2025-09-${String(1 + (i % 28)).padStart(2, "0")}T16:20:05.127Z</LastModifiedTime>` +
    `<DomainName>d${hex(i, 12).toLowerCase()}.cloudfront.net</DomainName>` +
    `<Aliases><Quantity>3</Quantity><Items><CNAME>api-${i}.example.com</CNAME><CNAME>mtls-${i}.example.com</CNAME><CNAME>devices-${i}.example.org</CNAME></Items></Aliases>` +
    `<Origins><Quantity>3</Quantity><Items>` +
    origin("app-origin", `app-${i}.internal.example.com`, `<OriginPath></OriginPath><CustomHeaders><Quantity>1</Quantity><Items><OriginCustomHeader><HeaderName>X-Origin-Verify</HeaderName><HeaderValue>v${hex(i * 13, 16)}</HeaderValue></OriginCustomHeader></Items></CustomHeaders>${custom("https-only")}`) +
    `<OriginShield><Enabled>false</Enabled></OriginShield></Origin>` +
    origin("assets-s3", `assets-${i}.s3.us-east-1.amazonaws.com`, `<OriginPath>/static</OriginPath><CustomHeaders><Quantity>0</Quantity></CustomHeaders><S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity><OriginReadTimeout>30</OriginReadTimeout></S3OriginConfig>`) +
    `<OriginShield><Enabled>true</Enabled><OriginShieldRegion>us-east-1</OriginShieldRegion></OriginShield><OriginAccessControlId>E2OAC${hex(i, 9)}</OriginAccessControlId></Origin>` +
    origin("app-failover", `app-${i}.eu-west-1.example.com`, `<OriginPath>/v2</OriginPath><CustomHeaders><Quantity>0</Quantity></CustomHeaders>${custom("match-viewer")}`) +
    `<OriginShield><Enabled>false</Enabled></OriginShield></Origin>` +
    `</Items></Origins>` +
    `<OriginGroups><Quantity>1</Quantity><Items><OriginGroup><Id>app-group</Id><FailoverCriteria><StatusCodes><Quantity>3</Quantity><Items><StatusCode>500</StatusCode><StatusCode>502</StatusCode><StatusCode>503</StatusCode></Items></StatusCodes></FailoverCriteria>` +
    `<Members><Quantity>2</Quantity><Items><OriginGroupMember><OriginId>app-origin</OriginId></OriginGroupMember><OriginGroupMember><OriginId>app-failover</OriginId></OriginGroupMember></Items></Members><SelectionCriteria>default</SelectionCriteria></OriginGroup></Items></OriginGroups>` +
    `<DefaultCacheBehavior>${cacheBehavior(i, "", "app-group", true)}</DefaultCacheBehavior>` +
    `<CacheBehaviors><Quantity>2</Quantity><Items><CacheBehavior>${cacheBehavior(i, "/static/*", "assets-s3", false)}</CacheBehavior><CacheBehavior>${cacheBehavior(i, "/api/v2/*", "app-failover", true)}</CacheBehavior></Items></CacheBehaviors>` +
    `<CustomErrorResponses><Quantity>2</Quantity><Items><CustomErrorResponse><ErrorCode>404</ErrorCode><ResponsePagePath>/errors/404.html</ResponsePagePath><ResponseCode>404</ResponseCode><ErrorCachingMinTTL>10</ErrorCachingMinTTL></CustomErrorResponse>` +
    `<CustomErrorResponse><ErrorCode>503</ErrorCode><ErrorCachingMinTTL>0</ErrorCachingMinTTL></CustomErrorResponse></Items></CustomErrorResponses>` +
    `<Comment>mTLS front door ${i} &lt;devices&gt;</Comment><PriceClass>PriceClass_100</PriceClass><Enabled>${i % 7 ? "true" : "false"}</Enabled>` +
    `<ViewerCertificate><CloudFrontDefaultCertificate>false</CloudFrontDefaultCertificate><ACMCertificateArn>arn:aws:acm:us-east-1:111122223333:certificate/12345678-90ab-cdef-1234-${hex(i)}</ACMCertificateArn>` +
    `<SSLSupportMethod>sni-only</SSLSupportMethod><MinimumProtocolVersion>TLSv1.2_2021</MinimumProtocolVersion>` +
    `<Certificate>arn:aws:acm:us-east-1:111122223333:certificate/12345678-90ab-cdef-1234-${hex(i)}</Certificate><CertificateSource>acm</CertificateSource></ViewerCertificate>` +
    `<Restrictions><GeoRestriction><RestrictionType>blacklist</RestrictionType><Quantity>2</Quantity><Items><Location>KP</Location><Location>IR</Location></Items></GeoRestriction></Restrictions>` +
    `<WebACLId>arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge-${i}/a1b2c3d4</WebACLId><HttpVersion>http2and3</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled>` +
    `<Staging>false</Staging><ConnectionMode>direct</ConnectionMode>` +
    `<ViewerMtlsConfig><Mode>required</Mode><TrustStoreConfig><TrustStoreId>ts-${hex(i, 8).toLowerCase()}</TrustStoreId><AdvertiseTrustStoreCaNames>true</AdvertiseTrustStoreCaNames><IgnoreCertificateExpiry>false</IgnoreCertificateExpiry></TrustStoreConfig></ViewerMtlsConfig>` +
    `<ConnectionFunctionAssociation><Id>${fnId}</Id></ConnectionFunctionAssociation></DistributionSummary>`
  );
}

export function distributionListXml(count, { marker = "", next } = {}) {
  let s =
    `${HEAD}<DistributionList xmlns="${XMLNS}"><Marker>${marker}</Marker>${next ? `<NextMarker>${next}</NextMarker>` : ""}` +
    `<MaxItems>100</MaxItems><IsTruncated>${next ? "true" : "false"}</IsTruncated><Quantity>${count}</Quantity><Items>`;
  for (let i = 0; i < count; i++) s += distributionXml(i);
  return s + `</Items></DistributionList>`;
}

const REQ_ID = { "x-amzn-requestid": "1a2b3c4d-0000-4000-8000-000000000012" };
const xmlHeaders = (etag) => ({ ...REQ_ID, "content-type": "text/xml", ...(etag ? { etag } : {}) });
const summaryDoc = (i, opts) => HEAD + summaryXml(i, { ...opts, attrNs: true });
const testResultXml =
  `${HEAD}<ConnectionFunctionTestResult xmlns="${XMLNS}">${summaryXml(3)}<ComputeUtilization>12</ComputeUtilization>` +
  `<ConnectionFunctionExecutionLogs><member>serial 0a:1b:2c checked</member><member>revoked: false</member></ConnectionFunctionExecutionLogs>` +
  `<ConnectionFunctionErrorMessage></ConnectionFunctionErrorMessage><ConnectionFunctionOutput>{"action":"allow"}</ConnectionFunctionOutput></ConnectionFunctionTestResult>`;

const CONFIG = {
  Comment: "deny revoked serials",
  Runtime: "cloudfront-js-2.0",
  KeyValueStoreAssociations: {
    Quantity: 1,
    Items: [{ KeyValueStoreARN: "arn:aws:cloudfront::111122223333:key-value-store/0123abcd-0123-abcd-0123-0123456789ab" }],
  },
};
const CONNECTION = enc.encode(JSON.stringify({ clientIp: "203.0.113.42", clientCertInfo: { serialNumber: "0a:1b:2c:3d:4e:5f:60:71" } }));

/**
 * Each case: the operation, a fresh input per call (`input()`), and the answer the stub transport gives.
 * `ops` are the nine operations with answers the size of the samples; `large` the big answers and requests.
 */
export const CASES = {
  ops: {
    CreateConnectionFunction: {
      input: () => ({ Name: "cert-serial-gate", ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: CODE_SMALL }),
      answer: { status: 201, headers: { ...xmlHeaders("E2CREATEDEXAMPLE"), location: "https://cloudfront.amazonaws.com/2020-05-31/connection-function/CF00000000002A" }, body: summaryDoc(42) },
    },
    DescribeConnectionFunction: {
      input: () => ({ Identifier: "edge-fn-0007", Stage: "LIVE" }),
      answer: { status: 200, headers: xmlHeaders("E2QWRUHEXAMPLE"), body: summaryDoc(7, { stage: "LIVE", kvs: 3 }) },
    },
    GetConnectionFunction: {
      input: () => ({ Identifier: "edge-fn-0007", Stage: "LIVE" }),
      answer: { status: 200, headers: { ...REQ_ID, "content-type": "application/octet-stream", etag: "E2QWRUHEXAMPLE" }, body: CODE_SMALL },
    },
    ListConnectionFunctions: {
      input: () => ({ MaxItems: 2 }),
      answer: { status: 200, headers: xmlHeaders(), body: listXml(0, 2, 10) },
    },
    ListDistributionsByConnectionFunction: {
      input: () => ({ ConnectionFunctionIdentifier: "CF1A2B3C4D5E6F", MaxItems: 1 }),
      answer: { status: 200, headers: xmlHeaders(), body: distributionListXml(1, { next: "E0000000000001" }) },
    },
    UpdateConnectionFunction: {
      input: () => ({ Id: "CF00000000002A", IfMatch: "E2CREATEDEXAMPLE", ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: CODE_SMALL }),
      answer: { status: 200, headers: xmlHeaders("E3UPDATEDEXAMPLE"), body: summaryDoc(42) },
    },
    PublishConnectionFunction: {
      input: () => ({ Id: "CF00000000002A", IfMatch: "E3UPDATEDEXAMPLE" }),
      answer: { status: 200, headers: xmlHeaders(), body: summaryDoc(42, { stage: "LIVE" }) },
    },
    TestConnectionFunction: {
      input: () => ({ Id: "CF00000000002A", IfMatch: "E3UPDATEDEXAMPLE", Stage: "DEVELOPMENT", ConnectionObject: CONNECTION }),
      answer: { status: 200, headers: xmlHeaders(), body: testResultXml },
    },
    DeleteConnectionFunction: {
      input: () => ({ Id: "CF00000000002A", IfMatch: "E3UPDATEDEXAMPLE" }),
      answer: { status: 204, headers: { ...REQ_ID }, body: "" },
    },
  },
  large: {
    list100: {
      op: "ListConnectionFunctions",
      input: () => ({ MaxItems: 100 }),
      answer: { status: 200, headers: xmlHeaders(), body: listXml(0, 100, 1000) },
    },
    dist100: {
      op: "ListDistributionsByConnectionFunction",
      input: () => ({ ConnectionFunctionIdentifier: "CF1A2B3C4D5E6F", MaxItems: 100 }),
      answer: { status: 200, headers: xmlHeaders(), body: distributionListXml(100, { next: "E0000000000064" }) },
    },
    get40k: {
      op: "GetConnectionFunction",
      input: () => ({ Identifier: "edge-fn-0007", Stage: "LIVE" }),
      answer: { status: 200, headers: { ...REQ_ID, "content-type": "application/octet-stream", etag: "E2QWRUHEXAMPLE" }, body: CODE_40K },
    },
    create40k: {
      op: "CreateConnectionFunction",
      input: () => ({ Name: "cert-serial-gate", ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: CODE_40K }),
      answer: { status: 201, headers: { ...xmlHeaders("E2CREATEDEXAMPLE"), location: "https://cloudfront.amazonaws.com/2020-05-31/connection-function/CF00000000002A" }, body: summaryDoc(42) },
    },
    update40k: {
      op: "UpdateConnectionFunction",
      input: () => ({ Id: "CF00000000002A", IfMatch: "E2CREATEDEXAMPLE", ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: CODE_40K }),
      answer: { status: 200, headers: xmlHeaders("E3UPDATEDEXAMPLE"), body: summaryDoc(42) },
    },
  },
};

/** The body as bytes (strings are UTF-8). */
export const bodyBytes = (b) => (typeof b === "string" ? enc.encode(b) : b);

/** Paginator rows: 1,000 functions, 100 to a page (the answer server makes the pages; see api-server.mjs). */
export const PAGINATOR = { total: 1000, pageSize: 100 };
