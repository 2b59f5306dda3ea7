import { streamPubmedXml } from "../stages/parse/pubmed-xml/index.js";
import { parseMedline } from "./medline.js";
import { parseOvid } from "./ovid.js";
import { parseRis } from "./ris.js";
import { parseScopusCsv } from "./scopus-csv.js";
import type { ImportFile, ImportFormat, ImportItem } from "./types.js";
import { parseWos } from "./wos.js";
import { parseWosTabbed } from "./wos-tabbed.js";

type Input = AsyncIterable<Buffer | string>;

/** The streaming parser for each format; all yield one ImportItem per record. */
export function parserFor(format: ImportFormat): (input: Input, file: ImportFile) => AsyncGenerator<ImportItem> {
  switch (format) {
    case "pubmed-xml":
      return (input, file) =>
        streamPubmedXml(input, { database: "pubmed", file: file.file, importedAt: file.importedAt }, file.file);
    case "medline":
      return parseMedline;
    case "ris":
      return parseRis;
    case "wos":
      return parseWos;
    case "wos-tabbed":
      return parseWosTabbed;
    case "ovid":
      return parseOvid;
    case "scopus-csv":
      return parseScopusCsv;
  }
}
