/**
 * One benchmark step in a fresh process, so its peak memory is its own:
 *   tsx bench/step.ts import|parse|dedupe|classify|report|offline <store> <file-or-out-dir>
 * Prints one JSON line: step, wall seconds, CPU seconds (all threads), peak resident memory (MB), the stage's counts.
 */
import { loadPipeline } from "../src/config/load.js";
import { openStore } from "../src/store/open.js";
import { startRun } from "../src/store/runs.js";
import { importFiles } from "../src/imports/index.js";
import { noProgress, silentLogger, type StageContext, type StageName } from "../src/pipeline/context.js";
import { STAGE_IMPLEMENTATIONS } from "../src/pipeline/stages.js";

const [step, storePath, target] = process.argv.slice(2);
if (!step || !storePath || !target) throw new Error("usage: step.ts STEP STORE FILE_OR_OUT_DIR");

const config = loadPipeline("pipelines/exosome-dermatology.yaml");
const db = openStore(storePath);
const runId = startRun(db, config.name, `bench ${step}`, {}, new Date().toISOString());
const clock = () => new Date("2026-01-01T00:00:00Z");
const started = performance.now();
const cpuBefore = process.cpuUsage();
let counts: Record<string, unknown>;
if (step === "import") {
  counts = (await importFiles(db, [target], { runId, clock, logger: silentLogger })).counts;
} else {
  const stages: StageName[] = step === "offline" ? ["parse", "dedupe", "classify", "report"] : [step as StageName];
  const ctx: StageContext = {
    db,
    config,
    runId,
    clock,
    logger: silentLogger,
    progress: noProgress,
    client: null,
    outDir: target,
    since: null,
    full: false,
    report: { bom: true },
  };
  counts = {};
  for (const stage of stages) counts[stage] = (await STAGE_IMPLEMENTATIONS[stage](ctx)).counts;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
db.close();
process.stdout.write(`${JSON.stringify({ step, seconds, cpuSeconds, peakMb: process.resourceUsage().maxRSS / 1024, counts })}\n`);
