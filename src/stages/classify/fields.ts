import type { AbstractSection } from "../../model/article.js";
import type { ClassifyInput } from "./input.js";
import { isSpace, normalizeText } from "./normalize.js";
import type { NormalizedText, StemCache } from "./normalize.js";
import type { CompiledRule, Phrase } from "./compile.js";

/**
 * The searchable fields of an article, each normalised once. Abstracts with NLM sections keep them;
 * plain abstracts are split at their own headings ("Methods:", "RESULTS") so that, for instance, a
 * call for trials in the conclusions weighs less than a design statement in the methods.
 */

export interface ArticleField {
  /** title, abstract, abstract:<NLM category>, keywords, mesh, publication_types, journal */
  field: string;
  /** The field's family: `abstract` for every abstract section, else the field itself. */
  family: string;
  text: NormalizedText;
  /** Filled by locatePhrases before scoring: the rules with a phrase here, each such phrase's spans. */
  rulePhrases?: Map<CompiledRule, Map<Phrase, [number, number][]>>;
  /** Filled by locatePhrases: context phrase key -> where it occurs. */
  context?: Map<string, [number, number][]>;
  /** Filled by locatePhrases: each sentence's WordIndex needle bits (those of its words together). */
  needBits?: Int32Array;
}

const HEADINGS: [RegExp, string][] = [
  [/^(background|introduction|importance|context|rationale)/i, "BACKGROUND"],
  [/^(aims?|objectives?|purpose|goals?)/i, "OBJECTIVE"],
  [/^(materials?|methods?|methodology|design|setting|patients|participants|interventions?|study design)/i, "METHODS"],
  [/^(results?|findings|observations|main outcome)/i, "RESULTS"],
  [/^(conclusions?|discussion|interpretation|limitations?|implications)/i, "CONCLUSIONS"],
];

const HEADING_WORDS =
  "background|introduction|importance|context|rationale|aims?|objectives?|purpose|goals?|materials? and methods|materials?|methods?|methodology|study design|design|setting|patients and methods|participants|interventions?|results?|findings|observations|main outcomes?(?: and measures)?|conclusions?(?: and relevance)?|discussion|interpretation|limitations?|implications";
// A heading: at the start of a line (optionally numbered), alone on its line or followed by a colon.
export const HEADING_RE = new RegExp(
  `(?:^|\\n|(?<=[.!?]\\s?))[ \\t]*(?:\\(\\d\\)\\s*)?((?:${HEADING_WORDS})(?:\\s*(?:/|and|&)\\s*(?:${HEADING_WORDS}))?)[ \\t]*(?::|\\n|(?=[A-Z][a-z]))`,
  "gi",
);
// HEADING_RE tried at one position only (sticky).
const HEADING_AT = new RegExp(HEADING_RE.source, "iy");
// Where a match of HEADING_RE can start is decided by these characters: a line break, or end punctuation.
const HEADING_TRIGGER = /[\n.!?]/g;

/**
 * Where a match of HEADING_RE can start, in increasing order with some repeated: the text's start, line
 * breaks, and the positions its lookbehind allows, just after [.!?] with at most one white space between.
 */
function headingStarts(text: string): number[] {
  const starts = [0];
  HEADING_TRIGGER.lastIndex = 0;
  for (let t; (t = HEADING_TRIGGER.exec(text)); ) {
    const k = t.index;
    if (text[k] === "\n") {
      starts.push(k);
    } else {
      starts.push(k + 1);
      if (isSpace(text.charCodeAt(k + 1))) starts.push(k + 2);
    }
  }
  return starts;
}

/**
 * The matches of HEADING_RE in `text`, in order, trying it only where a match can start rather than at
 * every character (where its lookbehind makes each try slow). Arrays rather than generators: every plain
 * abstract goes through here, and resuming a generator for each position costs more than filling an array.
 */
function headings(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let end = 0;
  let tried = -1;
  for (const p of headingStarts(text)) {
    // Matches do not overlap; a position seen again was tried already.
    if (p < end || p <= tried) continue;
    tried = p;
    HEADING_AT.lastIndex = p;
    const m = HEADING_AT.exec(text);
    if (m) {
      end = m.index + m[0].length;
      found.push(m);
    }
  }
  return found;
}

function categoryOf(label: string | null): string | null {
  if (!label) return null;
  for (const [re, cat] of HEADINGS) if (re.test(label.trim())) return cat;
  return null;
}

/** Splits a plain abstract at its headings; text before the first heading is UNASSIGNED. */
export function sectionsFromPlainText(text: string): AbstractSection[] {
  const out: AbstractSection[] = [];
  let last = 0;
  let label: string | null = null;
  for (const m of headings(text)) {
    const chunk = text.slice(last, m.index).trim();
    if (chunk || label) out.push({ label, nlmCategory: categoryOf(label), text: chunk });
    label = m[1] ?? null;
    last = m.index + m[0].length;
  }
  const tail = text.slice(last).trim();
  if (tail || label) out.push({ label, nlmCategory: categoryOf(label), text: tail });
  return out.filter((s) => s.text.length > 0);
}

function abstractSections(article: ClassifyInput): AbstractSection[] {
  const given = article.abstractSections.filter((s) => s.text.trim().length > 0);
  if (given.length > 1 || (given.length === 1 && given[0]!.label)) return given;
  const text = given[0]?.text ?? article.abstract;
  return text ? sectionsFromPlainText(text) : [];
}

// A function of the module rather than a closure made for each article: tsx names every closure it makes.
function addField(fields: ArticleField[], field: string, text: string | null | undefined, stems: StemCache): void {
  if (text && text.trim()) fields.push({ field, family: field.split(":")[0]!, text: normalizeText(text, stems) });
}

// The sentence where an introduction turns to the study's own aim: "This study compared...", "We aimed to...".
const OWN_AIM = /(?:^|(?<=[.!?]\s))(?:(?:this|the present|the current|our) (?:study|trial|work|investigation)\b|we (?:aimed|aim|sought|investigated|evaluated|compared|hypothesi[sz]ed)\b|the (?:aims?|purpose|objectives?|goals?) of (?:this|the present|the current|our) (?:study|trial|work)\b)/i;

/**
 * A Background or Introduction section that goes on to state the study's aim: the aim and what follows are
 * the study's objective, not background (an introduction weighs less, being mostly others' findings).
 */
function splitOwnAim(cat: string | null, text: string): [string | null, string][] {
  if (cat !== "BACKGROUND") return [[cat, text]];
  const m = OWN_AIM.exec(text);
  if (!m) return [[cat, text]];
  return [
    [cat, text.slice(0, m.index)],
    ["OBJECTIVE", text.slice(m.index)],
  ];
}

export function articleFields(article: ClassifyInput, stems: StemCache): ArticleField[] {
  const fields: ArticleField[] = [];
  addField(fields, "title", article.title, stems);
  for (const s of abstractSections(article)) {
    const given = s.nlmCategory && s.nlmCategory !== "UNASSIGNED" ? s.nlmCategory : categoryOf(s.label);
    for (const [cat, text] of splitOwnAim(given, s.text)) addField(fields, cat ? `abstract:${cat}` : "abstract", text, stems);
  }
  addField(fields, "keywords", article.keywords.join("\n"), stems);
  addField(fields, "mesh", article.mesh.map((m) => m.descriptor).join("\n"), stems);
  addField(fields, "publication_types", article.publicationTypes.join("\n"), stems);
  // Weighs 0 (is not read) in a dimension whose field_weights do not name it.
  addField(fields, "journal", article.journal.title, stems);
  return fields;
}
