// Bytes / cold-start entry: the floor, a bare unsigned fetch of the same URL, reading the body.
export async function run(endpoint) {
  const res = await fetch(`${endpoint}/2020-05-31/connection-function/fx-3kvs/describe?Stage=LIVE`);
  return { status: res.status, body: await res.text() };
}
