/**
 * What every match of a pattern must contain, read from its source, so a text can be passed over
 * without running the pattern. Each requirement is a list of strings of which a matching text
 * contains at least one: a run of plain characters gives one string, a group of plain alternatives
 * `(describe|report)` one per alternative, a class of plain characters `[<=>]` one per character.
 * The strings are lower case and ASCII (requirements with other characters are left out), for the
 * prepared sentences patterns run on: lower case, and without ſ and K (Kelvin), which NFKD turns into
 * s and k and which are the only characters that `iu` folds to ASCII letters; so `i` or `iu` changes
 * nothing for these strings. Null when the source uses syntax this reading does not cover (it then
 * promises nothing).
 */
export function requiredStrings(source: string): string[][] | null {
  const parser = new SourceReader(source);
  const top = parser.alternatives();
  if (top === null || parser.pos !== source.length || top.length !== 1) return null;
  const required: string[][] = [];
  let run = "";
  const flush = () => {
    if (run) required.push([run]);
    run = "";
  };
  for (const term of top[0]!) {
    if (term.kind === "char" && term.min === 1 && term.max === 1) {
      run += term.char;
      continue;
    }
    flush();
    if (term.min < 1) continue;
    const choices = term.kind === "group" ? plainAlternatives(term.alternatives) : term.kind === "class" ? term.chars : null;
    if (choices && choices.every((c) => c.length > 0)) required.push(choices);
  }
  flush();
  return required.filter((choices) => choices.every((c) => /^[\x00-\x7f]*$/.test(c))).map((choices) => choices.map((c) => c.toLowerCase()));
}

/** A class lists its characters when they are plain ones; `other` is any atom that promises no text (\\d, ., \\b, lookarounds). */
type Atom =
  | { kind: "char"; char: string }
  | { kind: "class"; chars: string[] | null }
  | { kind: "group"; alternatives: Term[][] }
  | { kind: "other" };
/** An atom with how many times it must and may occur. */
type Term = Atom & { min: number; max: number };

/** Each alternative as a string when all are runs of plain characters, each exactly once. */
function plainAlternatives(alternatives: Term[][]): string[] | null {
  const out: string[] = [];
  for (const terms of alternatives) {
    let s = "";
    for (const t of terms) {
      if (t.kind !== "char" || t.min !== 1 || t.max !== 1) return null;
      s += t.char;
    }
    out.push(s);
  }
  return out;
}

const SYNTAX = "^$\\.*+?()[]{}|/";

/** A reader of the regular-expression syntax valid with the `u` flag (which the vocabulary schema checks). */
class SourceReader {
  pos = 0;
  constructor(private readonly source: string) {}

  /** Alternatives up to the end or a closing parenthesis; null on syntax not covered. */
  alternatives(): Term[][] | null {
    const alternatives: Term[][] = [[]];
    while (this.pos < this.source.length && this.source[this.pos] !== ")") {
      if (this.source[this.pos] === "|") {
        this.pos++;
        alternatives.push([]);
        continue;
      }
      const term = this.term();
      if (term === null) return null;
      alternatives[alternatives.length - 1]!.push(term);
    }
    return alternatives;
  }

  private term(): Term | null {
    const atom = this.atom();
    if (atom === null) return null;
    const [min, max] = this.quantifier();
    if (min < 0) return null;
    return { ...atom, min, max };
  }

  /** [min, max] of a quantifier (max Infinity when open), [1, 1] when there is none, [-1, -1] when malformed. */
  private quantifier(): [number, number] {
    const s = this.source;
    let q: [number, number] = [1, 1];
    const c = s[this.pos];
    if (c === "*") q = [0, Infinity];
    else if (c === "+") q = [1, Infinity];
    else if (c === "?") q = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.pos));
      if (!m) return [-1, -1];
      this.pos += m[0].length - 1;
      q = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity];
    } else return q;
    this.pos++;
    if (s[this.pos] === "?") this.pos++;
    return q;
  }

  /** One atom without its quantifier; zero-width assertions are `other` atoms that can be quantified 0 times. */
  private atom(): Atom | null {
    const s = this.source;
    const c = s[this.pos]!;
    if (c === "(") return this.group();
    if (c === "[") return this.charClass();
    if (c === "\\") {
      const e = s[this.pos + 1];
      this.pos += 2;
      if (e !== undefined && SYNTAX.includes(e)) return { kind: "char", char: e };
      if (e !== undefined && "bBdDwWsSfnrtv".includes(e)) return { kind: "other" };
      return null;
    }
    if ("*+?{}]".includes(c)) return null;
    this.pos++;
    if (c === "^" || c === "$" || c === ".") return { kind: "other" };
    // An astral character is one atom under `u`: not covered.
    if (c >= "\ud800" && c <= "\udfff") return null;
    return { kind: "char", char: c };
  }

  private group(): Atom | null {
    const s = this.source;
    this.pos++;
    let lookaround = false;
    if (s.startsWith("?:", this.pos)) this.pos += 2;
    else if (s.startsWith("?=", this.pos) || s.startsWith("?!", this.pos)) (this.pos += 2), (lookaround = true);
    else if (s.startsWith("?<=", this.pos) || s.startsWith("?<!", this.pos)) (this.pos += 3), (lookaround = true);
    else if (s.startsWith("?<", this.pos)) {
      const end = s.indexOf(">", this.pos);
      if (end < 0) return null;
      this.pos = end + 1;
    } else if (s[this.pos] === "?") return null;
    const alternatives = this.alternatives();
    if (alternatives === null || s[this.pos] !== ")") return null;
    this.pos++;
    return lookaround ? { kind: "other" } : { kind: "group", alternatives };
  }

  /** A class of plain characters lists them; negated classes, ranges and escaped classes are `other`. */
  private charClass(): Atom | null {
    const s = this.source;
    this.pos++;
    const negated = s[this.pos] === "^";
    if (negated) this.pos++;
    const chars: string[] = [];
    let plain = !negated;
    while (this.pos < s.length && s[this.pos] !== "]") {
      const c = s[this.pos]!;
      if (c === "\\") {
        const e = s[this.pos + 1];
        if (e === undefined) return null;
        if (SYNTAX.includes(e) || e === "-") chars.push(e);
        else if ("dDwWsSfnrtv".includes(e)) plain = false;
        else return null;
        this.pos += 2;
        continue;
      }
      if (c === "-" || (c >= "\ud800" && c <= "\udfff")) plain = false;
      chars.push(c);
      this.pos++;
    }
    if (s[this.pos] !== "]") return null;
    this.pos++;
    return { kind: "class", chars: plain && chars.length > 0 ? chars : null };
  }
}
