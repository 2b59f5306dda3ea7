import { markupText, text, texts, type XmlNode } from "./text.js";

/**
 * What PubMed writes in ArticleTitle while it has no English title: "[Not Available].", "[In Process
 * Citation]" (NLM element descriptions, ArticleTitle). Kept as a title, every such record would share it.
 */
export const NO_TITLE_RE = /^\[?(?:not available|in process citation)\]?\.?$/i;

/**
 * ArticleTitle with inline markup flattened; a translated title stays as PubMed wrote it ("[...]").
 * When PubMed has no English title (empty, or a placeholder), the title in the original language.
 */
export function readTitle(titleNode: XmlNode, vernacularNode: XmlNode): string | null {
  const title = markupText(titleNode);
  return title !== null && !NO_TITLE_RE.test(title) ? title : markupText(vernacularNode);
}

/** The title in the original language, when PubMed's ArticleTitle is a translation. */
export function readVernacularTitle(node: XmlNode): string | null {
  return markupText(node);
}

/** Language codes (eng, ger, nor...) in the order given; a record can have several. */
export function readLanguages(parent: XmlNode): string[] {
  return texts(parent, "Language", text);
}
