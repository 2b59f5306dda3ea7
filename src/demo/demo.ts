/**
 * `npm run demo` (src/demo/run-demo.ts): the real pipeline, through the real HTTP client, against a local E-utilities server on
 * 127.0.0.1 that serves PubMed records built from the labelled sample (data/sample/). No network needed.
 * Extra arguments go to `litreview run` (e.g. `npm run demo -- --quiet`).
 */
import { readFileSync } from "node:fs";
import { DEFAULT_PIPELINE, main } from "../cli.js";
import { startEutilsServer } from "./eutils-server.js";
import { sampleRecordsFromJsonl } from "./sample-records.js";

export const DEMO_SAMPLE = "data/sample/dev.jsonl";
export const DEMO_DB = "data/demo.sqlite";
export const DEMO_OUT = "reports/demo";

export async function runDemo(extraArgs: string[]): Promise<number> {
  const records = sampleRecordsFromJsonl(readFileSync(DEMO_SAMPLE, "utf8"), DEMO_SAMPLE);
  const server = await startEutilsServer({ records, rateLimit: true });
  try {
    const env = { ...process.env, EUTILS_BASE_URL: server.url, NCBI_API_KEY: "" };
    process.stderr.write(`demo: local E-utilities server at ${server.url} with ${records.length} sample records\n`);
    return await main(["run", DEFAULT_PIPELINE, "--db", DEMO_DB, "--out", DEMO_OUT, ...extraArgs], {
      env,
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      clock: () => new Date(),
    });
  } finally {
    await server.close();
  }
}

