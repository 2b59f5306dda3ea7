import type { Grant, MeshHeading } from "../../../model/article.js";
import { attr, child, children, markupText, text, texts, type XmlNode } from "./text.js";

export function readPublicationTypes(articleNode: XmlNode): string[] {
  return texts(child(articleNode, "PublicationTypeList"), "PublicationType");
}

/** Book records list PublicationType directly under BookDocument. */
export function readBookPublicationTypes(bookDocument: XmlNode): string[] {
  return texts(bookDocument, "PublicationType");
}

function majorTopic(node: XmlNode): boolean {
  return attr(node, "MajorTopicYN") === "Y";
}

export function readMesh(medlineCitation: XmlNode): MeshHeading[] {
  const out: MeshHeading[] = [];
  for (const heading of children(child(medlineCitation, "MeshHeadingList"), "MeshHeading")) {
    const descriptorNode = child(heading, "DescriptorName");
    const descriptor = text(descriptorNode);
    if (descriptor === null) continue;
    out.push({
      descriptor,
      descriptorUi: attr(descriptorNode, "UI"),
      majorTopic: majorTopic(descriptorNode),
      qualifiers: children(heading, "QualifierName").flatMap((q) => {
        const name = text(q);
        return name === null ? [] : [{ name, ui: attr(q, "UI"), majorTopic: majorTopic(q) }];
      }),
    });
  }
  return out;
}

/** Keywords of every KeywordList (NOTO, KIE... owners), in order, without exact repeats. */
export function readKeywords(parent: XmlNode): string[] {
  const seen = new Set<string>();
  for (const list of children(parent, "KeywordList")) {
    for (const k of texts(list, "Keyword", markupText)) seen.add(k);
  }
  return [...seen];
}

export function readChemicals(medlineCitation: XmlNode): string[] {
  return children(child(medlineCitation, "ChemicalList"), "Chemical").flatMap((c) => {
    const name = text(child(c, "NameOfSubstance"));
    return name === null ? [] : [name];
  });
}

export function readGrants(articleNode: XmlNode): Grant[] {
  return children(child(articleNode, "GrantList"), "Grant").flatMap((g) => {
    const grant: Grant = {
      grantId: text(child(g, "GrantID")),
      agency: text(child(g, "Agency")),
      country: text(child(g, "Country")),
    };
    return grant.grantId === null && grant.agency === null ? [] : [grant];
  });
}
