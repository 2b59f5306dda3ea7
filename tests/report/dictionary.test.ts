import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLAIMS, CONDITIONS, DESIGNS, EXOSOME_SOURCES } from "../../src/model/taxonomy.js";
import { ARTICLE_COLUMNS } from "../../src/stages/report/articles.js";
import { EXCLUSION_ORDER } from "../../src/stages/report/inclusion.js";
import { POSSIBLE_DUPLICATE_FIXED } from "../../src/stages/report/possible-duplicates.js";
import { PRISMA_COLUMNS, prismaCounts, prismaRows } from "../../src/stages/report/prisma.js";
import { CLAIM_COLUMNS, MATRIX_COLUMNS, TAG_COLUMNS } from "../../src/stages/report/tables.js";

const readme = readFileSync(new URL("../../reports/README.md", import.meta.url), "utf8");

describe("reports/README.md, the data dictionary", () => {
  it("explains every column of every CSV", () => {
    const columns = [...ARTICLE_COLUMNS, ...TAG_COLUMNS, ...MATRIX_COLUMNS, ...CLAIM_COLUMNS, ...PRISMA_COLUMNS, ...POSSIBLE_DUPLICATE_FIXED];
    for (const c of columns) expect(readme, c).toContain(`\`${c}\``);
    for (const row of prismaRows(prismaCounts([]))) expect(readme, String(row.data)).toContain(`\`${row.data}\``);
  });

  it("explains every label id and every exclusion reason, in the order they are checked", () => {
    for (const id of [...DESIGNS, ...CONDITIONS, ...EXOSOME_SOURCES, ...CLAIMS]) expect(readme, id).toContain(`| \`${id}\` |`);
    const table = EXCLUSION_ORDER.map((reason, i) => `| ${i + 1} | \`${reason}\` |`);
    for (const line of table) expect(readme).toContain(line);
  });
});
