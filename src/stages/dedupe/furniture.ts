/**
 * Page furniture in abstracts taken from PDF text (Scribd uploads, repositories, text dumps): the running
 * head, page numbers, the journal footer, "Downloaded from ...", and, where two columns were read across,
 * lines of the authors' addresses. Each such line breaks the word trigrams around it and adds its own, so a
 * copy of the abstract seems to share less of it than it does. Only text broken into lines is touched: an
 * abstract as a database gives it has no line breaks.
 */

const MIN_LINES = 4;

/** Numbers only: page numbers ("12", "1/8", "3 of 12" without words), affiliation marks ("2", "1,3"). */
const NUMBERS_ONLY = /^[\d\s.,;:()/–—-]*$/;
const PAGE_OF = /^page\s+\d+(\s+of\s+\d+)?$/i;
/** Addresses, links and ids: an e-mail (or a page's "[email protected]"), a URL, a DOI. */
const CONTACT_OR_LINK = /@|\[email\s*protected\]|https?:\/\/|\bwww\.|\bdoi:?\s*10\.\d/i;
const NOTICE = /downloaded from|all rights reserved|©|\bcopyright\b/i;
/** A running head or footer: "Journal | 6:7506 | DOI ..." */
const RUNNING_HEAD = /\s\|\s/;

/** Every word capitalised (or a number), with a comma or a digit: an address line ("Toronto, Ontario, Canada"). */
function isAddressLine(line: string): boolean {
  if (!/[,\d]/.test(line)) return false;
  const words = line.split(/\s+/).filter((w) => /[a-z]/i.test(w));
  return words.length > 0 && words.every((w) => /^[^a-z]*[A-Z0-9]/.test(w));
}

function isFurniture(line: string): boolean {
  const t = line.trim();
  return (
    t === "" ||
    NUMBERS_ONLY.test(t) ||
    PAGE_OF.test(t) ||
    CONTACT_OR_LINK.test(t) ||
    NOTICE.test(t) ||
    RUNNING_HEAD.test(t) ||
    isAddressLine(t)
  );
}

/** The abstract without its page-furniture lines (see above); text with fewer lines as it is. */
export function withoutPageFurniture(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split(/\r?\n/);
  if (lines.filter((l) => l.trim() !== "").length < MIN_LINES) return text;
  return lines.filter((l) => !isFurniture(l)).join("\n");
}
