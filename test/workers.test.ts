import {describe, expect, it} from "vitest";
import {packShared} from "../src/lib/workers.js";

describe("packShared", () => {
  it("copies each array into one shared buffer, in order, keeping lengths and values", () => {
    const arrays = [Uint32Array.of(1, 2, 3), new Uint32Array(0), Uint32Array.of(4294967295), Uint32Array.of(7, 8)];
    const views = packShared(arrays, Uint32Array);
    expect(views.map((v) => [...v])).toEqual(arrays.map((a) => [...a]));
    expect(views.every((v) => v.buffer === views[0]!.buffer && v.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(views.map((v) => v.byteOffset)).toEqual([0, 12, 12, 16]);
    expect(views[0]!.buffer.byteLength).toBe(24);
    // The views are copies: changing the source afterwards changes nothing.
    arrays[0]![0] = 99;
    expect(views[0]![0]).toBe(1);
  });

  it("keeps signed values in signed views", () => {
    expect([...packShared([Int32Array.of(-1, 2), Int32Array.of(-2147483648)], Int32Array).flatMap((v) => [...v])]).toEqual([-1, 2, -2147483648]);
  });
});
