// One cold-start sample: `node bench/cold.mjs <peer> <endpoint>`; prints the ms from process start
// (performance.timeOrigin) to the first completed call, import and wasm instantiation included.
process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING ??= "1";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true"; // the SDK's "Node >= 22 soon" warning
const [peer, endpoint] = process.argv.slice(2);
const atStart = performance.now();
const { run } = await import(`./entries/${peer}.mjs`);
await run(endpoint, { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" });
const done = performance.now();
console.log(JSON.stringify({ ms: done, scriptStart: atStart }));
process.exit(0);
