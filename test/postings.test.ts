import {describe, expect, it} from "vitest";
import {postingRuns} from "../src/lib/postings.js";

describe("postingRuns", () => {
  // Keys sorted, then owners: key 3 in owners 0, 2; key 5 in owners 0, 1, 2; key 9 in owner 1 only.
  const keys = [3, 3, 5, 5, 5, 9];
  const owners = [0, 2, 0, 1, 2, 1];
  it("finds the runs held by two owners or more, and each owner's runs in order", () => {
    const p = postingRuns(keys, owners, 3, 10);
    expect([...p.starts]).toEqual([0, 2]);
    expect([...p.ends]).toEqual([2, 5]);
    expect([...p.offsets]).toEqual([0, 2, 3, 5]);
    expect([...p.runs]).toEqual([0, 1, 1, 0, 1]);
  });
  it("leaves out runs held by more owners than the cap, and reads only the first `length` entries", () => {
    expect([...postingRuns(keys, owners, 3, 2).starts]).toEqual([0]);
    expect([...postingRuns(keys, owners, 3, 10, 2).starts]).toEqual([0]);
  });
  it("reads entries stored side by side with a stride of 2", () => {
    const pairs = keys.flatMap((k, i) => [k, owners[i]!, -1, -1]).slice(0, -2);
    // Keys at 0, 4, 8, …; owners at 1, 5, 9, …: a stride of 4 over the two views.
    const p = postingRuns(pairs, pairs.slice(1), 3, 10, keys.length, 4);
    const q = postingRuns(keys, owners, 3, 10);
    expect([...p.starts]).toEqual([...q.starts]);
    expect([...p.ends]).toEqual([...q.ends]);
    expect([...p.runs]).toEqual([...q.runs]);
  });
});
