import { markupText, text, texts } from "./text.js";

/** ArticleTitle with inline markup flattened; a translated title stays as PubMed wrote it ("[...]"). */
export function readTitle(titleNode: unknown): string | null {
  return markupText(titleNode);
}

/** The title in the original language, when PubMed's ArticleTitle is a translation. */
export function readVernacularTitle(node: unknown): string | null {
  return markupText(node);
}

/** Language codes (eng, ger, nor...) in the order given; a record can have several. */
export function readLanguages(parent: unknown): string[] {
  return texts(parent, "Language", text);
}
