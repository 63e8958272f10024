// Errors as the page shows them: the CloudFront code (the error's name), its message, the HTTP
// status and the request id, with a hint on what to do. All of it as text.
import { h } from "./dom.js";

/** `context`: { operation, stage } of the failed call, for a more precise hint. */
export function hintFor(e, { stage, operation = "DescribeConnectionFunction" } = {}) {
  const name = e?.name ?? "";
  switch (name) {
    case "EntityNotFound":
      return stage === "LIVE"
        ? "Not published yet: this function has no LIVE stage. Publish it, or describe its DEVELOPMENT stage."
        : "No connection function with this name or ARN in this account. Check the identifier.";
    case "SignatureDoesNotMatch":
      return "The signature did not match: check the secret access key (and that the endpoint is the host the request is signed for).";
    case "RequestTimeTooSkewed":
      return "Check the clock: this computer's time must be within 5 minutes of the server's.";
    case "InvalidClientTokenId":
    case "UnrecognizedClientException":
      return "The access key ID (or the session token) is not valid for this endpoint.";
    case "ExpiredToken":
      return "The session token has expired: get fresh temporary credentials.";
    case "AccessDenied":
    case "AccessDeniedException":
      return `These credentials are not allowed to call cloudfront:${operation}.`;
    case "Throttling":
    case "ThrottlingException":
      return "Too many requests: wait a moment and try again (or allow more attempts).";
    case "InvalidArgument":
      return operation === "TestConnectionFunction"
        ? "The test was refused as invalid: check the connection object (see the sample) and the stage."
        : "The request was refused as invalid: check the identifier and the stage.";
    case "PreconditionFailed":
    case "InvalidIfMatchVersion":
      return "The function changed since its ETag was read: run the test again (each run reads the current ETag first).";
    case "TestFunctionFailed":
      return "The function could not be run to the end (for example it ran out of time or compute): check its code for loops.";
    case "InvalidConnectionObject":
      return "Fix the connection object: a JSON object like the sample (Reset sample restores it).";
    case "MissingJsdiff":
    case "MissingOperation":
      return "The page and the package are out of step: rebuild with npm run build.";
    case "MissingCredentials":
    case "MissingIdentifier":
    case "InvalidEndpoint":
      return "Complete the form and try again.";
    case "TypeError":
    case "NetworkError":
    case "TimeoutError":
      return "The endpoint could not be reached, or it refused the browser's CORS preflight. For real AWS, use the “through this server's proxy” preset of npm start.";
    default:
      return (e?.$metadata?.httpStatusCode ?? 0) >= 500 ? "The service had a problem: try again later." : "See the message above.";
  }
}

/** The fields shown for an error: [label, value, class]. */
export function errorFields(e) {
  return [
    ["Error", String(e?.name ?? "Error"), "error-name"],
    ["Message", String(e?.message ?? e), "error-message"],
    ["HTTP status", e?.$metadata?.httpStatusCode ? String(e.$metadata.httpStatusCode) : "—", "error-status"],
    ["Request ID", e?.$metadata?.requestId ?? "—", "error-request-id mono"],
  ];
}

/** A self-contained error panel (role=alert) for a view. */
export function errorBox(e, context) {
  const dl = h("dl", { class: "kv" });
  for (const [label, value, cls] of errorFields(e)) dl.append(h("dt", { text: label }), h("dd", { class: cls, text: value }));
  return h(
    "div",
    { class: "panel error", role: "alert", "data-error-name": String(e?.name ?? "Error") },
    h("h3", { text: "Request failed" }),
    dl,
    h("p", { class: "hint-box error-hint", text: hintFor(e, context) }),
  );
}
