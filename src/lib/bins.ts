/** Time bins for counting publications: a unit that suits the span, and each bin's bounds in UTC. */

/** The length of a publication bin. */
export type BinUnit = "hour" | "day" | "week" | "month" | "year";

/** The bin for a span of `ms`: a few hundred bins at most, so each stays a few pixels wide. */
export function binUnit(ms: number): BinUnit {
  const day = 86_400_000;
  return ms <= 21 * day ? "hour" : ms <= 366 * day ? "day" : ms <= 8 * 366 * day ? "week" : ms <= 40 * 366 * day ? "month" : "year";
}

/** The start (UTC) of the bin of `unit` holding the time `t`; weeks start on Monday. */
export function binStart(t: number, unit: BinUnit): number {
  const d = new Date(t);
  if (unit === "hour") return Math.floor(t / 3_600_000) * 3_600_000;
  if (unit === "day") return Math.floor(t / 86_400_000) * 86_400_000;
  if (unit === "week") {
    const day = Math.floor(t / 86_400_000) * 86_400_000;
    return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
  }
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return Date.UTC(d.getUTCFullYear(), 0, 1);
}

/** The end (UTC, exclusive) of the bin of `unit` that starts at `start`. */
export function binEnd(start: number, unit: BinUnit): number {
  const d = new Date(start);
  if (unit === "hour") return start + 3_600_000;
  if (unit === "day") return start + 86_400_000;
  if (unit === "week") return start + 7 * 86_400_000;
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
}

/** The units from the shortest, and the longest each bin can be (a month of 31 days, a leap year). */
export const BIN_UNITS: readonly BinUnit[] = ["hour", "day", "week", "month", "year"];
const LONGEST: Record<BinUnit, number> = {hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 31 * 86_400_000, year: 366 * 86_400_000};

/** The longest a bin of `unit` can be (ms). */
export function binLength(unit: BinUnit): number {
  return LONGEST[unit];
}
