import PQueue from "p-queue";

/**
 * NCBI allows 3 requests per second without an API key and 10 with one, counted per process here
 * across all stages. The window is widened by a margin because the server sees our requests with
 * network jitter: a request started 1,000 ms after another can arrive 990 ms after it.
 */
export const RATE_WITHOUT_KEY = 3;
export const RATE_WITH_KEY = 10;
export const WINDOW_MARGIN_MS = 150;

export interface RateLimiter {
  readonly perSecond: number;
  /** Runs one HTTP attempt when the sliding window allows it. */
  schedule<T>(task: () => Promise<T>): Promise<T>;
}

export function createRateLimiter(perSecond: number, windowMs = 1000 + WINDOW_MARGIN_MS): RateLimiter {
  // strict = sliding window over the start times of the last `intervalCap` tasks (p-queue 9).
  const queue = new PQueue({ intervalCap: perSecond, interval: windowMs, strict: true, concurrency: perSecond });
  return { perSecond, schedule: (task) => queue.add(task) };
}

const shared = new Map<number, RateLimiter>();

/** The process-wide limiter for a rate: every client with the same rate shares one window. */
export function sharedRateLimiter(perSecond: number): RateLimiter {
  let limiter = shared.get(perSecond);
  if (!limiter) {
    limiter = createRateLimiter(perSecond);
    shared.set(perSecond, limiter);
  }
  return limiter;
}
