import type { AbstractSection, OtherAbstract } from "../../../model/article.js";
import { attr, children, markupText, path, type XmlNode } from "./text.js";

export interface AbstractFields {
  abstractSections: AbstractSection[];
  abstract: string | null;
  copyright: string | null;
}

/** Labels that mark the absence of a real label: kept in the section, left out of the plain text. */
const NO_LABEL = new Set(["UNLABELLED", "UNASSIGNED"]);

/**
 * Abstract/AbstractText sections with Label and NlmCategory as PubMed gave them (Label ≠ category is
 * common: OBJECTIVES → OBJECTIVE). The plain text joins sections with a line break, each prefixed by
 * its label. CopyrightInformation stays apart.
 */
export function readAbstract(abstractNode: XmlNode): AbstractFields {
  const sections: AbstractSection[] = [];
  for (const node of children(abstractNode, "AbstractText")) {
    const t = markupText(node);
    if (t === null) continue;
    sections.push({ label: attr(node, "Label"), nlmCategory: attr(node, "NlmCategory"), text: t });
  }
  const plain = sections
    .map((s) => (s.label !== null && !NO_LABEL.has(s.label.toUpperCase()) ? `${s.label}: ${s.text}` : s.text))
    .join("\n");
  return {
    abstractSections: sections,
    abstract: plain === "" ? null : plain,
    copyright: markupText(path(abstractNode, "CopyrightInformation")),
  };
}

/**
 * MedlineCitation/OtherAbstract: abstracts besides the main one (a publisher's in other languages, a
 * plain-language summary), each read like the main abstract and kept apart from it. Language defaults to
 * "eng" as the DTD says; one without text is left out.
 */
export function readOtherAbstracts(nodes: XmlNode[]): OtherAbstract[] {
  const out: OtherAbstract[] = [];
  for (const node of nodes) {
    const { abstractSections, abstract, copyright } = readAbstract(node);
    if (abstract === null) continue;
    out.push({ type: attr(node, "Type"), language: attr(node, "Language") ?? "eng", sections: abstractSections, text: abstract, copyright });
  }
  return out;
}
