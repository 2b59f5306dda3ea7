/**
 * Participants and longest follow-up of human studies, when the abstract states them. Regular
 * expressions over the plain abstract: numbers may be digits or words ("Thirty volunteers").
 */

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, a: 1, an: 1, single: 1,
};

/** "28", "1,024", "twenty-eight", "Seventy five", "one hundred" -> number, else null. */
export function parseCount(text: string): number | null {
  const t = text.toLowerCase().replace(/,(?=\d{3}\b)/g, "").trim();
  if (/^\d+$/.test(t)) return Number(t);
  let total = 0;
  for (const part of t.split(/[\s-]+/)) {
    if (part === "hundred") total = (total || 1) * 100;
    else if (UNITS[part] !== undefined) total += UNITS[part];
    else return null;
  }
  return total > 0 ? total : null;
}

const NUMBER = "(\\d{1,3}(?:,\\d{3})*|\\d+|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\\s-]?)?(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:one |a )?hundred)";
const PEOPLE =
  "(?:patients|participants|subjects|volunteers|individuals|women|men|females|males|adults|children|people|persons|cases|healthy volunteers)";
const PARTICIPANTS_RE = new RegExp(`\\b${NUMBER}\\s+(?:[a-z-]+\\s+){0,3}?${PEOPLE}\\b`, "gi");
const N_EQUALS_RE = /\bn\s*=\s*(\d{1,6})\b/gi;
const SINGLE_CASE_RE = /\b(?:a|one) case of an? [^.]{0,60}?\b(?:man|woman|boy|girl|patient|male|female)\b/i;

/** Number of participants: the largest count of people the abstract states; a single case is 1. */
export function extractParticipants(abstract: string | null): number | null {
  if (!abstract) return null;
  let best: number | null = null;
  for (const m of abstract.matchAll(PARTICIPANTS_RE)) {
    const before = abstract.slice(Math.max(0, m.index - 12), m.index);
    if (/[%×x]\s*$|\bp\s*[=<]\s*$/i.test(before)) continue;
    // "2 groups of patients", "three arms of participants" count groups, not people.
    if (/\b(groups?|arms?|cohorts?|sessions?|times)\b/i.test(m[0])) continue;
    const n = parseCount(m[1]!);
    if (n !== null && n < 1_000_000 && (best === null || n > best)) best = n;
  }
  if (best === null) {
    for (const m of abstract.matchAll(N_EQUALS_RE)) {
      const n = Number(m[1]);
      if (best === null || n > best) best = n;
    }
  }
  if (best === null && SINGLE_CASE_RE.test(abstract)) best = 1;
  return best;
}

const WEEKS_PER: Record<string, number> = { day: 1 / 7, week: 1, month: 52 / 12, year: 52 };
const DURATION_RE = new RegExp(`\\b${NUMBER}[\\s-]+(day|week|month|year)s?\\b`, "gi");

/** Longest follow-up in weeks: the longest duration stated, leaving out ages, intervals and calendar spans. */
export function extractFollowupWeeks(abstract: string | null): number | null {
  if (!abstract) return null;
  let best: number | null = null;
  for (const m of abstract.matchAll(DURATION_RE)) {
    const after = abstract.slice(m.index + m[0].length, m.index + m[0].length + 14).toLowerCase();
    const before = abstract.slice(Math.max(0, m.index - 16), m.index).toLowerCase();
    if (/^[\s-]*(old|of age|interval|apart|history|duration of)/.test(after) || /\b(aged?|every|each)\s*$/.test(before)) continue;
    if (/^\s*(intervals?)/.test(after) || /\bat\s*$/.test(before) && /^\s*intervals?/.test(after)) continue;
    const n = parseCount(m[1]!);
    const unit = WEEKS_PER[m[2]!.toLowerCase()];
    if (n === null || unit === undefined) continue;
    const weeks = Math.round(n * unit * 10) / 10;
    if (weeks > 0 && weeks <= 52 * 30 && (best === null || weeks > best)) best = weeks;
  }
  return best;
}
