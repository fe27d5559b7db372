/**
 * `npm run --silent analyze -- <paths…> [--out DIR] [--max-bytes N]`
 * Prints the Analysis as one JSON object on stdout, or writes it with CSV tables to DIR.
 * Progress goes to stderr; bad usage prints one line and exits with code 2.
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {claimsCsv, documentsCsv, familiesCsv, reuseCsv} from "../lib/csv.js";
import {analyzePaths} from "../lib/run.js";
import {DEFAULT_MAX_BYTES} from "../lib/read.js";
import {stageReporter} from "./progress.js";

const USAGE = "usage: npm run --silent analyze -- <file-or-folder>... [--out DIR] [--max-bytes N] [--quiet]";

function fail(message: string): never {
  process.stderr.write(`analyze: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        out: {type: "string"},
        "max-bytes": {type: "string"},
        quiet: {type: "boolean", default: false},
        help: {type: "boolean", short: "h", default: false}
      }
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message.split("\n")[0] : String(error)} (${USAGE})`);
  }
  const {values, positionals} = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!positionals.length) fail(`no input given (${USAGE})`);
  const envMax = process.env.DRIFTLINE_MAX_BYTES;
  const maxText = values["max-bytes"] ?? envMax;
  const maxBytes = maxText === undefined ? DEFAULT_MAX_BYTES : Number(maxText);
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) fail(`--max-bytes must be a positive whole number of bytes, not "${maxText}"`);

  const {analysis, missing} = await analyzePaths(positionals, {maxBytes, onStage: values.quiet ? undefined : stageReporter()});
  if (missing.length) fail(`no such file or folder: ${missing.join(", ")}`);
  const json = JSON.stringify(analysis, null, 2) + "\n";
  if (values.out) {
    await mkdir(values.out, {recursive: true});
    await Promise.all([
      writeFile(join(values.out, "analysis.json"), json),
      writeFile(join(values.out, "documents.csv"), documentsCsv(analysis)),
      writeFile(join(values.out, "claims.csv"), claimsCsv(analysis)),
      writeFile(join(values.out, "families.csv"), familiesCsv(analysis)),
      writeFile(join(values.out, "reuse.csv"), reuseCsv(analysis))
    ]);
    process.stderr.write(`analyze: wrote analysis.json, documents.csv, claims.csv, families.csv and reuse.csv to ${values.out}\n`);
  } else {
    process.stdout.write(json);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`analyze: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
