import {describe, expect, it} from "vitest";
import {collectGarbage} from "../src/lib/collect-garbage.js";

describe("collectGarbage", () => {
  it("collects an object nothing refers to, without adding a global", async () => {
    const hadGlobal = "gc" in globalThis;
    let ref: WeakRef<object> | undefined;
    (() => {
      ref = new WeakRef({payload: new Array(1000).fill(0)});
    })();
    // A weak reference holds its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    expect(collectGarbage()).toBe(true);
    expect(ref!.deref()).toBeUndefined();
    expect("gc" in globalThis).toBe(hadGlobal);
  });
});
