import cliProgress from "cli-progress";
import type { Progress, StageName } from "./context.js";
import { noProgress } from "./context.js";

/** A progress bar per long stage on a terminal (records done / total, rate, time left); nothing otherwise. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return noProgress;
  const bars = new Map<StageName, cliProgress.SingleBar>();
  return {
    start(stage, total) {
      const bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${stage.padEnd(8)} [{bar}] {value}/{total} records | {rate}/s | ETA {eta_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      const started = Date.now();
      bar.start(total, 0, { rate: "0" });
      bars.set(stage, Object.assign(bar, { started }));
    },
    advance(stage, done) {
      const bar = bars.get(stage) as (cliProgress.SingleBar & { started: number }) | undefined;
      if (!bar) return;
      const seconds = Math.max((Date.now() - bar.started) / 1000, 0.001);
      bar.update(done, { rate: (done / seconds).toFixed(1) });
    },
    stop(stage) {
      bars.get(stage)?.stop();
      bars.delete(stage);
    },
  };
}
