/**
 * PubMed publication type names (NLM's list, the ones a review meets). EndNote writes a PubMed record's
 * publication types among the untagged N1 lines, mixed with author names, dates and the citation;
 * only lines that are exactly one of these names are taken as publication types.
 */
const PUBMED_TYPES = [
  "Adaptive Clinical Trial",
  "Biography",
  "Case Reports",
  "Clinical Conference",
  "Clinical Study",
  "Clinical Trial",
  "Clinical Trial Protocol",
  "Clinical Trial, Phase I",
  "Clinical Trial, Phase II",
  "Clinical Trial, Phase III",
  "Clinical Trial, Phase IV",
  "Clinical Trial, Veterinary",
  "Comment",
  "Comparative Study",
  "Congress",
  "Consensus Development Conference",
  "Controlled Clinical Trial",
  "Corrected and Republished Article",
  "Duplicate Publication",
  "Editorial",
  "English Abstract",
  "Equivalence Trial",
  "Evaluation Study",
  "Expression of Concern",
  "Guideline",
  "Historical Article",
  "Interview",
  "Introductory Journal Article",
  "Journal Article",
  "Lecture",
  "Letter",
  "Meta-Analysis",
  "Multicenter Study",
  "Network Meta-Analysis",
  "News",
  "Observational Study",
  "Observational Study, Veterinary",
  "Practice Guideline",
  "Pragmatic Clinical Trial",
  "Preprint",
  "Published Erratum",
  "Randomized Controlled Trial",
  "Randomized Controlled Trial, Veterinary",
  "Research Support, American Recovery and Reinvestment Act",
  "Research Support, N.I.H., Extramural",
  "Research Support, N.I.H., Intramural",
  "Research Support, Non-U.S. Gov't",
  "Research Support, U.S. Gov't, Non-P.H.S.",
  "Research Support, U.S. Gov't, P.H.S.",
  "Retracted Publication",
  "Retraction of Publication",
  "Review",
  "Scoping Review",
  "Systematic Review",
  "Twin Study",
  "Validation Study",
  "Video-Audio Media",
];

const BY_LOWER = new Map(PUBMED_TYPES.map((t) => [t.toLowerCase(), t]));

/** The values that are PubMed publication type names, in NLM's spelling. */
export function pubmedTypesIn(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const type = BY_LOWER.get(value.trim().toLowerCase());
    if (type && !out.includes(type)) out.push(type);
  }
  return out;
}
