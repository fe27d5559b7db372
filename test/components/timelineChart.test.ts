import {describe, expect, it} from "vitest";
import {axisTickFormat} from "../../src/components/timelineChart.js";

describe("axisTickFormat", () => {
  const at = new Date("2019-02-22T17:30:00Z");
  const day = 86_400_000;
  it("gives the time of day within a few days, the day within months, the month and year beyond", () => {
    expect(axisTickFormat(2 * day, "UTC")(at)).toBe("22 Feb, 17:30");
    expect(axisTickFormat(30 * day, "UTC")(at)).toBe("22 Feb");
    expect(axisTickFormat(3 * 365 * day, "UTC")(at)).toBe("Feb 2019");
  });
  it("reads the time in the zone asked for", () => {
    expect(axisTickFormat(2 * day, "Asia/Hong_Kong")(at)).toBe("23 Feb, 01:30");
  });
});
