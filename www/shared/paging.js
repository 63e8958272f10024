// Paging through a list operation (Marker in, NextMarker out), as the SDK's paginators do.

/**
 * The marker of the next page, or undefined at the end (an absent or empty NextMarker). A service
 * that answers the marker it was given would page forever: that is an error, not a loop.
 */
export function nextMarker(sent, received) {
  if (!received) return undefined;
  if (received === sent) {
    throw Object.assign(new Error(`The service answered the same NextMarker it was sent (${received}): listing stopped.`), { name: "RepeatedMarker" });
  }
  return received;
}
