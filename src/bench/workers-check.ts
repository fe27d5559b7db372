/**
 * `tsx src/bench/workers-check.ts [paths…]` (default seeds/): analyses the corpus on this thread and
 * again with two workers and one-document chunks, and prints one JSON object: whether the two
 * outputs are the same bytes, and which threads ran the chunks (so a test can see the workers ran),
 * before and after the workers let go of what they kept, with their heaps then, and the thread of
 * a single task run beside this one.
 */
import {analyzeSources, analyzeSourcesInParallel} from "../lib/analyze.js";
import {readCorpus} from "../lib/read.js";
import {loadReferenceData} from "../lib/reference.js";
import {createWorkerPool} from "../lib/workers.js";

const paths = process.argv.slice(2);
const inputs = paths.length ? paths : ["seeds"];
const {sources} = await readCorpus(inputs);
const {reference} = await loadReferenceData();
const alone = JSON.stringify(analyzeSources(sources, reference, {inputs}));
const parallel = JSON.stringify(await analyzeSourcesInParallel(sources, reference, {inputs, workers: 2, chunkSize: 1}));
const pool = createWorkerPool(2);
const threads = await pool.map("thread", [null, null, null, null]);
// Workers that let go of what they kept and collected, then take tasks again.
const released = await pool.release();
const threadsAfterRelease = await pool.map("thread", [null, null, null, null]);
// One task run beside this thread (the stories, while this thread groups the quotations).
const threadOfOne = await pool.runOne("thread", null);
await pool.close();
process.stdout.write(JSON.stringify({same: alone === parallel, bytes: alone.length, documents: sources.length, threads: [...new Set(threads)].sort(), releasedHeapMB: released.map((bytes) => Math.round(bytes / 1048576)), threadsAfterRelease: [...new Set(threadsAfterRelease)].sort(), threadOfOne}) + "\n");
