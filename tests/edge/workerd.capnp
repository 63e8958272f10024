# workerd config of the edge test (tests/js/edge.test.mjs), used from the folder where the package
# is installed (node_modules/cloudfront-wasm) and the test's bundles are built. Three Workers:
#  - wrangler-bundle: worker.mjs bundled as Wrangler bundles it (esbuild, conditions workerd,worker,browser;
#    the .wasm import kept as a CompiledWasm module);
#  - package-modules: no bundler, the package's files listed as modules (the README's config);
#  - browser-entry: a plain browser bundle (no workerd condition), which must fail with a named error
#    until the Worker hands the .wasm module to init().
# Each listens on 127.0.0.1 at a port of the system's choosing (reported on --control-fd), and may
# reach 127.0.0.1 (the emulator): workerd's default outbound network allows public addresses only.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "wrangler-bundle", worker = .wranglerBundle),
    (name = "package-modules", worker = .packageModules),
    (name = "browser-entry", worker = .browserEntry),
    (name = "emulator-network", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [
    (name = "wrangler-bundle", address = "127.0.0.1:0", http = (), service = "wrangler-bundle"),
    (name = "package-modules", address = "127.0.0.1:0", http = (), service = "package-modules"),
    (name = "browser-entry", address = "127.0.0.1:0", http = (), service = "browser-entry"),
  ],
);

const wranglerBundle :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "wrangler-bundle/worker.js"),
    (name = "cloudfront_wasm_bg.wasm", wasm = embed "wrangler-bundle/cloudfront_wasm_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
  globalOutbound = "emulator-network",
);

# As in the README: the package's entry under the name "cloudfront-wasm", its other files under
# their own names (the entry imports them as "./index.js" and so on).
const packageModules :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "checks.mjs", esModule = embed "checks.mjs"),
    (name = "cloudfront-wasm", esModule = embed "node_modules/cloudfront-wasm/dist/workerd.js"),
    (name = "index.js", esModule = embed "node_modules/cloudfront-wasm/dist/index.js"),
    (name = "cloudfront_wasm_bg.wasm", wasm = embed "node_modules/cloudfront-wasm/dist/cloudfront_wasm_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
  globalOutbound = "emulator-network",
);

const browserEntry :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "browser-entry/worker.js"),
    (name = "cloudfront_wasm_bg.wasm", wasm = embed "browser-entry/cloudfront_wasm_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
  globalOutbound = "emulator-network",
);
