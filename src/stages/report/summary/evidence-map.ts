import { CLAIMS, DESIGNS } from "../../../model/taxonomy.js";
import type { Classification } from "../../../model/classification.js";
import { countDesigns, EVIDENCE_STRENGTH_RULE, evidenceStrength, SKIN_CONDITIONS, skinConditions } from "../evidence.js";
import { capitalised, claimName, conditionName, designName } from "../labels.js";
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

/** For each marketed benefit: how many RCTs, other clinical, preclinical studies and reviews, and a strength word. */
export function claimsSection(included: readonly Classification[]): string[] {
  const rows = CLAIMS.map((claim) => {
    const c = countDesigns(included.filter((a) => a.claims.includes(claim)));
    return [
      capitalised(claimName(claim)),
      String(c.rcts),
      String(c.otherClinical),
      String(c.preclinical),
      String(c.systematicReviews),
      String(c.reviews),
      `**${evidenceStrength(c)}**`,
    ];
  });
  return [
    "## Claims vs evidence",
    "",
    "For each benefit exosome skincare is marketed with, the included articles that report on it, by kind of study.",
    "",
    ...table(["claim", "RCTs", "other clinical", "preclinical", "systematic reviews", "narrative reviews", "evidence strength"], rows),
    "",
    `Evidence-strength rule: ${EVIDENCE_STRENGTH_RULE}`,
    "",
  ];
}
