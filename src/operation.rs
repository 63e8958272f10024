//! Each API operation described as data: adding one means writing a description here,
//! not another pipeline.

use crate::error::Fault;

/// The shape of an output value in the XML body.
#[derive(Debug)]
pub enum Shape {
    String,
    Integer,
    Timestamp,
    Structure(&'static [Member]),
    /// A wrapped list: `<Items><Member>..</Member>...</Items>`.
    List { member: &'static str, item: &'static Shape },
}

/// A structure member: the element name is the member name (true of CloudFront's model).
#[derive(Debug)]
pub struct Member {
    pub name: &'static str,
    pub shape: &'static Shape,
}

/// Where an input member goes on the wire.
#[derive(Debug, PartialEq, Eq)]
pub enum Location {
    /// `{Name}` in the path template.
    Label,
    /// A query parameter with this key.
    Query(&'static str),
    /// A request header with this name.
    Header(&'static str),
}

#[derive(Debug)]
pub struct InputMember {
    pub name: &'static str,
    pub location: Location,
    pub required: bool,
    /// Allowed values; empty means any string.
    pub allowed: &'static [&'static str],
}

/// Where an output member comes from.
#[derive(Debug)]
pub enum OutputMember {
    Header { name: &'static str, header: &'static str },
    /// The whole XML body, read as `shape`.
    Payload { name: &'static str, shape: &'static Shape },
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
    pub input: &'static [InputMember],
    pub output: &'static [OutputMember],
    pub errors: &'static [ModeledError],
    /// Answers larger than this are refused instead of parsed.
    pub max_response_bytes: usize,
}

impl Operation {
    pub fn modeled_error(&self, code: &str) -> Option<&'static ModeledError> {
        self.errors.iter().find(|e| e.code == code)
    }
}

const STAGES: &[&str] = &["DEVELOPMENT", "LIVE"];

const KEY_VALUE_STORE_ASSOCIATION: Shape =
    Shape::Structure(&[Member { name: "KeyValueStoreARN", shape: &Shape::String }]);

const KEY_VALUE_STORE_ASSOCIATIONS: Shape = Shape::Structure(&[
    Member { name: "Quantity", shape: &Shape::Integer },
    Member {
        name: "Items",
        shape: &Shape::List { member: "KeyValueStoreAssociation", item: &KEY_VALUE_STORE_ASSOCIATION },
    },
]);

const FUNCTION_CONFIG: Shape = Shape::Structure(&[
    Member { name: "Comment", shape: &Shape::String },
    Member { name: "Runtime", shape: &Shape::String },
    Member { name: "KeyValueStoreAssociations", shape: &KEY_VALUE_STORE_ASSOCIATIONS },
]);

pub const CONNECTION_FUNCTION_SUMMARY: Shape = Shape::Structure(&[
    Member { name: "Name", shape: &Shape::String },
    Member { name: "Id", shape: &Shape::String },
    Member { name: "ConnectionFunctionConfig", shape: &FUNCTION_CONFIG },
    Member { name: "ConnectionFunctionArn", shape: &Shape::String },
    Member { name: "Status", shape: &Shape::String },
    Member { name: "Stage", shape: &Shape::String },
    Member { name: "CreatedTime", shape: &Shape::Timestamp },
    Member { name: "LastModifiedTime", shape: &Shape::Timestamp },
]);

/// The errors every connection-function read declares.
const READ_ERRORS: &[ModeledError] = &[
    ModeledError { code: "AccessDenied", fault: Fault::Client },
    ModeledError { code: "EntityNotFound", fault: Fault::Client },
    ModeledError { code: "UnsupportedOperation", fault: Fault::Client },
    ModeledError { code: "InvalidArgument", fault: Fault::Client },
];

pub const DESCRIBE_CONNECTION_FUNCTION: Operation = Operation {
    name: "DescribeConnectionFunction",
    method: "GET",
    path: "/2020-05-31/connection-function/{Identifier}/describe",
    input: &[
        InputMember { name: "Identifier", location: Location::Label, required: true, allowed: &[] },
        InputMember { name: "Stage", location: Location::Query("Stage"), required: false, allowed: STAGES },
    ],
    output: &[
        OutputMember::Payload { name: "ConnectionFunctionSummary", shape: &CONNECTION_FUNCTION_SUMMARY },
        OutputMember::Header { name: "ETag", header: "etag" },
    ],
    errors: READ_ERRORS,
    max_response_bytes: 1 << 20,
};

/// Every operation this crate knows, by the SDK command's operation name.
pub const OPERATIONS: &[&Operation] = &[&DESCRIBE_CONNECTION_FUNCTION];

pub fn find(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().copied().find(|op| op.name == name)
}
