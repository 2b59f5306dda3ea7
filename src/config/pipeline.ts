import { z } from "zod";
import { isoDate } from "../imports/dates.js";

/** Pipeline file schema (pipelines/*.yaml). Paths are relative to the project root (the current directory). */
export const pipelineSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens (it names the store and the report folder)"),
    title: z.string().min(1),
    question: z.string().min(1).optional(),
    database: z.literal("pubmed").default("pubmed"),
    query: z.string().min(1).describe("path of the PubMed query file"),
    search: z
      .object({
        /** First creation date searched on a full run (YYYY/MM/DD); null = all years. */
        from: z
          .string()
          .regex(/^\d{4}\/\d{2}\/\d{2}$/, "must be YYYY/MM/DD")
          .refine((v) => !/^\d{4}\/\d{2}\/\d{2}$/.test(v) || isoDate(v) !== null, "is not a date that exists: give a real YYYY/MM/DD")
          .nullable()
          .default(null),
        /** Days an incremental run reaches back before the last successful run. */
        overlap_days: z.number().int().min(0).max(365).default(7),
      })
      .strict()
      .default({ from: null, overlap_days: 7 }),
    fetch: z
      .object({
        batch_size: z.number().int().min(1).max(10000).default(200),
      })
      .strict()
      .default({ batch_size: 200 }),
    vocab: z.string().min(1).default("data/vocab"),
    evaluation: z
      .object({
        /** Labelled articles (JSON lines) the classifiers are measured on at every report; null = not measured. */
        gold: z.string().min(1).nullable().default(null),
      })
      .strict()
      .default({ gold: null }),
    dedupe: z
      .object({
        /** A preprint and its published version: linked (both kept, linked) or merged (preprint becomes a duplicate). */
        preprints: z.enum(["linked", "merged"]).default("linked"),
      })
      .strict()
      .default({ preprints: "linked" }),
    outputs: z
      .array(
        z.enum(["articles.csv", "tags.csv", "evidence-matrix.csv", "claims.csv", "prisma.csv", "possible-duplicates.csv", "summary.md"]),
      )
      .min(1)
      .default(["articles.csv", "tags.csv", "evidence-matrix.csv", "claims.csv", "prisma.csv", "possible-duplicates.csv", "summary.md"]),
  })
  .strict();

export type PipelineFile = z.infer<typeof pipelineSchema>;

/** A loaded, validated pipeline: the file's settings plus the query text it points to. */
export interface PipelineConfig extends PipelineFile {
  /** Path of the pipeline file it came from. */
  file: string;
  /** The PubMed query with comments and line breaks removed, exactly as it is sent. */
  queryText: string;
}
