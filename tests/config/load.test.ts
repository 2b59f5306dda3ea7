import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/config/load.js";
import { queryFromFile } from "../../src/config/query.js";
import { LitreviewError } from "../../src/errors.js";

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "litreview-config-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe("queryFromFile", () => {
  it("drops comments and blank lines and joins lines with single spaces", () => {
    const text = "# title\n(\n  exosome[tiab] # vesicles\n  OR \"extracellular vesicles\"[tiab]\n)\n\nAND skin[tiab]\n";
    expect(queryFromFile(text)).toBe('(exosome[tiab] OR "extracellular vesicles"[tiab]) AND skin[tiab]');
  });
});

describe("loadPipeline", () => {
  it("loads the shipped default review with its query", () => {
    const config = loadPipeline("pipelines/exosome-dermatology.yaml");
    expect(config.name).toBe("exosome-dermatology");
    expect(config.fetch.batch_size).toBe(200);
    expect(config.queryText).toContain('"Extracellular Vesicles"[Mesh]');
    expect(config.queryText).toContain("exosome-like nanoparticles");
    expect(config.queryText).toMatch(/NOT \("Exosome Multienzyme Ribonuclease Complex"\[Mesh\]/);
    expect(config.queryText).not.toContain("#");
  });

  it("names the file and every bad field at once, as a configuration error", () => {
    const root = project({
      "p.yaml": "name: Bad Name\ntitle: t\nquery: q.txt\nfetch:\n  batch_size: 0\nsurprise: 1\n",
      "q.txt": "skin",
    });
    let error: unknown;
    try {
      loadPipeline("p.yaml", root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LitreviewError);
    const message = (error as LitreviewError).message;
    expect((error as LitreviewError).exitCode).toBe(2);
    expect(message).toMatch(/^p\.yaml: /);
    expect(message).toContain("name:");
    expect(message).toContain("fetch.batch_size:");
    expect(message).toContain("surprise");
  });

  it("says a required field is missing, not zod's 'expected string, received undefined'", () => {
    const root = project({ "p.yaml": "name: ok\nquery: q.txt\n", "q.txt": "skin" });
    expect(() => loadPipeline("p.yaml", root)).toThrow(/^p\.yaml: title: missing: every pipeline file sets it/);
  });

  it("refuses a search.from date that does not exist, naming the file and field", () => {
    for (const from of ["2015/02/30", "2015/13/01", "2019/02/29"]) {
      const root = project({ "p.yaml": `name: ok\ntitle: t\nquery: q.txt\nsearch:\n  from: ${from}\n`, "q.txt": "skin" });
      expect(() => loadPipeline("p.yaml", root), from).toThrow(/^p\.yaml: search\.from: is not a date that exists/);
    }
    const root = project({ "p.yaml": "name: ok\ntitle: t\nquery: q.txt\nsearch:\n  from: 2016/02/29\n", "q.txt": "skin" });
    expect(loadPipeline("p.yaml", root).search.from).toBe("2016/02/29");
    const wrongForm = project({ "p.yaml": "name: ok\ntitle: t\nquery: q.txt\nsearch:\n  from: 2015-02-01\n", "q.txt": "skin" });
    expect(() => loadPipeline("p.yaml", wrongForm)).toThrow(/^p\.yaml: search\.from: must be YYYY\/MM\/DD$/);
  });

  it("reports a missing query file with the pipeline field that names it", () => {
    const root = project({ "p.yaml": "name: ok\ntitle: t\nquery: missing.txt\n" });
    expect(() => loadPipeline("p.yaml", root)).toThrow(/p\.yaml: query: cannot read the query file .*missing\.txt: not found/);
  });

  it("reports a missing pipeline file once, for the command line to prefix", () => {
    const root = project({});
    expect(() => loadPipeline("nope.yaml", root)).toThrow(/^cannot read the pipeline file .*nope\.yaml: not found$/);
  });

  it("reports YAML syntax errors with the file name", () => {
    const root = project({ "p.yaml": "name: [unclosed\n" });
    expect(() => loadPipeline("p.yaml", root)).toThrow(/^p\.yaml: not valid YAML/);
  });
});
