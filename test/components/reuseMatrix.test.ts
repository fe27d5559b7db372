import {describe, expect, it} from "vitest";
import {matrixFits} from "../../src/components/reuseMatrix.js";

describe("matrixFits", () => {
  it("keeps the matrix while each cell has room for its share", () => {
    // 640 px: 440 px for cells, so 18 documents get 24 px each and 19 do not.
    expect(matrixFits(18, 640)).toBe(true);
    expect(matrixFits(19, 640)).toBe(false);
  });
  it("gives way on a phone sooner than on a wide screen", () => {
    expect(matrixFits(5, 350)).toBe(true);
    expect(matrixFits(16, 350)).toBe(false);
    expect(matrixFits(16, 1000)).toBe(true);
  });
  it("holds for an empty corpus", () => {
    expect(matrixFits(0, 640)).toBe(true);
  });
});
