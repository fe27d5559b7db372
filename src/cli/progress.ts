/** Progress lines on stderr (never stdout, which carries the data). */

/**
 * A stage reporter for `analyzeSources`' `onStage`: prints each stage with its count, rate and
 * elapsed time once the run is big enough to be worth watching (or when DRIFTLINE_PROGRESS=1).
 */
export function stageReporter({minCount = 500, write = (line: string) => process.stderr.write(line)} = {}) {
  const started = new Map<string, number>();
  const force = process.env.DRIFTLINE_PROGRESS === "1";
  const t0 = performance.now();
  return (stage: string, event: "start" | "end", count: number) => {
    if (!force && count < minCount) return;
    if (event === "start") {
      started.set(stage, performance.now());
      write(`driftline: ${stage}: ${count} documents…\n`);
      return;
    }
    const seconds = (performance.now() - (started.get(stage) ?? t0)) / 1000;
    const rate = seconds > 0 ? Math.round(count / seconds) : count;
    write(`driftline: ${stage}: done in ${seconds.toFixed(2)} s (${rate} documents/s; ${((performance.now() - t0) / 1000).toFixed(1)} s so far)\n`);
  };
}
