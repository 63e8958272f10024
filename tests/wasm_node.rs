//! wasm-bindgen tests of the JS boundary, run under Node.
#![cfg(target_arch = "wasm32")]
mod wasm_common;
