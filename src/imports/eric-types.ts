/**
 * ERIC's publication types as one value ("Journal Articles, Reports - Research", Ovid's RIS) cut into
 * the types ERIC assigns (up to three a record). No ERIC type has a comma or semicolon of its own except
 * inside parentheses ("Creative Works (Literature, Drama, Fine Arts)"), so the value is cut only there.
 */
export function ericPublicationTypes(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    const types: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      else if ((c === "," || c === ";") && depth === 0) {
        types.push(value.slice(start, i));
        start = i + 1;
      }
    }
    types.push(value.slice(start));
    return types.map((t) => t.trim()).filter((t) => t !== "");
  });
}
