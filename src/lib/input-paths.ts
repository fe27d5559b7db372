/**
 * Which corpus the report is about, from the environment. A module of its own: the loaders need it
 * on every run, and the pipeline's modules only when the analysis is not cached.
 */

/** The corpus paths from DRIFTLINE_INPUT (separated by the platform delimiter), default seeds/. */
export function inputPathsFromEnv(env: NodeJS.ProcessEnv = process.env, delimiter: string = process.platform === "win32" ? ";" : ":"): string[] {
  const value = env.DRIFTLINE_INPUT?.trim();
  if (!value) return ["seeds"];
  return value.split(delimiter).map((p) => p.trim()).filter(Boolean);
}
