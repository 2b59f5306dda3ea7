import { classifyArticle } from "./classify.js";
import type { CompiledRules } from "./compile.js";
import { parseInput } from "./input.js";

/** A page of records classified: what the classifications table keeps of each, and what the stage counts. */
export interface ClassifiedPage {
  recordIds: string[];
  /** Each record's Classification as JSON. */
  results: string[];
  uncertain: number;
  aboutExosomes: number;
  aboutSkin: number;
}

/** Classifies a page of inputPages rows. */
export function classifyPage(rows: string[], rules: CompiledRules): ClassifiedPage {
  const page: ClassifiedPage = { recordIds: [], results: [], uncertain: 0, aboutExosomes: 0, aboutSkin: 0 };
  for (const row of rows) {
    const c = classifyArticle(parseInput(row), rules);
    if (c.designUncertain) page.uncertain++;
    if (c.aboutExosomes) page.aboutExosomes++;
    if (c.aboutSkin) page.aboutSkin++;
    page.recordIds.push(c.recordId);
    page.results.push(JSON.stringify(c));
  }
  return page;
}
