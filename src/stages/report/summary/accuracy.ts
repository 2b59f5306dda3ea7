/** The classifiers' measured accuracy (measured at report time, see measured-accuracy.ts) and the limits of keyword tagging. */
export function accuracySection(accuracy: string | null): string[] {
  const lines = ["## How far to trust the tags", "", "### Measured accuracy", ""];
  if (accuracy === null || accuracy.trim() === "") {
    lines.push("Not measured for this run: the pipeline names no labelled articles (`evaluation.gold`). Run `litreview eval classify --gold FILE.jsonl` to measure it.", "");
  } else {
    lines.push(...demoteHeadings(accuracy.trim()).split(/\r?\n/), "");
  }
  lines.push(
    "### Limitations of keyword tagging",
    "",
    "- Labels come from keyword rules over titles, abstracts, keywords, MeSH, publication types and the journal's title (which names a trial registry for a registration), not from reading full texts.",
    "- Records without an abstract, or new records not yet indexed with MeSH and publication types, are tagged from less text and are more often `uncertain`.",
    "- Negation and context are handled only for the cases the rules know (for example \"randomized trials are needed\" in a review).",
    "- Claims are counted when an article reports on the benefit, whether its result was positive, negative or null.",
    "- Participant numbers and follow-up are read from the abstract when it states them; they can be missing or refer to a subgroup.",
    "- Check the `design_evidence` column of `articles.csv` and `tags.csv` before citing a count.",
    "",
  );
  return lines;
}

/** Headings of the pasted file sit below this section's level so the summary's outline stays intact. */
function demoteHeadings(text: string): string {
  return text.replace(/^(#{1,3}) /gm, (_m, hashes: string) => `${"#".repeat(Math.min(hashes.length + 3, 6))} `);
}
