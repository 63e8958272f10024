// The emulator's wire format (rest-xml, API 2020-05-31): the XML it writes (summaries, lists,
// the distribution list, test results, error envelopes) and the XML request bodies it reads.
// Element order follows the service model (../shared/cloudfront/model.json), which is the
// order the SDK writes and the order CloudFront answers in.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const API_VERSION = "2020-05-31";
export const XMLNS = `http://cloudfront.amazonaws.com/doc/${API_VERSION}/`;
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#x0D;" };
/** Escapes text for element content or attribute values (\r as a reference, so XML's newline normalization keeps it). */
export function xmlEscape(s) {
  return String(s).replace(/[&<>"'\r]/g, (c) => ESCAPES[c]);
}

export function errorXml(type, code, message, requestId) {
  return (
    `<?xml version="1.0"?>\n<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type>` +
    `<Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

const el = (name, text) => `<${name}>${xmlEscape(text)}</${name}>`;

/** A ConnectionFunctionSummary element; `xmlns` adds the namespace attribute (a document root or a list item). */
export function summaryElement(fn, stageName, { xmlns = false } = {}) {
  const stage = fn.stages[stageName];
  let kvs = "";
  if (Array.isArray(stage.kvs)) {
    kvs = `<KeyValueStoreAssociations><Quantity>${stage.kvs.length}</Quantity>`;
    if (stage.kvs.length > 0) {
      kvs += "<Items>";
      for (const arn of stage.kvs) kvs += `<KeyValueStoreAssociation>${el("KeyValueStoreARN", arn)}</KeyValueStoreAssociation>`;
      kvs += "</Items>";
    }
    kvs += "</KeyValueStoreAssociations>";
  }
  const comment = stage.comment === undefined ? "" : el("Comment", stage.comment);
  return (
    `<ConnectionFunctionSummary${xmlns ? ` xmlns="${XMLNS}"` : ""}>` +
    el("Name", fn.name) +
    el("Id", fn.id) +
    `<ConnectionFunctionConfig>${comment}${el("Runtime", stage.runtime)}${kvs}</ConnectionFunctionConfig>` +
    el("ConnectionFunctionArn", fn.arn) +
    el("Status", stage.status) +
    el("Stage", stageName) +
    el("CreatedTime", fn.createdTime) +
    el("LastModifiedTime", stage.lastModifiedTime) +
    `</ConnectionFunctionSummary>`
  );
}

/** Describe, Create, Update and Publish answer a ConnectionFunctionSummary document. */
export function summaryXml(fn, stageName) {
  return DECL + summaryElement(fn, stageName, { xmlns: true });
}

/** ListConnectionFunctions: `items` are [fn, stageName] pairs. */
export function functionListXml(items, nextMarker) {
  let out = `${DECL}<ListConnectionFunctionsResult xmlns="${XMLNS}">`;
  if (nextMarker !== undefined) out += el("NextMarker", nextMarker);
  if (items.length === 0) out += "<ConnectionFunctions/>";
  else out += `<ConnectionFunctions>${items.map(([fn, stage]) => summaryElement(fn, stage, { xmlns: true })).join("")}</ConnectionFunctions>`;
  return `${out}</ListConnectionFunctionsResult>`;
}

// List members of the DistributionSummary tree and the element name of their items (the
// model's `locationName` of each list's member). Keyed by the list member's own element name
// and, where that name is shared ("Items"), by "Parent.Items".
const LIST_ITEM_NAMES = {
  "Aliases.Items": "CNAME",
  "Origins.Items": "Origin",
  "CustomHeaders.Items": "OriginCustomHeader",
  "OriginSslProtocols.Items": "SslProtocol",
  "OriginGroups.Items": "OriginGroup",
  "StatusCodes.Items": "StatusCode",
  "Members.Items": "OriginGroupMember",
  "TrustedSigners.Items": "AwsAccountNumber",
  "TrustedKeyGroups.Items": "KeyGroup",
  "AllowedMethods.Items": "Method",
  "CachedMethods.Items": "Method",
  "LambdaFunctionAssociations.Items": "LambdaFunctionAssociation",
  "FunctionAssociations.Items": "FunctionAssociation",
  "WhitelistedNames.Items": "Name",
  "Headers.Items": "Name",
  "QueryStringCacheKeys.Items": "Name",
  "CacheBehaviors.Items": "CacheBehavior",
  "CustomErrorResponses.Items": "CustomErrorResponse",
  "GeoRestriction.Items": "Location",
  // A list that is not wrapped in an Items element.
  AliasICPRecordals: "AliasICPRecordal",
};

/**
 * Writes a JSON value that mirrors the SDK's output shape as XML, members in the object's
 * key order (the seed writes them in model order). Strings, numbers and booleans become text.
 */
function shapeXml(name, value, parent) {
  if (Array.isArray(value)) {
    const itemName = LIST_ITEM_NAMES[`${parent}.${name}`] ?? LIST_ITEM_NAMES[name];
    if (!itemName) throw new Error(`seed: no item element name known for list ${parent}.${name}`);
    return `<${name}>${value.map((v) => shapeXml(itemName, v, name)).join("")}</${name}>`;
  }
  if (value !== null && typeof value === "object") {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => shapeXml(k, v, name))
      .join("")}</${name}>`;
  }
  return el(name, value);
}

/** ListDistributionsByConnectionFunction's DistributionList document. */
export function distributionListXml({ marker, nextMarker, maxItems, isTruncated, items }) {
  let out = `${DECL}<DistributionList xmlns="${XMLNS}">${el("Marker", marker)}`;
  if (nextMarker !== undefined) out += el("NextMarker", nextMarker);
  out += `<MaxItems>${maxItems}</MaxItems><IsTruncated>${isTruncated}</IsTruncated><Quantity>${items.length}</Quantity>`;
  if (items.length > 0) out += `<Items>${items.map((d) => shapeXml("DistributionSummary", d, "Items")).join("")}</Items>`;
  return `${out}</DistributionList>`;
}

/** TestConnectionFunction's ConnectionFunctionTestResult document. */
export function testResultXml(fn, stageName, { utilization, logs, errorMessage, output }) {
  return (
    `${DECL}<ConnectionFunctionTestResult xmlns="${XMLNS}">` +
    summaryElement(fn, stageName) +
    el("ComputeUtilization", utilization) +
    `<ConnectionFunctionExecutionLogs>${logs.map((l) => el("member", l)).join("")}</ConnectionFunctionExecutionLogs>` +
    el("ConnectionFunctionErrorMessage", errorMessage) +
    el("ConnectionFunctionOutput", output) +
    `</ConnectionFunctionTestResult>`
  );
}

// ---- request bodies ----

/** A request body that cannot be read: the operation answers InvalidArgument with this message. */
export class BodyError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false, // every value stays a string; the operations check types themselves
  trimValues: false, // comments keep their spaces
  htmlEntities: true, // numeric character references (&#x0D; …), which the SDK writes
  isArray: (name, jpath) => jpath.endsWith(".Items.KeyValueStoreAssociation") || jpath.endsWith(".Items.Tag"),
});

/**
 * Parses an XML request body whose root element must be `rootName` (in the CloudFront
 * namespace, or none). An empty body is an empty request (the SDK sends none when no member
 * is set). Returns the root's children as a plain object of strings, objects and arrays.
 */
export function parseRequestXml(body, rootName) {
  const text = body.toString("utf8");
  if (text.trim() === "") return {};
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new BodyError(`The request body is not well-formed XML: ${valid.err.msg}`);
  const rootMatch = /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*(?::[\w.-]+)?)([^>]*)>/.exec(text);
  const name = rootMatch?.[1]?.replace(/^.*:/, "");
  if (name !== rootName) throw new BodyError(`The request body's root element must be ${rootName}.`);
  const ns = /\sxmlns="([^"]*)"/.exec(rootMatch[2] ?? "")?.[1];
  if (ns !== undefined && ns !== XMLNS) throw new BodyError(`The request body's namespace must be ${XMLNS}.`);
  const doc = parser.parse(text);
  const root = doc[rootName];
  return root !== null && typeof root === "object" ? root : {};
}
