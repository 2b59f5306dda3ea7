/**
 * Builds PubMed efetch records from the labelled corpus lines in data/sample/dev.jsonl, so the demo serves
 * real article text through a real E-utilities exchange. See data/sample/README.md for the mapping.
 */

export interface CorpusLine {
  id: string;
  pmid: string;
  doi: string | null;
  title: string | null;
  journal: string | null;
  year: number | null;
  publication_type: string | null;
  abstract: string | null;
}

export interface SampleRecord {
  pmid: string;
  /** PubMed creation date, YYYY/MM/DD. */
  createdDate: string;
  /** One <PubmedArticle> element. */
  xml: string;
}

const PUBMED_TYPES = new Set([
  "Journal Article",
  "Review",
  "Systematic Review",
  "Meta-Analysis",
  "Randomized Controlled Trial",
  "Clinical Trial",
  "Controlled Clinical Trial",
  "Case Reports",
  "Comparative Study",
  "Observational Study",
  "Editorial",
  "Letter",
  "Comment",
  "Research Support, Non-U.S. Gov't",
  "Research Support, N.I.H., Extramural",
]);

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Lines such as "Background:" or "Aims and Objectives:" that head the paragraph below them. */
const HEADING = /^([A-Z][A-Za-z ,&/-]{1,40}):\s*$/;

export function abstractSections(abstract: string): { label: string | null; text: string }[] {
  const sections: { label: string | null; text: string }[] = [];
  let current: { label: string | null; lines: string[] } = { label: null, lines: [] };
  const flush = () => {
    const text = current.lines.join(" ").replace(/\s+/g, " ").trim();
    if (text) sections.push({ label: current.label, text });
  };
  for (const line of abstract.split(/\r?\n/)) {
    const heading = HEADING.exec(line.trim());
    if (heading) {
      flush();
      current = { label: heading[1]!.toUpperCase(), lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  flush();
  return sections;
}

function publicationTypes(value: string | null): string[] {
  const given = (value ?? "").split(/;\s*/).map((t) => t.trim()).filter((t) => PUBMED_TYPES.has(t));
  return given.includes("Journal Article") ? given : ["Journal Article", ...given];
}

export function corpusLineToRecord(line: CorpusLine): SampleRecord {
  const year = line.year ?? null;
  const createdDate = `${year ?? 2024}/01/01`;
  const abstract = line.abstract
    ? `<Abstract>${abstractSections(line.abstract)
        .map((s) => `<AbstractText${s.label ? ` Label="${escapeXml(s.label)}"` : ""}>${escapeXml(s.text)}</AbstractText>`)
        .join("")}</Abstract>`
    : "";
  const doi = line.doi ? escapeXml(line.doi) : null;
  const xml =
    `<PubmedArticle><MedlineCitation Status="PubMed-not-MEDLINE" Owner="NLM"><PMID Version="1">${line.pmid}</PMID>` +
    `<Article PubModel="Electronic"><Journal><JournalIssue CitedMedium="Internet"><PubDate>` +
    (year ? `<Year>${year}</Year>` : `<MedlineDate>unknown</MedlineDate>`) +
    `</PubDate></JournalIssue>` +
    (line.journal ? `<Title>${escapeXml(line.journal)}</Title>` : "") +
    `</Journal><ArticleTitle>${escapeXml(line.title ?? "")}</ArticleTitle>` +
    (doi ? `<ELocationID EIdType="doi" ValidYN="Y">${doi}</ELocationID>` : "") +
    abstract +
    `<Language>eng</Language><PublicationTypeList>` +
    publicationTypes(line.publication_type)
      .map((t) => `<PublicationType>${escapeXml(t)}</PublicationType>`)
      .join("") +
    `</PublicationTypeList></Article></MedlineCitation><PubmedData><History>` +
    `<PubMedPubDate PubStatus="entrez"><Year>${createdDate.slice(0, 4)}</Year><Month>1</Month><Day>1</Day></PubMedPubDate>` +
    `</History><PublicationStatus>epublish</PublicationStatus><ArticleIdList><ArticleId IdType="pubmed">${line.pmid}</ArticleId>` +
    (doi ? `<ArticleId IdType="doi">${doi}</ArticleId>` : "") +
    `</ArticleIdList></PubmedData></PubmedArticle>`;
  return { pmid: line.pmid, createdDate, xml };
}

/** Parses dev.jsonl text; names the line of a bad record. */
export function sampleRecordsFromJsonl(text: string, file: string): SampleRecord[] {
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ raw: raw.trim(), index }))
    .filter(({ raw }) => raw.length > 0)
    .map(({ raw, index }) => {
      let line: CorpusLine;
      try {
        line = JSON.parse(raw) as CorpusLine;
      } catch (cause) {
        throw new Error(`${file}:${index + 1}: not valid JSON: ${(cause as Error).message}`);
      }
      if (!line.pmid || !/^\d+$/.test(line.pmid)) throw new Error(`${file}:${index + 1}: pmid must be digits`);
      return corpusLineToRecord(line);
    });
}
