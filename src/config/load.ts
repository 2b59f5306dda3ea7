import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { LitreviewError } from "../errors.js";
import { pipelineSchema, type PipelineConfig } from "./pipeline.js";
import { queryFromFile } from "./query.js";

/** `from` names what pointed to the file ("pipeline.yaml: query"); null when the user gave it directly. */
function readText(path: string, what: string, from: string | null): string {
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === "ENOENT" ? "not found" : (cause as Error).message;
    throw new LitreviewError("CONFIG", `${from === null ? "" : `${from}: `}cannot read ${what} ${path}: ${reason}`, { cause });
  }
}

/** Reads and validates a pipeline file; every problem is reported at once as `file: field: message`. */
export function loadPipeline(file: string, root = process.cwd()): PipelineConfig {
  const text = readText(resolve(root, file), "the pipeline file", null);
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (cause) {
    throw new LitreviewError("CONFIG", `${file}: not valid YAML: ${(cause as Error).message.split("\n")[0]}`, { cause });
  }
  const parsed = pipelineSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.code === "invalid_type" && i.input === undefined ? "missing: every pipeline file sets it (see pipelines/exosome-dermatology.yaml)" : i.message}`);
    throw new LitreviewError("CONFIG", `${file}: ${problems.join("; ")}`);
  }
  const queryPath = resolve(root, parsed.data.query);
  const queryText = queryFromFile(readText(queryPath, "the query file", `${file}: query`));
  if (queryText.length === 0) throw new LitreviewError("CONFIG", `${file}: query: ${parsed.data.query} holds no search terms`);
  return Object.freeze({ ...parsed.data, file, queryText });
}
