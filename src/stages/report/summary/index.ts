import { diffSnapshots } from "../changes.js";
import { prismaCounts } from "../prisma.js";
import { includedClassifications } from "../tables.js";
import type { ReportInput } from "../types.js";
import type { RecordView } from "../view.js";
import { accuracySection } from "./accuracy.js";
import { changesSection, retractedSection } from "./changes.js";
import { conditionsSection } from "./conditions.js";
import { claimsSection } from "./claims.js";
import { evidenceMapSection } from "./evidence-map.js";
import { countsSection, flowSection } from "./flow.js";
import { md, plural } from "./markdown.js";
import { searchSection } from "./search.js";
import { yearsSection } from "./years.js";

/** summary.md. The report date is on one line only, so reports of the same store differ only there. */
export function renderSummary(input: ReportInput, views: readonly RecordView[]): string {
  const prisma = prismaCounts(views);
  const included = includedClassifications(views);
  const lines = [`# ${md(input.pipeline.title)}`, ""];
  if (input.pipeline.question) lines.push(md(input.pipeline.question), "");
  lines.push(`Report date: ${input.runDate}`, "");
  lines.push(
    `${plural(prisma.identified, "record")} stored, ${prisma.included} included in the evidence tables. ` +
      "Columns and labels are explained in the data dictionary (`reports/README.md`).",
    "",
  );
  lines.push(
    ...countsSection(prisma),
    ...searchSection(input),
    ...flowSection(prisma),
    ...evidenceMapSection(included),
    ...claimsSection(views.filter((v) => v.included && v.classification)),
    ...conditionsSection(views),
    ...yearsSection(views),
    ...changesSection(diffSnapshots(views, input.previous, input.repeats)),
    ...retractedSection(views),
    ...accuracySection(input.accuracy),
  );
  while (lines[lines.length - 1] === "") lines.pop();
  return `${lines.join("\n")}\n`;
}
