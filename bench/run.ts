/**
 * `npm run bench`: speed and peak memory of each offline stage at 20,000 and 100,000 real PubMed records,
 * beside Python's C streaming tokenizer and Biopython's Entrez.read, written to docs/BENCHMARKS.md.
 * `npm run bench -- 20000` runs one size only.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem, platform, release } from "node:os";
import { join } from "node:path";
import { buildCorpus, templateRecords } from "./corpus.js";

interface StepResult {
  step: string;
  seconds: number;
  /** CPU time of all the step's threads; absent for the Python baselines. */
  cpuSeconds?: number;
  peakMb: number;
}

const OUT = "bench/out";
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [20_000, 100_000];
/** Entrez.read holds the whole tree in memory (about 2.5 GB at 20,000 records): run it at the smaller size only. */
const BIOPYTHON_MAX = 20_000;

function python(): string | null {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    try {
      execFileSync(candidate, ["-c", "import Bio.Entrez"], { stdio: "ignore" });
      return candidate;
    } catch {
      /* try the next */
    }
  }
  return null;
}

function runJson(command: string, args: string[]): StepResult {
  const out = execFileSync(command, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop()!) as StepResult;
}

const tsxStep = (step: string, store: string, target: string) =>
  runJson(process.execPath, ["--import", "tsx", "bench/step.ts", step, store, target]);

/**
 * At this size and below, the baselines and import + run --offline run REPEATS times, interleaved, and the
 * table gives medians: on a shared machine one run can take half as long again as the next, and a ratio of
 * two runs made minutes apart says more about the machine than about the code.
 */
const REPEAT_MAX = 20_000;
const REPEATS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One row for several runs of a step: median seconds and CPU seconds, and the highest peak of any run. */
function summary(runs: StepResult[]): StepResult {
  const cpu = runs.map((r) => r.cpuSeconds).filter((c): c is number => c !== undefined);
  return {
    step: runs[0]!.step,
    seconds: median(runs.map((r) => r.seconds)),
    cpuSeconds: cpu.length === runs.length ? median(cpu) : undefined,
    peakMb: Math.max(...runs.map((r) => r.peakMb)),
  };
}

/** "median of 3: 8.52–9.48 s" for a label, or "" for a single run. */
function spread(values: number[], unit: string): string {
  if (values.length < 2) return "";
  const text = (v: number) => `${v.toFixed(2)}${unit}`;
  return ` (median of ${values.length}: ${text(Math.min(...values))}–${text(Math.max(...values))})`;
}

async function benchSize(n: number, py: string | null): Promise<string[]> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `pubmed-${n}.xml`);
  if (!existsSync(file)) await buildCorpus(file, n, templateRecords("bench/fixtures"));
  const mb = statSync(file).size / 1e6;
  const rows: string[] = [];
  const row = (what: string, runs: StepResult[]) => {
    const r = summary(runs);
    const cpuText = r.cpuSeconds === undefined ? "" : r.cpuSeconds.toFixed(2);
    const label = `${what}${spread(runs.map((x) => x.seconds), " s")}`;
    const line = `| ${n.toLocaleString("en")} | ${label} | ${r.seconds.toFixed(2)} | ${cpuText} | ${Math.round(n / r.seconds).toLocaleString("en")} | ${Math.round(r.peakMb)} |`;
    rows.push(line);
    process.stdout.write(`${line}\n`);
  };
  process.stdout.write(`\n${n} records, ${mb.toFixed(0)} MB\n`);

  const store = join(OUT, `bench-${n}.sqlite`);
  const reports = join(OUT, `reports-${n}`);
  const iters: StepResult[] = [];
  const bios: StepResult[] = [];
  const imports: StepResult[] = [];
  const offlines: StepResult[] = [];
  const togethers: StepResult[] = [];
  for (let run = 0; run < (n <= REPEAT_MAX ? REPEATS : 1); run++) {
    if (py) iters.push(runJson(py, ["bench/baselines.py", "iterparse", file]));
    if (py && n <= BIOPYTHON_MAX) bios.push(runJson(py, ["bench/baselines.py", "biopython", file]));
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${store}${suffix}`, { force: true });
    const imported = tsxStep("import", store, file);
    // The first offline run over the freshly imported store: what a reviewer waits for after an import.
    const offline = tsxStep("offline", store, reports);
    imports.push(imported);
    offlines.push(offline);
    togethers.push({
      step: "import+offline",
      seconds: imported.seconds + offline.seconds,
      cpuSeconds: (imported.cpuSeconds ?? 0) + (offline.cpuSeconds ?? 0),
      peakMb: Math.max(imported.peakMb, offline.peakMb),
    });
  }
  if (iters.length > 0) row("baseline: Python iterparse (C tokenizer), count only", iters);
  if (bios.length > 0) row("baseline: Biopython Entrez.read", bios);
  row("litreview import", imports);
  row("litreview run --offline (parse → report)", offlines);
  row("**litreview import + run --offline**", togethers);
  // Then each stage again alone, to show where the time goes (import stores parsed records: parse has nothing to do).
  for (const stage of ["dedupe", "classify", "report"]) row(`litreview ${stage} (alone, rerun)`, [tsxStep(stage, store, reports)]);
  // Each ratio is taken within one repeat, whose runs were made minutes apart, then the median of those.
  const ratio = (what: string, values: number[]) =>
    rows.push(`| ${n.toLocaleString("en")} | ${what}${spread(values, "×")} | ${median(values).toFixed(2)}× | | | |`);
  if (iters.length > 0) ratio("ratio to iterparse (target ≤ 1.4×)", togethers.map((t, i) => t.seconds / iters[i]!.seconds));
  if (bios.length > 0) ratio("speed-up over Biopython (target ≥ 5×)", togethers.map((t, i) => bios[i]!.seconds / t.seconds));
  return rows;
}

const py = python();
const table: string[] = [];
for (const n of SIZES) table.push(...(await benchSize(n, py)));
const cpu = cpus()[0]?.model ?? "unknown CPU";
const doc = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB,
${platform()} ${release()}, Node ${process.version}${py ? "" : " (no Python with Biopython: baselines skipped)"}.

The input is Biopython's real PubMed test records (\`bench/fixtures/\`) repeated with fresh PMIDs. Each litreview
step runs in its own process, so its peak resident memory is its own; \`run --offline\` is parse → dedupe →
classify → report in one process, run on the freshly imported store. Seconds are wall time; CPU seconds add
up every thread of the step (parsing and classifying use one worker thread per core, at most 2 by default; dedupe and report one
thread beside the main one). On a shared machine the same step can take up to half as long again from one run to
the next (at 20,000 records on one day, iterparse took 6.6 to 10.8 s and Biopython 37.5 to 56.8 s). So at
${REPEAT_MAX.toLocaleString("en")} records and below, the baselines, the import and \`run --offline\` run ${REPEATS} times, one after
the other in turn: their rows give the median (the lowest and highest in brackets) and the highest peak memory,
and each ratio is the median of the ratios within one turn. The stages alone run once. Biopython's
\`Entrez.read\` is measured at ${BIOPYTHON_MAX.toLocaleString("en")} records only: it holds the whole document in memory.

| records | step | seconds | CPU s | records/s | peak MB |
|---:|---|---:|---:|---:|---:|
${table.join("\n")}
`;
mkdirSync("docs", { recursive: true });
writeFileSync("docs/BENCHMARKS.md", doc);
process.stdout.write("\nwritten docs/BENCHMARKS.md\n");
