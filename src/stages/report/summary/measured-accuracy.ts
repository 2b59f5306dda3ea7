import type { ClassifyMetrics } from "../../classify/eval.js";

const f = (n: number): string => n.toFixed(3);

/** The headline figures of a classifier evaluation, as Markdown for summary.md's accuracy section. */
export function accuracyMarkdown(m: ClassifyMetrics, goldFile: string): string {
  const label = (name: string) => m.design.perLabel.find((l) => l.label === name);
  const rct = label("rct");
  const sr = label("systematic-review");
  const rows: [string, string, string][] = [
    ["design", "accuracy", f(m.design.accuracy)],
    ["design", "macro-F1", f(m.design.macroF1)],
  ];
  if (rct) rows.push(["design: rct", "recall / precision", `${f(rct.recall)} / ${f(rct.precision)}`]);
  if (sr) rows.push(["design: systematic-review", "recall", f(sr.recall)]);
  rows.push(
    ["conditions", "micro-F1", f(m.conditions.microF1)],
    ["exosome sources", "macro-F1", f(m.sources.macroF1)],
    ["relevance (about exosomes)", "accuracy", f(m.relevance.accuracy)],
  );
  return [
    `Measured for this report on ${m.articles} labelled articles (\`${goldFile}\`), with the rules it used (version \`${m.rulesVersion}\`).`,
    "The rules were developed on these same articles, so the figures are optimistic: expect lower accuracy on articles the rules have never seen.",
    `${m.design.uncertain} of them the rules marked \`uncertain\` (their design is a best guess). Per-label figures and the confusion matrix: \`litreview eval classify --gold ${goldFile}\`.`,
    "",
    "| labels | measure | value |",
    "|---|---|---:|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}
