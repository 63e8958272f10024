//! Each API operation described as data, from the service model (`model.json`): adding one
//! means writing a description here, not another pipeline. The same shapes drive the input
//! checks and request bodies (`request`, `body`) and the reading of answers (`xml`).

use crate::error::Fault;

/// The shape of a value, in a request body or an answer.
#[derive(Debug)]
pub enum Shape {
    /// Any string (also an enum or pattern the service checks and we pass through on output).
    String,
    /// A string restricted to these values (inputs only; answers pass new values through).
    Enum(&'static [&'static str]),
    /// A string with the model's length and pattern constraints (checked on input).
    Text(&'static TextRule),
    /// The model's `integer` and `long`: a JS number (the SDK reads both with `Number()`).
    Integer,
    Boolean,
    Timestamp,
    /// Bytes (a `Uint8Array` in JS), base64 in XML bodies; `min`..=`max` bytes.
    Blob { min: usize, max: usize },
    /// A structure's members; the first `.0` of them are required on input. (The SDK writes
    /// and reads a structure's required members first, so the model's required ones lead.)
    Structure(u8, &'static [Member]),
    /// A wrapped list: `<List><Member>..</Member>...</List>`.
    List { member: &'static str, item: &'static Shape },
}

/// Which pattern a constrained string must match (the whole string).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// No pattern, the length only.
    Any,
    /// `[a-zA-Z0-9-_]{1,64}` (FunctionName).
    FunctionName,
    /// `arn:aws:cloudfront::[0-9]{12}:key-value-store/[0-9a-fA-F-]{36}` (KeyValueStoreARN).
    KeyValueStoreArn,
    /// `[\p{L}\p{Z}\p{N}_.:/=+\-@]*` (TagKey, TagValue). Unicode classes: checked by a
    /// matcher the caller passes in (a JS `RegExp` in the wasm), so no Unicode tables are linked.
    TagText,
}

/// A string's constraints: length in characters (code points, as Smithy counts) and pattern.
#[derive(Debug)]
pub struct TextRule {
    pub min: usize,
    pub max: usize,
    pub pattern: Pattern,
    /// What the pattern allows, for the error message.
    pub allows: &'static str,
}

/// A structure member: the element name is the member name (true of CloudFront's model).
/// Whether it is required is its structure's business (`Shape::Structure`): answers are read
/// whatever they hold, and 12 bytes a member instead of 16 keep the tables small.
#[derive(Clone, Copy, Debug)]
pub struct Member {
    pub name: &'static str,
    pub shape: &'static Shape,
}

const fn m(name: &'static str, shape: &'static Shape) -> Member {
    Member { name, shape }
}

/// Where an input member goes on the wire.
#[derive(Debug, PartialEq, Eq)]
pub enum Location {
    /// `{Name}` in the path template.
    Label,
    /// A query parameter with this key.
    Query(&'static str),
    /// A request header with this (lower-case) name.
    Header(&'static str),
    /// An element of the XML request body (root element `Operation::body_root`).
    Body,
}

#[derive(Debug)]
pub struct InputMember {
    pub name: &'static str,
    pub location: Location,
    pub required: bool,
    pub shape: &'static Shape,
}

/// Where an output member comes from. An operation lists the payload (or body members)
/// first, then its header members sorted by header name: the order the SDK's output objects
/// have (it sets the payload first, then header members as it iterates the answer's headers,
/// which `fetch`'s `Headers` yields sorted).
#[derive(Debug)]
pub enum OutputMember {
    Header { name: &'static str, header: &'static str },
    /// The whole body: an XML document read as `shape`, or the raw bytes for a `Blob`.
    Payload { name: &'static str, shape: &'static Shape },
    /// The root element's children are the output's own members.
    Body(&'static [Member]),
}

/// An error the model declares for the operation: its code and fault.
#[derive(Debug)]
pub struct ModeledError {
    pub code: &'static str,
    pub fault: Fault,
}

#[derive(Debug)]
pub struct Operation {
    pub name: &'static str,
    pub method: &'static str,
    /// Path template, e.g. `/2020-05-31/connection-function/{Identifier}/describe`.
    pub path: &'static str,
    /// The status the model gives for success (any 2xx is one, as in the SDK).
    pub status: u16,
    /// The root element of the XML request body, for operations that have one.
    pub body_root: Option<&'static str>,
    /// In the order the SDK writes body members: the required ones first, then the rest,
    /// each group in model order.
    pub input: &'static [InputMember],
    pub output: &'static [OutputMember],
    pub errors: &'static [ModeledError],
    /// Answers larger than this are refused instead of parsed.
    pub max_response_bytes: usize,
}

/// The namespace of every request body.
pub const XMLNS: &str = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

const MAX_RESPONSE_BYTES: usize = 1 << 20;

// ---- Scalars and constrained strings -------------------------------------------------------

const STRING: Shape = Shape::String;
const INTEGER: Shape = Shape::Integer;
const BOOLEAN: Shape = Shape::Boolean;
const TIMESTAMP: Shape = Shape::Timestamp;

const STAGE: Shape = Shape::Enum(&["DEVELOPMENT", "LIVE"]);
const RUNTIME: Shape = Shape::Enum(&["cloudfront-js-1.0", "cloudfront-js-2.0"]);

const FUNCTION_NAME: Shape = Shape::Text(&TextRule {
    min: 1,
    max: 64,
    pattern: Pattern::FunctionName,
    allows: "letters a-z and A-Z, digits, - and _",
});
const RESOURCE_ID: Shape = Shape::Text(&TextRule { min: 1, max: 64, pattern: Pattern::Any, allows: "" });
const KEY_VALUE_STORE_ARN: Shape = Shape::Text(&TextRule {
    min: 0,
    max: 85,
    pattern: Pattern::KeyValueStoreArn,
    allows: "a key value store ARN: arn:aws:cloudfront::<12 digits>:key-value-store/<36 hex digits and dashes>",
});
const TAG_TEXT_ALLOWS: &str = "letters, digits, spaces and _ . : / = + - @";
const TAG_KEY: Shape = Shape::Text(&TextRule { min: 1, max: 128, pattern: Pattern::TagText, allows: TAG_TEXT_ALLOWS });
const TAG_VALUE: Shape = Shape::Text(&TextRule { min: 0, max: 256, pattern: Pattern::TagText, allows: TAG_TEXT_ALLOWS });

/// FunctionBlob: the function's code.
const FUNCTION_BLOB: Shape = Shape::Blob { min: 1, max: 40_960 };
/// FunctionEventObject: TestConnectionFunction's connection object.
const FUNCTION_EVENT_OBJECT: Shape = Shape::Blob { min: 0, max: 40_960 };

// ---- Connection functions ------------------------------------------------------------------

const KEY_VALUE_STORE_ASSOCIATION: Shape = Shape::Structure(1, &[m("KeyValueStoreARN", &KEY_VALUE_STORE_ARN)]);

const KEY_VALUE_STORE_ASSOCIATIONS: Shape = Shape::Structure(1, &[
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "KeyValueStoreAssociation", item: &KEY_VALUE_STORE_ASSOCIATION }),
]);

const FUNCTION_CONFIG: Shape = Shape::Structure(2, &[
    m("Comment", &STRING),
    m("Runtime", &RUNTIME),
    m("KeyValueStoreAssociations", &KEY_VALUE_STORE_ASSOCIATIONS),
]);

const TAG: Shape = Shape::Structure(1, &[m("Key", &TAG_KEY), m("Value", &TAG_VALUE)]);
const TAGS: Shape = Shape::Structure(0, &[m("Items", &Shape::List { member: "Tag", item: &TAG })]);

pub const CONNECTION_FUNCTION_SUMMARY: Shape = Shape::Structure(0, &[
    m("Name", &STRING),
    m("Id", &STRING),
    m("ConnectionFunctionConfig", &FUNCTION_CONFIG),
    m("ConnectionFunctionArn", &STRING),
    m("Status", &STRING),
    m("Stage", &STRING),
    m("CreatedTime", &TIMESTAMP),
    m("LastModifiedTime", &TIMESTAMP),
]);

const LIST_CONNECTION_FUNCTIONS_RESULT: &[Member] = &[
    m("NextMarker", &STRING),
    m("ConnectionFunctions", &Shape::List { member: "ConnectionFunctionSummary", item: &CONNECTION_FUNCTION_SUMMARY }),
];

pub const CONNECTION_FUNCTION_TEST_RESULT: Shape = Shape::Structure(0, &[
    m("ConnectionFunctionSummary", &CONNECTION_FUNCTION_SUMMARY),
    m("ComputeUtilization", &STRING),
    m("ConnectionFunctionExecutionLogs", &Shape::List { member: "member", item: &STRING }),
    m("ConnectionFunctionErrorMessage", &STRING),
    m("ConnectionFunctionOutput", &STRING),
]);

// ---- Distributions (DistributionList and everything under it, every member of the model) ---
// Members are in the SDK's order, which its output objects keep: a structure's required
// members first, then the optional ones, each group in model order.

/// `{ Quantity, Items: [<member>string</member>...] }`, the model's counted string lists.
macro_rules! counted_strings {
    ($member:literal) => {
        Shape::Structure(0, &[m("Quantity", &INTEGER), m("Items", &Shape::List { member: $member, item: &STRING })])
    };
}

const ALIASES: Shape = counted_strings!("CNAME");
const ORIGIN_SSL_PROTOCOLS: Shape = counted_strings!("SslProtocol");
const METHODS: Shape = counted_strings!("Method");
const COOKIE_NAMES: Shape = counted_strings!("Name");
const HEADERS: Shape = counted_strings!("Name");
const QUERY_STRING_CACHE_KEYS: Shape = counted_strings!("Name");

const ORIGIN_CUSTOM_HEADER: Shape = Shape::Structure(0, &[m("HeaderName", &STRING), m("HeaderValue", &STRING)]);
const CUSTOM_HEADERS: Shape = Shape::Structure(0, &[
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "OriginCustomHeader", item: &ORIGIN_CUSTOM_HEADER }),
]);

const S3_ORIGIN_CONFIG: Shape = Shape::Structure(0, &[m("OriginAccessIdentity", &STRING), m("OriginReadTimeout", &INTEGER)]);

const CUSTOM_ORIGIN_CONFIG: Shape = Shape::Structure(0, &[
    m("HTTPPort", &INTEGER),
    m("HTTPSPort", &INTEGER),
    m("OriginProtocolPolicy", &STRING),
    m("OriginSslProtocols", &ORIGIN_SSL_PROTOCOLS),
    m("OriginReadTimeout", &INTEGER),
    m("OriginKeepaliveTimeout", &INTEGER),
    m("IpAddressType", &STRING),
    m("OriginMtlsConfig", &Shape::Structure(0, &[m("ClientCertificateArn", &STRING)])),
    m("OriginHttpVersion", &STRING),
]);

const VPC_ORIGIN_CONFIG: Shape = Shape::Structure(0, &[
    m("VpcOriginId", &STRING),
    m("OwnerAccountId", &STRING),
    m("OriginReadTimeout", &INTEGER),
    m("OriginKeepaliveTimeout", &INTEGER),
    m("OriginHttpVersion", &STRING),
]);

const ORIGIN: Shape = Shape::Structure(0, &[
    m("Id", &STRING),
    m("DomainName", &STRING),
    m("OriginPath", &STRING),
    m("CustomHeaders", &CUSTOM_HEADERS),
    m("S3OriginConfig", &S3_ORIGIN_CONFIG),
    m("CustomOriginConfig", &CUSTOM_ORIGIN_CONFIG),
    m("VpcOriginConfig", &VPC_ORIGIN_CONFIG),
    m("ConnectionAttempts", &INTEGER),
    m("ConnectionTimeout", &INTEGER),
    m("ResponseCompletionTimeout", &INTEGER),
    m("OriginShield", &Shape::Structure(0, &[m("Enabled", &BOOLEAN), m("OriginShieldRegion", &STRING)])),
    m("OriginAccessControlId", &STRING),
]);

const ORIGINS: Shape =
    Shape::Structure(0, &[m("Quantity", &INTEGER), m("Items", &Shape::List { member: "Origin", item: &ORIGIN })]);

const STATUS_CODES: Shape = Shape::Structure(0, &[
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "StatusCode", item: &INTEGER }),
]);

const ORIGIN_GROUP_MEMBERS: Shape = Shape::Structure(0, &[
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "OriginGroupMember", item: &Shape::Structure(0, &[m("OriginId", &STRING)]) }),
]);

const ORIGIN_GROUP: Shape = Shape::Structure(0, &[
    m("Id", &STRING),
    m("FailoverCriteria", &Shape::Structure(0, &[m("StatusCodes", &STATUS_CODES)])),
    m("Members", &ORIGIN_GROUP_MEMBERS),
    m("SelectionCriteria", &STRING),
]);

const ORIGIN_GROUPS: Shape =
    Shape::Structure(0, &[m("Quantity", &INTEGER), m("Items", &Shape::List { member: "OriginGroup", item: &ORIGIN_GROUP })]);

const TRUSTED_SIGNERS: Shape = Shape::Structure(0, &[
    m("Enabled", &BOOLEAN),
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "AwsAccountNumber", item: &STRING }),
]);

const TRUSTED_KEY_GROUPS: Shape = Shape::Structure(0, &[
    m("Enabled", &BOOLEAN),
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "KeyGroup", item: &STRING }),
]);

const ALLOWED_METHODS: Shape = Shape::Structure(0, &[
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "Method", item: &STRING }),
    m("CachedMethods", &METHODS),
]);

const LAMBDA_FUNCTION_ASSOCIATION: Shape = Shape::Structure(0, &[
    m("LambdaFunctionARN", &STRING),
    m("EventType", &STRING),
    m("IncludeBody", &BOOLEAN),
]);

const LAMBDA_FUNCTION_ASSOCIATIONS: Shape = Shape::Structure(0, &[
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "LambdaFunctionAssociation", item: &LAMBDA_FUNCTION_ASSOCIATION }),
]);

const FUNCTION_ASSOCIATIONS: Shape = Shape::Structure(0, &[
    m("Quantity", &INTEGER),
    m(
        "Items",
        &Shape::List {
            member: "FunctionAssociation",
            item: &Shape::Structure(0, &[m("FunctionARN", &STRING), m("EventType", &STRING)]),
        },
    ),
]);

const FORWARDED_VALUES: Shape = Shape::Structure(0, &[
    m("QueryString", &BOOLEAN),
    m("Cookies", &Shape::Structure(0, &[m("Forward", &STRING), m("WhitelistedNames", &COOKIE_NAMES)])),
    m("Headers", &HEADERS),
    m("QueryStringCacheKeys", &QUERY_STRING_CACHE_KEYS),
]);

/// DefaultCacheBehavior's members; a CacheBehavior has these after its PathPattern.
const CACHE_BEHAVIOR_MEMBERS: [Member; 19] = [
    m("TargetOriginId", &STRING),
    m("ViewerProtocolPolicy", &STRING),
    m("TrustedSigners", &TRUSTED_SIGNERS),
    m("TrustedKeyGroups", &TRUSTED_KEY_GROUPS),
    m("AllowedMethods", &ALLOWED_METHODS),
    m("SmoothStreaming", &BOOLEAN),
    m("Compress", &BOOLEAN),
    m("LambdaFunctionAssociations", &LAMBDA_FUNCTION_ASSOCIATIONS),
    m("FunctionAssociations", &FUNCTION_ASSOCIATIONS),
    m("FieldLevelEncryptionId", &STRING),
    m("RealtimeLogConfigArn", &STRING),
    m("CachePolicyId", &STRING),
    m("OriginRequestPolicyId", &STRING),
    m("ResponseHeadersPolicyId", &STRING),
    m("GrpcConfig", &Shape::Structure(0, &[m("Enabled", &BOOLEAN)])),
    m("ForwardedValues", &FORWARDED_VALUES),
    m("MinTTL", &INTEGER),
    m("DefaultTTL", &INTEGER),
    m("MaxTTL", &INTEGER),
];

const DEFAULT_CACHE_BEHAVIOR: Shape = Shape::Structure(0, &CACHE_BEHAVIOR_MEMBERS);

// Evaluated at compile time: an index out of range fails the build, it cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const CACHE_BEHAVIOR: Shape = Shape::Structure(0, &{
    let mut members = [m("PathPattern", &STRING); 20];
    let mut i = 0;
    while i < CACHE_BEHAVIOR_MEMBERS.len() {
        members[i + 1] = CACHE_BEHAVIOR_MEMBERS[i];
        i += 1;
    }
    members
});

const CACHE_BEHAVIORS: Shape = Shape::Structure(0, &[
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "CacheBehavior", item: &CACHE_BEHAVIOR }),
]);

const CUSTOM_ERROR_RESPONSE: Shape = Shape::Structure(0, &[
    m("ErrorCode", &INTEGER),
    m("ResponsePagePath", &STRING),
    m("ResponseCode", &STRING),
    m("ErrorCachingMinTTL", &INTEGER),
]);

const CUSTOM_ERROR_RESPONSES: Shape = Shape::Structure(0, &[
    m("Quantity", &INTEGER),
    m("Items", &Shape::List { member: "CustomErrorResponse", item: &CUSTOM_ERROR_RESPONSE }),
]);

const VIEWER_CERTIFICATE: Shape = Shape::Structure(0, &[
    m("CloudFrontDefaultCertificate", &BOOLEAN),
    m("IAMCertificateId", &STRING),
    m("ACMCertificateArn", &STRING),
    m("SSLSupportMethod", &STRING),
    m("MinimumProtocolVersion", &STRING),
    m("Certificate", &STRING),
    m("CertificateSource", &STRING),
]);

const RESTRICTIONS: Shape = Shape::Structure(0, &[m(
    "GeoRestriction",
    &Shape::Structure(0, &[
        m("RestrictionType", &STRING),
        m("Quantity", &INTEGER),
        m("Items", &Shape::List { member: "Location", item: &STRING }),
    ]),
)]);

const ALIAS_ICP_RECORDALS: Shape = Shape::List {
    member: "AliasICPRecordal",
    item: &Shape::Structure(0, &[m("CNAME", &STRING), m("ICPRecordalStatus", &STRING)]),
};

const VIEWER_MTLS_CONFIG: Shape = Shape::Structure(0, &[
    m("Mode", &STRING),
    m(
        "TrustStoreConfig",
        &Shape::Structure(0, &[
            m("TrustStoreId", &STRING),
            m("AdvertiseTrustStoreCaNames", &BOOLEAN),
            m("IgnoreCertificateExpiry", &BOOLEAN),
        ]),
    ),
]);

pub const DISTRIBUTION_SUMMARY: Shape = Shape::Structure(0, &[
    m("Id", &STRING),
    m("ARN", &STRING),
    m("Status", &STRING),
    m("LastModifiedTime", &TIMESTAMP),
    m("DomainName", &STRING),
    m("Aliases", &ALIASES),
    m("Origins", &ORIGINS),
    m("DefaultCacheBehavior", &DEFAULT_CACHE_BEHAVIOR),
    m("CacheBehaviors", &CACHE_BEHAVIORS),
    m("CustomErrorResponses", &CUSTOM_ERROR_RESPONSES),
    m("Comment", &STRING),
    m("PriceClass", &STRING),
    m("Enabled", &BOOLEAN),
    m("ViewerCertificate", &VIEWER_CERTIFICATE),
    m("Restrictions", &RESTRICTIONS),
    m("WebACLId", &STRING),
    m("HttpVersion", &STRING),
    m("IsIPV6Enabled", &BOOLEAN),
    m("Staging", &BOOLEAN),
    m("ETag", &STRING),
    m("OriginGroups", &ORIGIN_GROUPS),
    m("AliasICPRecordals", &ALIAS_ICP_RECORDALS),
    m("ConnectionMode", &STRING),
    m("AnycastIpListId", &STRING),
    m("ViewerMtlsConfig", &VIEWER_MTLS_CONFIG),
    m("ConnectionFunctionAssociation", &Shape::Structure(0, &[m("Id", &STRING)])),
]);

pub const DISTRIBUTION_LIST: Shape = Shape::Structure(0, &[
    m("Marker", &STRING),
    m("MaxItems", &INTEGER),
    m("IsTruncated", &BOOLEAN),
    m("Quantity", &INTEGER),
    m("NextMarker", &STRING),
    m("Items", &Shape::List { member: "DistributionSummary", item: &DISTRIBUTION_SUMMARY }),
]);

// ---- Errors --------------------------------------------------------------------------------

const fn client(code: &'static str) -> ModeledError {
    ModeledError { code, fault: Fault::Client }
}

const ACCESS_DENIED: ModeledError = client("AccessDenied");
const ENTITY_NOT_FOUND: ModeledError = client("EntityNotFound");
const UNSUPPORTED_OPERATION: ModeledError = client("UnsupportedOperation");
const INVALID_ARGUMENT: ModeledError = client("InvalidArgument");
const PRECONDITION_FAILED: ModeledError = client("PreconditionFailed");
const INVALID_IF_MATCH_VERSION: ModeledError = client("InvalidIfMatchVersion");
const ENTITY_SIZE_LIMIT_EXCEEDED: ModeledError = client("EntitySizeLimitExceeded");

// ---- Operations ----------------------------------------------------------------------------

const fn input(name: &'static str, location: Location, required: bool, shape: &'static Shape) -> InputMember {
    InputMember { name, location, required, shape }
}

const IDENTIFIER: InputMember = input("Identifier", Location::Label, true, &STRING);
const STAGE_QUERY: InputMember = input("Stage", Location::Query("Stage"), false, &STAGE);
const ID: InputMember = input("Id", Location::Label, true, &RESOURCE_ID);
const IF_MATCH: InputMember = input("IfMatch", Location::Header("if-match"), true, &STRING);
const CONFIG_BODY: InputMember = input("ConnectionFunctionConfig", Location::Body, true, &FUNCTION_CONFIG);
const CODE_BODY: InputMember = input("ConnectionFunctionCode", Location::Body, true, &FUNCTION_BLOB);

const SUMMARY_PAYLOAD: OutputMember =
    OutputMember::Payload { name: "ConnectionFunctionSummary", shape: &CONNECTION_FUNCTION_SUMMARY };
const ETAG: OutputMember = OutputMember::Header { name: "ETag", header: "etag" };

pub const CREATE_CONNECTION_FUNCTION: Operation = Operation {
    name: "CreateConnectionFunction",
    method: "POST",
    path: "/2020-05-31/connection-function",
    status: 201,
    body_root: Some("CreateConnectionFunctionRequest"),
    input: &[
        input("Name", Location::Body, true, &FUNCTION_NAME),
        CONFIG_BODY,
        CODE_BODY,
        input("Tags", Location::Body, false, &TAGS),
    ],
    output: &[SUMMARY_PAYLOAD, ETAG, OutputMember::Header { name: "Location", header: "location" }],
    errors: &[
        ACCESS_DENIED,
        UNSUPPORTED_OPERATION,
        client("EntityAlreadyExists"),
        client("InvalidTagging"),
        client("EntityLimitExceeded"),
        INVALID_ARGUMENT,
        ENTITY_SIZE_LIMIT_EXCEEDED,
    ],
    max_response_bytes: MAX_RESPONSE_BYTES,
};

pub const DESCRIBE_CONNECTION_FUNCTION: Operation = Operation {
    name: "DescribeConnectionFunction",
    method: "GET",
    path: "/2020-05-31/connection-function/{Identifier}/describe",
    status: 200,
    body_root: None,
    input: &[IDENTIFIER, STAGE_QUERY],
    output: &[SUMMARY_PAYLOAD, ETAG],
    errors: &[ACCESS_DENIED, ENTITY_NOT_FOUND, UNSUPPORTED_OPERATION, INVALID_ARGUMENT],
    max_response_bytes: MAX_RESPONSE_BYTES,
};

pub const GET_CONNECTION_FUNCTION: Operation = Operation {
    name: "GetConnectionFunction",
    method: "GET",
    path: "/2020-05-31/connection-function/{Identifier}",
    status: 200,
    body_root: None,
    input: &[IDENTIFIER, STAGE_QUERY],
    output: &[
        OutputMember::Payload { name: "ConnectionFunctionCode", shape: &FUNCTION_BLOB },
        OutputMember::Header { name: "ContentType", header: "content-type" },
        ETAG,
    ],
    errors: &[ACCESS_DENIED, ENTITY_NOT_FOUND, UNSUPPORTED_OPERATION],
    max_response_bytes: MAX_RESPONSE_BYTES,
};

pub const LIST_CONNECTION_FUNCTIONS: Operation = Operation {
    name: "ListConnectionFunctions",
    method: "POST",
    path: "/2020-05-31/connection-functions",
    status: 200,
    body_root: Some("ListConnectionFunctionsRequest"),
    input: &[
        input("Marker", Location::Body, false, &STRING),
        input("MaxItems", Location::Body, false, &INTEGER),
        input("Stage", Location::Body, false, &STAGE),
    ],
    output: &[OutputMember::Body(LIST_CONNECTION_FUNCTIONS_RESULT)],
    errors: &[ACCESS_DENIED, UNSUPPORTED_OPERATION, INVALID_ARGUMENT],
    max_response_bytes: MAX_RESPONSE_BYTES,
};

pub const LIST_DISTRIBUTIONS_BY_CONNECTION_FUNCTION: Operation = Operation {
    name: "ListDistributionsByConnectionFunction",
    method: "GET",
    path: "/2020-05-31/distributionsByConnectionFunction",
    status: 200,
    body_root: None,
    input: &[
        input("ConnectionFunctionIdentifier", Location::Query("ConnectionFunctionIdentifier"), true, &STRING),
        input("Marker", Location::Query("Marker"), false, &STRING),
        input("MaxItems", Location::Query("MaxItems"), false, &INTEGER),
    ],
    output: &[OutputMember::Payload { name: "DistributionList", shape: &DISTRIBUTION_LIST }],
    errors: &[ACCESS_DENIED, ENTITY_NOT_FOUND, INVALID_ARGUMENT],
    max_response_bytes: MAX_RESPONSE_BYTES,
};

pub const UPDATE_CONNECTION_FUNCTION: Operation = Operation {
    name: "UpdateConnectionFunction",
    method: "PUT",
    path: "/2020-05-31/connection-function/{Id}",
    status: 200,
    body_root: Some("UpdateConnectionFunctionRequest"),
    input: &[ID, IF_MATCH, CONFIG_BODY, CODE_BODY],
    output: &[SUMMARY_PAYLOAD, ETAG],
    errors: &[
        PRECONDITION_FAILED,
        ACCESS_DENIED,
        ENTITY_NOT_FOUND,
        UNSUPPORTED_OPERATION,
        INVALID_ARGUMENT,
        ENTITY_SIZE_LIMIT_EXCEEDED,
        INVALID_IF_MATCH_VERSION,
    ],
    max_response_bytes: MAX_RESPONSE_BYTES,
};

pub const PUBLISH_CONNECTION_FUNCTION: Operation = Operation {
    name: "PublishConnectionFunction",
    method: "POST",
    path: "/2020-05-31/connection-function/{Id}/publish",
    status: 200,
    body_root: None,
    input: &[ID, IF_MATCH],
    output: &[SUMMARY_PAYLOAD],
    errors: &[
        PRECONDITION_FAILED,
        ACCESS_DENIED,
        ENTITY_NOT_FOUND,
        UNSUPPORTED_OPERATION,
        INVALID_ARGUMENT,
        INVALID_IF_MATCH_VERSION,
    ],
    max_response_bytes: MAX_RESPONSE_BYTES,
};

pub const TEST_CONNECTION_FUNCTION: Operation = Operation {
    name: "TestConnectionFunction",
    method: "POST",
    path: "/2020-05-31/connection-function/{Id}/test",
    status: 200,
    body_root: Some("TestConnectionFunctionRequest"),
    // ConnectionObject is required, so the SDK writes it before the optional Stage.
    input: &[
        ID,
        IF_MATCH,
        input("ConnectionObject", Location::Body, true, &FUNCTION_EVENT_OBJECT),
        input("Stage", Location::Body, false, &STAGE),
    ],
    output: &[OutputMember::Payload { name: "ConnectionFunctionTestResult", shape: &CONNECTION_FUNCTION_TEST_RESULT }],
    errors: &[
        // The one server fault of these operations (the model's `fault: true`, status 500).
        ModeledError { code: "TestFunctionFailed", fault: Fault::Server },
        PRECONDITION_FAILED,
        ENTITY_NOT_FOUND,
        UNSUPPORTED_OPERATION,
        INVALID_ARGUMENT,
        INVALID_IF_MATCH_VERSION,
    ],
    max_response_bytes: MAX_RESPONSE_BYTES,
};

pub const DELETE_CONNECTION_FUNCTION: Operation = Operation {
    name: "DeleteConnectionFunction",
    method: "DELETE",
    path: "/2020-05-31/connection-function/{Id}",
    status: 204,
    body_root: None,
    input: &[ID, IF_MATCH],
    output: &[],
    errors: &[
        client("CannotDeleteEntityWhileInUse"),
        PRECONDITION_FAILED,
        ACCESS_DENIED,
        ENTITY_NOT_FOUND,
        UNSUPPORTED_OPERATION,
        INVALID_ARGUMENT,
        INVALID_IF_MATCH_VERSION,
    ],
    max_response_bytes: MAX_RESPONSE_BYTES,
};

/// Every operation this crate knows, by the SDK command's operation name.
pub const OPERATIONS: &[&Operation] = &[
    &CREATE_CONNECTION_FUNCTION,
    &DESCRIBE_CONNECTION_FUNCTION,
    &GET_CONNECTION_FUNCTION,
    &LIST_CONNECTION_FUNCTIONS,
    &LIST_DISTRIBUTIONS_BY_CONNECTION_FUNCTION,
    &UPDATE_CONNECTION_FUNCTION,
    &PUBLISH_CONNECTION_FUNCTION,
    &TEST_CONNECTION_FUNCTION,
    &DELETE_CONNECTION_FUNCTION,
];

pub fn find(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().copied().find(|op| op.name == name)
}

impl Operation {
    /// Whether a success answer's body is a blob (kept as bytes, not read as XML).
    pub fn has_blob_payload(&self) -> bool {
        self.output.iter().any(|m| matches!(m, OutputMember::Payload { shape: Shape::Blob { .. }, .. }))
    }

    /// The modeled error with this code, from any operation: the SDK looks error codes up
    /// service-wide (a Describe answered with `PreconditionFailed` throws that class, with
    /// its fault), so `errors` says what the model declares, not what can arrive.
    pub fn modeled_error(&self, code: &str) -> Option<&'static ModeledError> {
        OPERATIONS.iter().flat_map(|op| op.errors.iter()).find(|e| e.code == code)
    }
}
