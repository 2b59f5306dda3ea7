/**
 * One benchmark step in a fresh process, so its peak memory is its own:
 *   tsx bench/step.ts import|offline|parse|dedupe|classify|report <store> <file-or-out-dir>
 * `import` and `offline` go through the command line itself (`litreview import FILE --db STORE --quiet`,
 * `litreview run --offline --db STORE --out DIR --quiet`), lock, log and all; the other steps call one
 * stage. Prints one JSON line: step, wall seconds, CPU seconds (all threads), peak resident memory (MB)
 * and, for a single stage, its counts.
 */
import { main } from "../src/cli.js";
import { loadPipeline } from "../src/config/load.js";
import { openStore } from "../src/store/open.js";
import { startRun } from "../src/store/runs.js";
import { noProgress, silentLogger, type StageContext, type StageName } from "../src/pipeline/context.js";
import { STAGE_IMPLEMENTATIONS } from "../src/pipeline/stages.js";

const [step, storePath, target] = process.argv.slice(2);
if (!step || !storePath || !target) throw new Error("usage: step.ts STEP STORE FILE_OR_OUT_DIR");

async function cli(argv: string[]): Promise<Record<string, unknown>> {
  let printed = "";
  const code = await main(argv, { env: process.env, stdout: (t) => (printed += t), stderr: (t) => process.stderr.write(t), clock: () => new Date() });
  if (code !== 0) throw new Error(`litreview ${argv.join(" ")} exited ${code}`);
  return { summary: printed.trim() };
}

async function stage(name: StageName): Promise<Record<string, unknown>> {
  const config = loadPipeline("pipelines/exosome-dermatology.yaml");
  const db = openStore(storePath!);
  const runId = startRun(db, config.name, `bench ${name}`, {}, new Date().toISOString());
  const ctx: StageContext = {
    db,
    config,
    runId,
    clock: () => new Date("2026-01-01T00:00:00Z"),
    logger: silentLogger,
    progress: noProgress,
    client: null,
    outDir: target!,
    since: null,
    full: false,
    report: { bom: true },
  };
  try {
    return { [name]: (await STAGE_IMPLEMENTATIONS[name](ctx)).counts };
  } finally {
    db.close();
  }
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const counts =
  step === "import"
    ? await cli(["import", target, "--db", storePath, "--quiet"])
    : step === "offline"
      ? await cli(["run", "--offline", "--db", storePath, "--out", target, "--quiet"])
      : await stage(step as StageName);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(`${JSON.stringify({ step, seconds, cpuSeconds, peakMb: process.resourceUsage().maxRSS / 1024, counts })}\n`);
