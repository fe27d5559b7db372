/**
 * Builds the report from the bundled corpus once (npm run build) and serves dist/ on 127.0.0.1 for
 * the report tests. DRIFTLINE_TEST_SKIP_BUILD=1 reuses an existing dist/.
 */
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import type {TestProject} from "vitest/node";
import {startStaticServer} from "../../src/cli/serve.js";

export default async function setup(project: TestProject) {
  if (process.env.DRIFTLINE_TEST_SKIP_BUILD !== "1" || !existsSync("dist/index.html")) {
    const env: NodeJS.ProcessEnv = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"};
    delete env.DRIFTLINE_INPUT;
    const result = spawnSync("npm", ["run", "--silent", "build"], {encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024});
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
    project.provide("buildLog", `${result.stdout}\n${result.stderr}`);
  } else {
    project.provide("buildLog", "");
  }
  const {server, url} = await startStaticServer("dist", 0);
  project.provide("reportUrl", url);
  return () => new Promise<void>((done) => server.close(() => done()));
}

declare module "vitest" {
  export interface ProvidedContext {
    reportUrl: string;
    buildLog: string;
  }
}
