import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LitreviewError } from "../../src/errors.js";
import { buildVocabulary, computeRulesVersion, loadVocabulary } from "../../src/stages/classify/vocabulary.js";
import type { VocabSource } from "../../src/stages/classify/vocabulary.js";

const DIR = "data/vocab";
const sources = (): VocabSource[] =>
  readdirSync(DIR)
    .filter((n) => n.endsWith(".yaml"))
    .map((n) => ({ file: join(DIR, n), text: readFileSync(join(DIR, n), "utf8") }));

function problemsOf(edit: (s: VocabSource[]) => VocabSource[]): string {
  try {
    buildVocabulary(edit(sources()), DIR);
  } catch (e) {
    expect(e).toBeInstanceOf(LitreviewError);
    expect((e as LitreviewError).code).toBe("CONFIG");
    return (e as Error).message;
  }
  throw new Error("expected a CONFIG error");
}

const replaceIn = (name: string, from: string | RegExp, to: string) => (list: VocabSource[]) =>
  list.map((s) => (s.file.endsWith(name) ? { ...s, text: s.text.replace(from, to) } : s));

describe("loadVocabulary", () => {
  it("loads the project's vocabulary, one file per dimension", () => {
    const v = loadVocabulary(DIR);
    expect(Object.keys(v.files).sort()).toEqual(["claim", "condition", "design", "relevance", "source"]);
    expect(v.rulesVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it("names the file and the field of a wrong value", () => {
    const msg = problemsOf(replaceIn("design.yaml", "weight: 3\n", "weight: heavy\n"));
    expect(msg).toMatch(/design\.yaml: labels\.systematic-review\.rules\.0\.weight/);
  });

  it("refuses a label the taxonomy does not have", () => {
    const msg = problemsOf(replaceIn("conditions.yaml", "  psoriasis:\n", "  psoriasiss:\n"));
    expect(msg).toMatch(/conditions\.yaml: labels\.psoriasiss: not a condition id/);
  });

  it("refuses a bad regular expression, an unknown field and a decision naming nothing", () => {
    expect(problemsOf(replaceIn("claims.yaml", /pattern: '[^']*'/, "pattern: '(unclosed'"))).toMatch(/claims\.yaml: labels\.mmp-inhibition\.rules\.0\.pattern: is not a valid regular expression/);
    expect(problemsOf(replaceIn("sources.yaml", "    threshold:", "    treshold:"))).toMatch(/sources\.yaml: labels\.msc/);
    expect(problemsOf(replaceIn("design.yaml", "when: { human-study: 3 }", "when: { humans: 3 }"))).toMatch(/design\.yaml: decision\.\d+: humans is neither a label nor a signal/);
  });

  it("reports a missing dimension and broken YAML with the file name", () => {
    expect(problemsOf((l) => l.filter((s) => !s.file.endsWith("claims.yaml")))).toMatch(/no vocabulary file has dimension: claim/);
    expect(problemsOf(replaceIn("relevance.yaml", "labels:", "labels: [\n"))).toMatch(/relevance\.yaml: not valid YAML/);
  });

  it("parses the same files once, and edited files again (a run checks the vocabulary, then classify loads it)", () => {
    const first = buildVocabulary(sources(), DIR);
    expect(buildVocabulary(sources(), DIR)).toBe(first);
    const edited = buildVocabulary(replaceIn("claims.yaml", "labels:", "# edited\nlabels:")(sources()), DIR);
    expect(edited).not.toBe(first);
    expect(edited.rulesVersion).not.toBe(first.rulesVersion);
    expect(buildVocabulary(sources(), "elsewhere")).not.toBe(first);
    // A broken file is reported every time, never taken from what was parsed before.
    expect(problemsOf(replaceIn("relevance.yaml", "labels:", "labels: [\n"))).toMatch(/not valid YAML/);
    expect(problemsOf(replaceIn("relevance.yaml", "labels:", "labels: [\n"))).toMatch(/not valid YAML/);
  });

  it("says what to do when the folder is missing", () => {
    expect(() => loadVocabulary("no/such/dir")).toThrow(/cannot read the vocabulary folder no\/such\/dir.*vocab/);
  });

  it("changes the rules version whenever a rule changes, and only then", () => {
    const a = computeRulesVersion(sources());
    expect(computeRulesVersion([...sources()].reverse())).toBe(a);
    expect(computeRulesVersion(replaceIn("claims.yaml", "weight: 1.5", "weight: 1.6")(sources()))).not.toBe(a);
  });
});
