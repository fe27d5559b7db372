import {describe, expect, it} from "vitest";
import {modalityColour} from "../../src/components/familiesGrid.js";

describe("modalityColour", () => {
  it("gives a modality the same colour whichever others are present", () => {
    const alone = modalityColour(["fact"]);
    const withOthers = modalityColour(["promise", "fact", "expectation"]);
    const colourOf = (scale: {domain: string[]; range: string[]}, m: string) => scale.range[scale.domain.indexOf(m)];
    expect(colourOf(alone, "fact")).toBe(colourOf(withOthers, "fact"));
    expect(withOthers.domain).toEqual(["fact", "expectation", "promise"]);
    expect(new Set(withOthers.range).size).toBe(3);
  });
  it("still draws a modality it does not know", () => {
    expect(modalityColour(["fact", "rumour"]).domain).toEqual(["fact", "rumour"]);
  });
});
