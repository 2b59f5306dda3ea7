import { markupText, text, texts, type XmlNode } from "./text.js";

/** ArticleTitle with inline markup flattened; a translated title stays as PubMed wrote it ("[...]"). */
export function readTitle(titleNode: XmlNode): string | null {
  return markupText(titleNode);
}

/** The title in the original language, when PubMed's ArticleTitle is a translation. */
export function readVernacularTitle(node: XmlNode): string | null {
  return markupText(node);
}

/** Language codes (eng, ger, nor...) in the order given; a record can have several. */
export function readLanguages(parent: XmlNode): string[] {
  return texts(parent, "Language", text);
}
