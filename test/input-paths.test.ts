import {describe, expect, it} from "vitest";
import {inputPathsFromEnv} from "../src/lib/input-paths.js";

describe("inputPathsFromEnv", () => {
  it("defaults to seeds/", () => {
    expect(inputPathsFromEnv({})).toEqual(["seeds"]);
    expect(inputPathsFromEnv({DRIFTLINE_INPUT: "  "})).toEqual(["seeds"]);
  });
  it("splits on the platform delimiter", () => {
    expect(inputPathsFromEnv({DRIFTLINE_INPUT: "a:b/c: "}, ":")).toEqual(["a", "b/c"]);
    expect(inputPathsFromEnv({DRIFTLINE_INPUT: "C:\\x;D:\\y"}, ";")).toEqual(["C:\\x", "D:\\y"]);
  });
});
