import {describe, expect, it} from "vitest";
import {packShared, SharedSlabs} from "../src/lib/workers.js";

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

describe("SharedSlabs", () => {
  it("hands out pieces of one buffer, eight-byte aligned, and starts another when it is full", () => {
    const slabs = new SharedSlabs(64);
    const a = slabs.take(12);
    const b = slabs.take(20);
    expect(b.buffer).toBe(a.buffer);
    expect([a.byteOffset, b.byteOffset]).toEqual([0, 16]);
    const c = slabs.take(40);
    expect(c.buffer).not.toBe(a.buffer);
    expect(c.byteOffset).toBe(0);
    expect(c.buffer.byteLength).toBe(64);
  });

  it("gives a request larger than a slab a buffer of its own, and leaves the current slab in use", () => {
    const slabs = new SharedSlabs(64);
    const a = slabs.take(8);
    const big = slabs.take(100);
    expect(big.buffer.byteLength).toBe(100);
    expect(slabs.take(8)).toEqual({buffer: a.buffer, byteOffset: 8});
  });

  it("packs arrays into room taken from the slabs, with the same values", () => {
    const slabs = new SharedSlabs(1024);
    const first = packShared([Uint32Array.of(1, 2, 3)], Uint32Array, slabs);
    const second = packShared([Int32Array.of(-4), Int32Array.of(5, 6)], Int32Array, slabs);
    expect(second[0]!.buffer).toBe(first[0]!.buffer);
    expect([...first[0]!, ...second[0]!, ...second[1]!]).toEqual([1, 2, 3, -4, 5, 6]);
    expect(second.map((v) => v.byteOffset)).toEqual([16, 20]);
  });
});
