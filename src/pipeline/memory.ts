import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8's full garbage collection, as `--expose-gc` gives it, without asking every user to pass that flag:
 * the flag is set, then `gc` is taken from a fresh context, which is created with it.
 */
function exposedGc(): (() => void) | null {
  setFlagsFromString("--expose-gc");
  const gc: unknown = runInNewContext("typeof gc === 'function' ? gc : null");
  return typeof gc === "function" ? (gc as () => void) : null;
}

const gc = exposedGc();

/**
 * Collects what a finished stage left behind. V8 would otherwise keep it until it next needed room, on
 * top of the next stage's own peak: collecting between stages cut the peak of `run --offline` over
 * 20,000 records from 445 to 356-371 MB, for about 0.1 s.
 */
export function releaseStageGarbage(): void {
  gc?.();
}
