// The error a promise rejects with; a failed assertion when it resolves instead. Kept apart from
// harness.mjs, which loads the SDK: the mutation-testing suites run once per mutant.
import assert from "node:assert/strict";

export async function rejection(p) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  assert.fail("resolved, expected a rejection");
}
