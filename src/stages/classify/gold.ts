import { z } from "zod";
import { LitreviewError } from "../../errors.js";
import { emptyArticle } from "../../model/article.js";
import type { Article } from "../../model/article.js";
import { CONDITIONS, DESIGNS, EXOSOME_SOURCES } from "../../model/taxonomy.js";

/** Labelled articles in the format of the shared corpus (one JSON object per line). */

const labelId = (ids: readonly string[], what: string) =>
  z.string().refine((v) => ids.includes(v), { error: (issue) => `"${String(issue.input)}" is not a ${what} id (one of: ${ids.join(", ")})` });

const goldSchema = z.object({
  id: z.string().min(1),
  pmid: z.string().nullable().optional(),
  doi: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  journal: z.string().nullable().optional(),
  year: z.number().int().nullable().optional(),
  publication_type: z.string().nullable().optional(),
  abstract: z.string().nullable().optional(),
  design: labelId(DESIGNS, "design"),
  conditions: z.array(labelId(CONDITIONS, "condition")),
  exosome_source: z.array(labelId(EXOSOME_SOURCES, "exosome source")),
  is_exosome_topic: z.boolean(),
});

export type GoldRecord = z.infer<typeof goldSchema>;

/** `file` names the labelled file in messages. A malformed file is a usage error (exit 2): the figures
 * measured on it would mean nothing. */
export function parseGold(text: string, file = "gold file"): GoldRecord[] {
  const out: GoldRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (e) {
      throw new LitreviewError("USAGE", `${file} line ${i + 1}: not valid JSON (${(e as Error).message}); each line must be one labelled article`);
    }
    const parsed = goldSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new LitreviewError("USAGE", `${file} line ${i + 1}: field ${issue.path.join(".") || "(record)"}: ${issue.message}`);
    }
    out.push(parsed.data);
  });
  return out;
}

/** The article a gold line describes, as a parser would have produced it from PubMed. */
export function goldToArticle(g: GoldRecord): Article {
  const a = emptyArticle(g.pmid ?? g.id, { database: "gold", file: null, ownId: g.id, importedAt: "1970-01-01T00:00:00Z" });
  a.pmid = g.pmid ?? null;
  a.doi = g.doi ?? null;
  a.title = g.title ?? null;
  a.abstract = g.abstract ?? null;
  if (g.abstract) a.abstractSections = [{ label: null, nlmCategory: null, text: g.abstract }];
  a.journal.title = g.journal ?? null;
  a.pubDate.year = g.year ?? null;
  a.publicationTypes = g.publication_type ? g.publication_type.split(";").map((s) => s.trim()).filter(Boolean) : [];
  return a;
}
