import type { DedupeDecision, NoticeKind } from "../../model/dedupe.js";

const NOTICE_NAME: Record<NoticeKind, string> = {
  erratum: "an erratum",
  "retraction-notice": "a retraction notice",
  "expression-of-concern": "an expression of concern",
  comment: "a comment or letter",
};

/** Rule names read aloud: "title+year+author" → "title, year and author agree". */
export function describeRule(rule: string | null, score: number | null): string {
  if (rule === null) return "no match";
  const scored = score !== null && score < 1 ? ` (similarity ${score.toFixed(2)})` : "";
  switch (rule) {
    case "pmid":
    case "doi":
    case "pmcid":
      return `same ${rule.toUpperCase()}`;
    case "update-of":
      return "PubMed links the journal version to this preprint (UpdateOf)";
    case "abstract":
      return `same abstract text${scored}`;
    default: {
      const fields = rule.split("+");
      const list = fields.length === 1 ? fields[0]! : `${fields.slice(0, -1).join(", ")} and ${fields[fields.length - 1]}`;
      return `${list} agree${scored}`;
    }
  }
}

/** One line per other member of a kept record's cluster: what it is and what put it there. */
function memberLine(member: DedupeDecision): string {
  const what = member.role === "duplicate" ? "merged into it" : "linked to it as an earlier version";
  return `${member.recordId}: ${what}, ${describeRule(member.rule, member.score)}`;
}

/**
 * Why dedupe decided what it did about one record, as lines for `litreview explain`. `cluster` is every
 * decision with the same cluster_id (the record's own included).
 */
export function explainDedupe(decision: DedupeDecision, cluster: readonly DedupeDecision[]): string[] {
  const others = cluster.filter((d) => d.recordId !== decision.recordId).sort((a, b) => (a.recordId < b.recordId ? -1 : 1));
  const lines: string[] = [];
  if (decision.role === "kept") {
    lines.push(
      others.length === 0
        ? "kept; no other record is the same work"
        : `kept for its cluster of ${others.length + 1}, as its most complete record ` +
            "(a journal version over its preprint, then a record with a PMID, then the most fields filled, then the smallest record_id)",
      ...others.map(memberLine),
    );
  } else if (decision.role === "duplicate") {
    lines.push(`duplicate of ${decision.keptRecordId}: ${describeRule(decision.rule, decision.score)}`);
  } else {
    lines.push(
      `earlier version (preprint) of ${decision.keptRecordId}, linked, not dropped: ${describeRule(decision.rule, decision.score)}; ` +
        `the evidence counts the work once, under ${decision.keptRecordId}`,
    );
  }
  if (decision.notice) {
    const about = decision.concerns ? ` about ${decision.concerns}` : "";
    lines.push(`excluded as notice: ${NOTICE_NAME[decision.notice]}${about}, never merged with the article it concerns`);
  }
  if (decision.retracted) lines.push("excluded as retracted: the article, a copy of it, or a stored retraction notice says so");
  return lines;
}
