import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { LitreviewError } from "../../errors.js";
import { CLAIMS, CONDITIONS, DESIGNS, EXOSOME_SOURCES } from "../../model/taxonomy.js";
import { vocabFileSchema } from "./vocab-schema.js";
import type { VocabDimension, VocabFile, Vocabulary } from "./vocab-schema.js";

export const RELEVANCE_LABELS = ["about-exosomes"] as const;

const ALLOWED_LABELS: Record<VocabDimension, readonly string[]> = {
  design: DESIGNS,
  condition: CONDITIONS,
  source: EXOSOME_SOURCES,
  claim: CLAIMS,
  relevance: RELEVANCE_LABELS,
};

export interface VocabSource {
  file: string;
  text: string;
}

function configError(problems: string[]): LitreviewError {
  return new LitreviewError(
    "CONFIG",
    `invalid vocabulary: ${problems.join("; ")} (fix the file, or restore it from git)`,
    { context: { problems } },
  );
}

/** Checks what zod cannot see: label ids from the taxonomy and names that refer to each other. */
function crossCheck(v: VocabFile, file: string): string[] {
  const problems: string[] = [];
  const allowed = ALLOWED_LABELS[v.dimension];
  const labels = Object.keys(v.labels);
  const known = new Set([...labels, ...Object.keys(v.signals)]);
  for (const id of labels) {
    if (!allowed.includes(id)) problems.push(`${file}: labels.${id}: not a ${v.dimension} id of the taxonomy (${allowed.join(", ")})`);
  }
  for (const [id, targets] of Object.entries(v.implies)) {
    for (const t of [id, ...targets]) {
      if (!allowed.includes(t)) problems.push(`${file}: implies.${id}: ${t} is not a ${v.dimension} id of the taxonomy`);
    }
  }
  (v.decision ?? []).forEach((step, i) => {
    if (!allowed.includes(step.label)) problems.push(`${file}: decision.${i}.label: ${step.label} is not a ${v.dimension} id`);
    const names = [...Object.keys(step.when), ...Object.keys(step.unless), ...Object.keys(step.unless_stronger)];
    if (step.strength) names.push(step.strength);
    for (const n of names) {
      if (!known.has(n)) problems.push(`${file}: decision.${i}: ${n} is neither a label nor a signal of this file`);
    }
  });
  if (v.dimension === "design" && (!v.decision || !v.fallback)) {
    problems.push(`${file}: a design vocabulary needs \`decision\` steps and a \`fallback\` label`);
  }
  if (v.fallback !== undefined && !allowed.includes(v.fallback)) problems.push(`${file}: fallback: ${v.fallback} is not a ${v.dimension} id`);
  return problems;
}

/** One problem per message, naming every field that has it: the same slip made in 12 labels is told once. */
function fieldProblems(file: string, issues: readonly { path: PropertyKey[]; message: string }[]): string[] {
  const fields = new Map<string, string[]>();
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "(top level)";
    const list = fields.get(issue.message) ?? [];
    if (!list.includes(field)) list.push(field);
    fields.set(issue.message, list);
  }
  return [...fields].map(([message, list]) => `${file}: ${list.join(", ")}: ${message}`);
}

/** Parses and validates one vocabulary file's text (pure). Returns the file or its problems. */
export function parseVocabularyFile(source: VocabSource): { vocab: VocabFile | null; problems: string[] } {
  let data: unknown;
  try {
    data = parseYaml(source.text);
  } catch (e) {
    return { vocab: null, problems: [`${source.file}: not valid YAML: ${(e as Error).message.split("\n")[0]}`] };
  }
  const parsed = vocabFileSchema.safeParse(data);
  if (!parsed.success) {
    return { vocab: null, problems: fieldProblems(source.file, parsed.error.issues) };
  }
  const problems = crossCheck(parsed.data, source.file);
  return { vocab: problems.length ? null : parsed.data, problems };
}

/** Hash of the files' names and content: a new version whenever a researcher edits a rule. */
export function computeRulesVersion(sources: VocabSource[]): string {
  const h = createHash("sha256");
  for (const s of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    h.update(s.file.replace(/^.*[\\/]/, "")).update("\0").update(s.text).update("\0");
  }
  return h.digest("hex").slice(0, 12);
}

/**
 * The vocabulary last built, by folder, file names and content: a run checks the files before it starts and
 * classify loads them again, and parsing the YAML is most of a vocabulary's cost (about 0.3 s).
 */
let lastBuilt: { key: string; vocabulary: Vocabulary } | null = null;

/** Builds a vocabulary from file texts; every problem in every file is reported at once. */
export function buildVocabulary(sources: VocabSource[], dir: string): Vocabulary {
  const key = JSON.stringify([dir, sources.map((s) => s.file), computeRulesVersion(sources)]);
  if (lastBuilt?.key === key) return lastBuilt.vocabulary;
  const vocabulary = parseVocabularies(sources, dir);
  lastBuilt = { key, vocabulary };
  return vocabulary;
}

function parseVocabularies(sources: VocabSource[], dir: string): Vocabulary {
  const problems: string[] = [];
  const files: Partial<Vocabulary["files"]> = {};
  for (const source of sources) {
    const { vocab, problems: p } = parseVocabularyFile(source);
    problems.push(...p);
    if (!vocab) continue;
    const existing = files[vocab.dimension];
    if (existing) problems.push(`${source.file}: dimension: ${vocab.dimension} is already defined in ${existing.file}`);
    else files[vocab.dimension] = { ...vocab, file: source.file };
  }
  for (const d of ["design", "condition", "source", "claim", "relevance"] as const) {
    if (!files[d] && problems.length === 0) problems.push(`${dir}: no vocabulary file has dimension: ${d}`);
  }
  if (problems.length) throw configError(problems);
  return { dir, files: files as Vocabulary["files"], rulesVersion: computeRulesVersion(sources) };
}

/** Reads every *.yaml / *.yml file of `dir` (I/O) and validates them. */
export function loadVocabulary(dir: string): Vocabulary {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (cause) {
    throw new LitreviewError("CONFIG", `cannot read the vocabulary folder ${dir}: ${(cause as Error).message} (check \`vocab\` in the pipeline file)`, { cause });
  }
  if (names.length === 0) throw new LitreviewError("CONFIG", `the vocabulary folder ${dir} has no .yaml files (check \`vocab\` in the pipeline file)`);
  const sources = names.map((n) => ({ file: join(dir, n), text: readFileSync(join(dir, n), "utf8") }));
  return buildVocabulary(sources, dir);
}
