import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";

/** The <PubmedArticle> elements of the fixture files, in file order. */
export function templateRecords(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xml"))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), "utf8").match(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g) ?? []);
}

/** Gives a record a fresh PMID: the citation's own PMID and the PubMed id of its PubmedData/ArticleIdList. */
export function withPmid(record: string, pmid: string): string {
  const cited = record.replace(/(<MedlineCitation[^>]*>\s*<PMID[^>]*>)\d+(<\/PMID>)/, `$1${pmid}$2`);
  return cited.replace(/(<PubmedData>[\s\S]*?<ArticleIdList>[\s\S]*?<ArticleId IdType="pubmed">)\d+(<\/ArticleId>)/, `$1${pmid}$2`);
}

/**
 * Writes an efetch-shaped file of `count` records: the templates repeated with fresh PMIDs from 90000001.
 * The DOCTYPE names pubmed_190101, the newest PubMed DTD the Debian Biopython ships, so Entrez.read needs no download.
 */
export async function buildCorpus(path: string, count: number, templates: string[]): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n<PubmedArticleSet>\n',
  );
  for (let i = 0; i < count; i++) {
    if (!out.write(`${withPmid(templates[i % templates.length]!, String(90000001 + i))}\n`)) await once(out, "drain");
  }
  out.end("</PubmedArticleSet>\n");
  await once(out, "finish");
}
