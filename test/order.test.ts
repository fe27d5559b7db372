import {describe, expect, it} from "vitest";
import {overlapsPrevious, publicationOrder, publishedBefore} from "../src/lib/order.js";
import type {TimeEstimate} from "../src/lib/types.js";

const at = (earliest: string, latest = earliest, best = earliest): TimeEstimate => ({earliest, latest, best, timezone: null, basis: "test", evidence: []});

describe("publicationOrder", () => {
  it("orders by best instant, then earliest bound, then id, unknown last", () => {
    const docs = [
      {id: "c", published: null},
      {id: "b", published: at("2017-01-10T00:00:00Z")},
      {id: "a", published: at("2017-01-09T05:00:00Z", "2017-01-10T05:00:00Z", "2017-01-10T00:00:00Z")},
      {id: "d", published: at("2017-01-09T00:00:00Z")}
    ];
    expect(publicationOrder(docs).map((d) => d.id)).toEqual(["d", "a", "b", "c"]);
  });
  it("does not mutate its input", () => {
    const docs = [{id: "b", published: null}, {id: "a", published: null}];
    publicationOrder(docs);
    expect(docs.map((d) => d.id)).toEqual(["b", "a"]);
  });
});

describe("publishedBefore", () => {
  it("is true only when intervals do not overlap", () => {
    const early = {published: at("2017-01-09T05:00:00Z", "2017-01-10T05:00:00Z")};
    const late = {published: at("2017-01-10T08:48:00Z")};
    const overlapping = {published: at("2017-01-10T00:01:00Z")};
    expect(publishedBefore(early, late)).toBe(true);
    expect(publishedBefore(late, early)).toBe(false);
    expect(publishedBefore(early, overlapping)).toBeNull();
    expect(publishedBefore(early, {published: null})).toBeNull();
  });
});

describe("overlapsPrevious", () => {
  it("marks a document whose time overlaps the one before it, not an unknown time", () => {
    const docs = [
      {published: at("2017-01-09T05:00:00Z", "2017-01-10T05:00:00Z", "2017-01-09T17:00:00Z")},
      {published: at("2017-01-10T00:01:00Z")},
      {published: at("2017-01-10T08:48:00Z")},
      {published: at("2017-01-10T08:48:00Z")},
      {published: null}
    ];
    expect(overlapsPrevious(docs)).toEqual([false, true, false, true, false]);
    expect(overlapsPrevious([])).toEqual([]);
  });
});
