/**
 * Query files hold a PubMed search string with comments: `#` starts a comment that runs to the end of
 * the line (PubMed syntax has no `#`), blank lines are ignored, and lines are joined with single spaces.
 */
export function queryFromFile(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line.length > 0)
    .join(" ")
    .replace(/\s+/g, " ")
    .replace(/\(\s+/g, "(")
    .replace(/\s+\)/g, ")")
    .trim();
}
