/**
 * Opt-in faults of the stand-in server. A fault is a probability in (0, 1) drawn from a seeded
 * generator, or an integer N >= 1 meaning "every Nth request it can apply to".
 */
export type FaultRate = number;

export const FAULT_KINDS = ["status503", "reset", "resetMidBody", "errorIn200", "truncate", "shortBatch", "expireSession"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultOptions = Partial<Record<FaultKind, FaultRate>>;

/** mulberry32: small, seeded, good enough to pick faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  private readonly seen = new Map<FaultKind, number>();
  readonly injected: Record<FaultKind, number> = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;

  constructor(
    private readonly rates: FaultOptions,
    private readonly random: () => number,
  ) {}

  /** Whether `kind` strikes this request (call only when the fault could apply to it). */
  strikes(kind: FaultKind): boolean {
    const rate = this.rates[kind];
    if (rate === undefined || rate <= 0) return false;
    const n = (this.seen.get(kind) ?? 0) + 1;
    this.seen.set(kind, n);
    const hit = rate >= 1 ? n % Math.floor(rate) === 0 : this.random() < rate;
    if (hit) this.injected[kind]++;
    return hit;
  }
}

/** NCBI's rule as the server enforces it: at most `limit` requests in any sliding window. */
export class SlidingWindow {
  private readonly times = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  /** Counts this arrival; returns how many arrived in the window, this one included. */
  arrive(client: string, now: number): number {
    const recent = (this.times.get(client) ?? []).filter((t) => now - t < this.windowMs);
    recent.push(now);
    this.times.set(client, recent);
    return recent.length;
  }
}
