//! CloudFront API client core for WebAssembly.
//!
//! The modules outside `wasm` are plain Rust with no JavaScript types: they describe the
//! operations, build and sign requests, parse XML answers and decide on retries. Time,
//! randomness and credentials come in as values, so all of it is tested on the host.
//! `wasm` is the only place that touches JavaScript (fetch, promises, timers, objects).

pub mod body;
pub mod endpoint;
pub mod error;
pub mod operation;
pub mod request;
pub mod retry;
pub mod signing;
pub mod time;
pub mod value;
pub mod xml;

pub mod response;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use endpoint::Endpoint;
pub use error::{Error, ErrorKind, Fault, ResponseMeta};
pub use operation::{Operation, DESCRIBE_CONNECTION_FUNCTION};
pub use request::{HttpRequest, InputValue};
pub use signing::Credentials;
pub use value::Value;
