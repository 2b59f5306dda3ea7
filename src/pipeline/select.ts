import { LitreviewError } from "../errors.js";
import { STAGES, type StageName } from "./context.js";

const NETWORK_STAGES: readonly StageName[] = ["search", "fetch"];

export function parseStageList(value: string, option: string): StageName[] {
  const names = value.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(STAGES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new LitreviewError("USAGE", `${option}: unknown stage ${unknown.join(", ") || "(none)"}; stages are ${STAGES.join(", ")}`);
  }
  return STAGES.filter((s) => names.includes(s));
}

/**
 * Which stages a run executes, in pipeline order. Default: all six, or parse → report with --offline.
 * --stages picks some; --from starts at one.
 */
export function selectStages(options: { offline: boolean; stages: StageName[] | null; from: StageName | null }): StageName[] {
  if (options.stages && options.from) throw new LitreviewError("USAGE", "--stages and --from cannot be used together");
  let chosen: StageName[];
  if (options.stages) chosen = options.stages;
  else if (options.from) chosen = STAGES.slice(STAGES.indexOf(options.from));
  else chosen = options.offline ? STAGES.filter((s) => !NETWORK_STAGES.includes(s)) : [...STAGES];
  if (options.offline) {
    const network = chosen.filter((s) => NETWORK_STAGES.includes(s));
    if (network.length > 0 && (options.stages || options.from)) {
      if (options.from) chosen = chosen.filter((s) => !NETWORK_STAGES.includes(s));
      else {
        const needs = network.length === 1 ? "it needs" : "they need";
        throw new LitreviewError("USAGE", `--offline cannot run ${network.join(" and ")}: ${needs} the network; leave out --offline, or ${network.length === 1 ? "that stage" : "those stages"}`);
      }
    }
  }
  return chosen;
}

export function needsNetwork(stages: StageName[]): boolean {
  return stages.some((s) => NETWORK_STAGES.includes(s));
}

/** Accepts YYYY-MM-DD or YYYY/MM/DD; returns YYYY/MM/DD (the form E-utilities takes). */
export function parseSinceDate(value: string): string {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(value.trim());
  if (!m) throw new LitreviewError("USAGE", `--since ${value}: expected a date as YYYY-MM-DD`);
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) {
    throw new LitreviewError("USAGE", `--since ${value}: not a real date`);
  }
  return `${y}/${mo}/${d}`;
}
