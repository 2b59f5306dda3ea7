import type { ConditionId, DesignId } from "../../../model/taxonomy.js";
import { SKIN_CONDITIONS, skinConditions } from "../evidence.js";
import { designName } from "../labels.js";
import { conditionHeading } from "./evidence-map.js";
import { compareRecordIds, dataBankIds } from "../view.js";
import type { RecordView } from "../view.js";
import { plural, shortCitation } from "./markdown.js";

/** Lists longer than this are cut; articles.csv filtered by condition and design has them all. */
const LIST_LIMIT = 50;

/** Inside each kind of evidence: most participants first, then newest, then by record id. */
function strongestFirst(a: RecordView, b: RecordView): number {
  const pa = a.classification!.participants ?? -1;
  const pb = b.classification!.participants ?? -1;
  const ya = a.article.pubDate.year ?? -1;
  const yb = b.article.pubDate.year ?? -1;
  return pb - pa || yb - ya || compareRecordIds(a.recordId, b.recordId);
}

function withDesign(views: readonly RecordView[], designs: readonly DesignId[]): RecordView[] {
  return views.filter((v) => designs.includes(v.classification!.design)).sort(strongestFirst);
}

function studyDetails(v: RecordView): string {
  const c = v.classification!;
  const parts: string[] = [];
  if (c.participants !== null) parts.push(plural(c.participants, "participant"));
  if (c.followupWeeks !== null) parts.push(`${plural(c.followupWeeks, "week")} follow-up`);
  const details = parts.join(", ");
  // A trial's registration lets a writer find its protocol and registered outcomes.
  const all = [details, dataBankIds(v.article).join(", ")].filter((part) => part !== "").join("; ");
  return all === "" ? "" : ` — ${all}`;
}

function citedList(title: string, views: readonly RecordView[], withDesignName: boolean): string[] {
  if (views.length === 0) return [];
  const items = views.slice(0, LIST_LIMIT).map((v) => {
    const design = withDesignName ? ` (${designName(v.classification!.design)})` : "";
    return `- ${shortCitation(v.article)}${design}${studyDetails(v)}`;
  });
  if (views.length > LIST_LIMIT) items.push(`- … and ${views.length - LIST_LIMIT} more: filter \`articles.csv\` by \`conditions\` and \`design\`.`);
  return [`**${title} (${views.length})**`, "", ...items, ""];
}

/** One condition: systematic reviews, then RCTs, then other clinical studies, then counts of the rest. */
export function conditionSection(condition: ConditionId, views: readonly RecordView[]): string[] {
  const animal = withDesign(views, ["animal"]).length;
  const inVitro = withDesign(views, ["in-vitro"]).length;
  const reviews = withDesign(views, ["review"]).length;
  const other = withDesign(views, ["other"]).length;
  return [
    `### ${conditionHeading(condition)}`,
    "",
    `${plural(views.length, "included article")}.`,
    "",
    ...citedList("Systematic reviews", withDesign(views, ["systematic-review"]), false),
    ...citedList("Randomised controlled trials", withDesign(views, ["rct"]), false),
    ...citedList("Other clinical studies", withDesign(views, ["clinical-nonrandomized", "case-report"]), true),
    `Preclinical: ${animal} animal, ${inVitro} in vitro. Narrative reviews: ${reviews}. Other: ${other}.`,
    "",
  ];
}

/** Per-condition sections, in taxonomy order, for conditions with at least one included article. */
export function conditionsSection(views: readonly RecordView[]): string[] {
  const included = views.filter((v) => v.included && v.classification);
  const lines = ["## Evidence per condition", "", "Strongest evidence first; citations link to PubMed.", ""];
  for (const condition of SKIN_CONDITIONS) {
    const withCondition = included.filter((v) => skinConditions(v.classification!).includes(condition));
    if (withCondition.length > 0) lines.push(...conditionSection(condition, withCondition));
  }
  if (included.length === 0) lines.push("No included articles yet.", "");
  return lines;
}
