/** Progress lines on stderr (never stdout, which carries the data). */

export type StageEvent = "start" | "progress" | "end";

/**
 * A stage reporter for the pipeline's `onStage`: prints each stage as it starts, its progress
 * (count done, rate, time left) at most every `interval` seconds while it runs, and its time when it
 * ends, once the run is big enough to be worth watching (or always with DRIFTLINE_PROGRESS=1).
 * @example analyzePaths(paths, {onStage: stageReporter()})
 */
export function stageReporter({minCount = 500, interval = 2, write = (line: string) => process.stderr.write(line)} = {}) {
  const started = new Map<string, number>();
  const lastLine = new Map<string, number>();
  const force = process.env.DRIFTLINE_PROGRESS === "1";
  const t0 = performance.now();
  const number = (n: number) => Math.round(n).toLocaleString("en-US");
  return (stage: string, event: StageEvent, count: number, done?: number) => {
    const now = performance.now();
    if (event === "start") {
      started.set(stage, now);
      lastLine.set(stage, now);
      if (force || count >= minCount) write(`driftline: ${stage}: ${count ? `${number(count)} ` : ""}${stage === "read" ? "files" : "documents"}…\n`);
      return;
    }
    if (!force && count < minCount) return;
    const seconds = (now - (started.get(stage) ?? t0)) / 1000;
    if (event === "progress") {
      if (done === undefined || done <= 0 || now - (lastLine.get(stage) ?? 0) < interval * 1000) return;
      lastLine.set(stage, now);
      const rate = done / Math.max(seconds, 1e-3);
      const left = Math.max(0, count - done) / rate;
      write(`driftline: ${stage}: ${number(done)} of ${number(count)} (${number(rate)}/s, about ${left < 1 ? "<1" : left.toFixed(0)} s left)\n`);
      return;
    }
    const rate = seconds > 0 ? count / seconds : count;
    write(`driftline: ${stage}: ${number(count)} done in ${seconds.toFixed(2)} s (${number(rate)}/s; ${((now - t0) / 1000).toFixed(1)} s so far)\n`);
  };
}
