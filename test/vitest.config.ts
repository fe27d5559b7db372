import {defineConfig} from "vitest/config";

// Two projects: `unit` (the pipeline, the CLI, the slices; fast) and `report` (builds the static
// report once, serves it on 127.0.0.1 and checks it, in a browser when Chromium is present).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    projects: [
      {test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/report/**"], testTimeout: 60_000}},
      {test: {name: "report", include: ["test/report/**/*.test.ts"], globalSetup: ["test/report/setup.ts"], fileParallelism: false, testTimeout: 120_000, hookTimeout: 600_000}}
    ]
  }
});
