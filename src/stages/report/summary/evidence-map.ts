import { DESIGNS } from "../../../model/taxonomy.js";
import type { Classification } from "../../../model/classification.js";
import { SKIN_CONDITIONS, skinConditions } from "../evidence.js";
import { capitalised, conditionName, designName } from "../labels.js";
import { table } from "./markdown.js";

/** Heading of a condition's section in summary.md. */
export function conditionHeading(condition: string): string {
  return `Condition: ${capitalised(conditionName(condition))}`;
}

/** The anchor GitHub gives that heading ("Condition: Skin aging" → condition-skin-aging). */
export function conditionAnchor(condition: string): string {
  return conditionHeading(condition).toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-");
}

/** Conditions × design over included articles; each count links to the condition's section. */
export function evidenceMapSection(included: readonly Classification[]): string[] {
  const lines = ["## Evidence map", "", "Included articles by condition and design (an article can have several conditions)."];
  const present = SKIN_CONDITIONS.filter((c) => included.some((a) => skinConditions(a).includes(c)));
  if (present.length === 0) return [...lines, "", "No included articles yet.", ""];
  const rows = present.map((condition) => {
    const anchor = `#${conditionAnchor(condition)}`;
    const withCondition = included.filter((a) => skinConditions(a).includes(condition));
    const cells = DESIGNS.map((d) => {
      const n = withCondition.filter((a) => a.design === d).length;
      return n === 0 ? "" : `[${n}](${anchor})`;
    });
    return [`[${capitalised(conditionName(condition))}](${anchor})`, ...cells, `[${withCondition.length}](${anchor})`];
  });
  const absent = SKIN_CONDITIONS.filter((c) => !present.includes(c));
  lines.push("", ...table(["condition", ...DESIGNS.map(designName), "total"], rows), "");
  if (absent.length > 0) lines.push(`No included article for: ${absent.map(conditionName).join(", ")}.`, "");
  return lines;
}
