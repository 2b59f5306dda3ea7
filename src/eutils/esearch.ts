/**
 * What an esearch answer says (NBK25499 "ESearch"); ids stay strings. Read with targeted regular
 * expressions rather than a general XML parser: the shape is flat and fixed, and a 9,999-id answer
 * took fast-xml-parser ~700 ms, long enough to hold up the requests paced around it.
 */
import { decodeEntities } from "../stages/parse/pubmed-xml/text.js";

export interface EsearchResult {
  count: number;
  retMax: number;
  retStart: number;
  queryKey: string | null;
  webEnv: string | null;
  ids: string[];
  queryTranslation: string | null;
  /** ErrorList: the query did not run as written (PhraseNotFound, FieldNotFound). */
  errors: { kind: string; text: string }[];
  /** WarningList entries ("No items found.", PhraseIgnored, ...). */
  warnings: string[];
}

function textOf(raw: string): string {
  return decodeEntities(raw).trim();
}

/** The top-level part of the answer: TranslationStack holds its own <Count> elements. */
function topLevel(xml: string): string {
  return xml.replace(/<TranslationStack>[\s\S]*?<\/TranslationStack>/g, "").replace(/<TranslationSet>[\s\S]*?<\/TranslationSet>/g, "");
}

function element(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? textOf(m[1]!) : null;
}

function all(xml: string | null, name: string): string[] {
  if (!xml) return [];
  return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, "g"))].map((m) => textOf(m[1]!)).filter((t) => t.length > 0);
}

function int(value: string | null): number {
  return value && /^\d+$/.test(value) ? Number(value) : 0;
}

/** Parses a body that esearchProblem() already accepted. */
export function parseEsearch(xml: string): EsearchResult {
  const root = topLevel(xml);
  const idList = /<IdList>([\s\S]*?)<\/IdList>/.exec(root)?.[1] ?? "";
  const errorList = /<ErrorList>([\s\S]*?)<\/ErrorList>/.exec(root)?.[1] ?? null;
  const warningList = /<WarningList>([\s\S]*?)<\/WarningList>/.exec(root)?.[1] ?? null;
  const translation = element(root, "QueryTranslation");
  return {
    count: int(element(root, "Count")),
    retMax: int(element(root, "RetMax")),
    retStart: int(element(root, "RetStart")),
    queryKey: element(root, "QueryKey"),
    webEnv: element(root, "WebEnv"),
    ids: [...idList.matchAll(/<Id>\s*(\d+)\s*<\/Id>/g)].map((m) => m[1]!),
    queryTranslation: translation && translation.length > 0 ? translation : null,
    errors: [
      ...all(errorList, "PhraseNotFound").map((text) => ({ kind: "PhraseNotFound", text })),
      ...all(errorList, "FieldNotFound").map((text) => ({ kind: "FieldNotFound", text })),
    ],
    warnings: [
      ...all(warningList, "PhraseIgnored").map((t) => `phrase ignored: ${t}`),
      ...all(warningList, "QuotedPhraseNotFound").map((t) => `quoted phrase not found: ${t}`),
      ...all(warningList, "OutputMessage"),
    ],
  };
}
