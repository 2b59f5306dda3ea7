import type { Article } from "../../../model/article.js";
import { authorNames, ET_AL, recordUrl } from "../view.js";

/** Text safe inside a Markdown paragraph or table cell: one line, Markdown punctuation escaped. */
export function md(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** Text safe inside a quoted Mermaid label. */
export function mermaidText(text: string): string {
  return text.replace(/\s+/g, " ").replace(/"/g, "#quot;");
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

/** "PMID 123" linked to PubMed, else the DOI linked to doi.org, else the record id. */
export function recordLink(article: Article): string {
  const url = recordUrl(article);
  const label = article.pmid ? `PMID ${article.pmid}` : article.doi ? `doi:${article.doi}` : article.recordId;
  return url ? `[${md(label)}](${url})` : md(label);
}

/** Short citation: `Kim SH et al. (2020). Title. *Journal*. [PMID 1](url)`. */
export function shortCitation(article: Article): string {
  const names = authorNames(article);
  const cut = names.length > 1 || article.authorListComplete === false;
  const who = names.length === 0 ? "[No authors listed]" : cut ? `${names[0]!} ${ET_AL}` : names[0]!;
  const year = article.pubDate.year === null ? "n.d." : String(article.pubDate.year);
  const title = article.title ? md(article.title.replace(/\.$/, "")) : "(no title)";
  const journal = article.journal.isoAbbreviation ?? article.journal.title;
  // An abbreviated journal name ("Int. J. Mol. Sci.") already ends the sentence.
  const where = journal ? ` *${md(journal)}*${journal.trimEnd().endsWith(".") ? "" : "."}` : "";
  return `${md(who)} (${year}). ${title}.${where} ${recordLink(article)}`;
}

/** "1 record", "2 records". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
