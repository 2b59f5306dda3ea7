import { CLAIMS } from "../../../model/taxonomy.js";
import type { ClaimId } from "../../../model/taxonomy.js";
import { countDesigns, EVIDENCE_STRENGTH_RULE, evidenceKind, evidenceStrength } from "../evidence.js";
import type { EvidenceCounts } from "../evidence.js";
import { capitalised, claimName } from "../labels.js";
import type { RecordView } from "../view.js";
import { recordLink, table } from "./markdown.js";

/** Articles named per claim and kind of study; articles.csv (column `claims`) has them all. */
const LIST_LIMIT = 10;

const KINDS: readonly { kind: keyof EvidenceCounts; name: string }[] = [
  { kind: "rcts", name: "RCTs" },
  { kind: "otherClinical", name: "other clinical" },
  { kind: "preclinical", name: "preclinical" },
  { kind: "systematicReviews", name: "systematic reviews" },
  { kind: "reviews", name: "narrative reviews" },
  { kind: "other", name: "other" },
];

const CAVEAT =
  "**The strength words count studies, not their results.** An article counts for a claim when it reports on " +
  "the benefit, whether its result was positive, negative or null, and the claim is found by keyword rules; " +
  "read the articles behind a claim before repeating its word.";

function withClaim(included: readonly RecordView[], claim: ClaimId): RecordView[] {
  return included.filter((v) => v.classification!.claims.includes(claim));
}

/** One claim's articles by kind of study, each a link, long kinds cut with a pointer to articles.csv. */
function claimArticles(claim: ClaimId, views: readonly RecordView[], strength: string): string {
  const parts = KINDS.map(({ kind, name }) => {
    const of = views.filter((v) => evidenceKind(v.classification!.design) === kind);
    if (of.length === 0) return null;
    const links = of.slice(0, LIST_LIMIT).map((v) => recordLink(v.article));
    if (of.length > LIST_LIMIT) links.push(`and ${of.length - LIST_LIMIT} more`);
    return `${name}: ${links.join(", ")}`;
  }).filter((p): p is string => p !== null);
  return `- **${capitalised(claimName(claim))}** (${strength}): ${parts.join("; ")}.`;
}

/**
 * For each marketed benefit: how many RCTs, other clinical, preclinical studies and reviews, and a strength
 * word; under the table, what the word does not say, then the articles behind each claim.
 */
export function claimsSection(included: readonly RecordView[]): string[] {
  const rows: string[][] = [];
  const lists: string[] = [];
  for (const claim of CLAIMS) {
    const views = withClaim(included, claim);
    const c = countDesigns(views.map((v) => v.classification!));
    const strength = evidenceStrength(c);
    rows.push([
      capitalised(claimName(claim)),
      String(c.rcts),
      String(c.otherClinical),
      String(c.preclinical),
      String(c.systematicReviews),
      String(c.reviews),
      `**${strength}**`,
    ]);
    if (views.length > 0) lists.push(claimArticles(claim, views, strength));
  }
  const lines = [
    "## Claims vs evidence",
    "",
    "For each benefit exosome skincare is marketed with, the included articles that report on it, by kind of study.",
    "",
    ...table(["claim", "RCTs", "other clinical", "preclinical", "systematic reviews", "narrative reviews", "evidence strength"], rows),
    "",
    CAVEAT,
    "",
    `Evidence-strength rule: ${EVIDENCE_STRENGTH_RULE}`,
    "",
  ];
  if (lists.length > 0) {
    lines.push(
      "### Articles behind each claim",
      "",
      `Up to ${LIST_LIMIT} per kind of study; filter \`articles.csv\` by \`claims\` for the rest.`,
      "",
      ...lists,
      "",
    );
  }
  return lines;
}
