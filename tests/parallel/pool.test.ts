import { threadId } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { LitreviewError } from "../../src/errors.js";
import { createPool, DEFAULT_MAX_THREADS, mapOrdered, threadCount, threadsPayFor, THREADS_MIN_RECORDS, type WorkerPool } from "../../src/parallel/pool.js";
import type { ShoutInput } from "./fixtures/shout-worker.js";
import type { SignalInput } from "./fixtures/signal-worker.js";

const SHOUT = new URL("./fixtures/shout-worker.ts", import.meta.url);
type Shouted = { text: string; threadId: number };

let pools: WorkerPool<unknown, unknown>[] = [];
function pool(threads: number, module = SHOUT): WorkerPool<ShoutInput, Shouted> {
  const made = createPool<ShoutInput, Shouted>(module, { threads });
  pools.push(made as WorkerPool<unknown, unknown>);
  return made;
}

afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const words = Array.from({ length: 40 }, (_, i) => ({ text: `word ${i} é` }));

describe("worker pool", () => {
  it("runs the module in other threads and gives the outputs in input order", async () => {
    const threaded = pool(2);
    expect(threaded.threads).toBe(2);
    const out = await collect(mapOrdered(threaded, words));
    expect(out.map((o) => o.text)).toEqual(words.map((w) => w.text.toUpperCase()));
    expect(out.every((o) => o.threadId !== threadId)).toBe(true);
    expect(new Set(out.map((o) => o.threadId)).size).toBeGreaterThanOrEqual(2);
  });

  it("runs inline with one thread, with the same results", async () => {
    const inline = pool(1);
    expect(inline.threads).toBe(0);
    const out = await collect(mapOrdered(inline, words));
    expect(out.map((o) => o.text)).toEqual(words.map((w) => w.text.toUpperCase()));
    expect(out.every((o) => o.threadId === threadId)).toBe(true);
  });

  it("passes a worker's error back with its message and fields, and keeps working", async () => {
    const threaded = pool(2);
    await expect(threaded.run({ text: "quiet", fail: true })).rejects.toMatchObject({
      message: 'cannot shout "quiet"',
      code: "INPUT",
      record: "quiet",
    });
    await expect(threaded.run({ text: "again" })).resolves.toMatchObject({ text: "AGAIN" });
  });

  it("gives a worker's LitreviewError back as one, code and context kept", async () => {
    const error = await pool(2).run({ text: "vocab", misconfigured: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LitreviewError);
    expect(error).toMatchObject({ code: "CONFIG", message: 'no rules for "vocab"', context: { text: "vocab" } });
  });

  it("runs on one thread beside the main one when asked", async () => {
    const beside = createPool<ShoutInput, Shouted>(SHOUT, { threads: 1, inline: false });
    pools.push(beside as WorkerPool<unknown, unknown>);
    expect(beside.threads).toBe(1);
    expect((await beside.run({ text: "aside" })).threadId).not.toBe(threadId);
  });

  it("once ready, hands a task to its thread at once, while the main thread is still busy", async () => {
    const beside = createPool<ShoutInput, Shouted>(SHOUT, { threads: 1, inline: false });
    pools.push(beside as WorkerPool<unknown, unknown>);
    await beside.ready();
    const started = new Int32Array(new SharedArrayBuffer(4));
    const shouted = beside.run({ text: "now", started });
    // Blocks the main thread, as a stage's synchronous work does: the task must reach the thread meanwhile.
    expect(Atomics.wait(started, 0, 0, 20_000)).not.toBe("timed-out");
    expect((await shouted).text).toBe("NOW");
  });

  it("stops an ordered map at the first failure", async () => {
    const inputs = [{ text: "a" }, { text: "b", fail: true }, { text: "c" }];
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const o of mapOrdered(pool(2), inputs)) seen.push(o.text);
      })(),
    ).rejects.toThrow('cannot shout "b"');
    expect(seen).toEqual(["A"]);
  });

  it("rejects when the module has no default export, in a thread and inline", async () => {
    const missing = new URL("./fixtures/no-default-worker.ts", import.meta.url);
    await expect(pool(2, missing).run({ text: "x" })).rejects.toThrow(/no default export/);
    await expect(pool(1, missing).run({ text: "x" })).rejects.toThrow(/no default export/);
  });

  it("runs a module that reads files beside itself and imports packages, in a thread as inline", async () => {
    const beside = new URL("./fixtures/beside-worker.ts", import.meta.url);
    for (const threads of [2, 1]) {
      const greeter = createPool<string, string>(beside, { threads });
      pools.push(greeter as WorkerPool<unknown, unknown>);
      expect(await Promise.all(["en", "fr", "de"].map((l) => greeter.run(l)))).toEqual(["hello", "bonjour", "?"]);
    }
  });

  it("keeps the threads while any pool is open, and ends them with the last", async () => {
    const first = pool(2);
    const second = pool(2);
    await first.close();
    await expect(second.run({ text: "still" })).resolves.toMatchObject({ text: "STILL" });
    expect(second.threads).toBe(2);
    await second.close();
    expect(second.threads).toBe(0);
    await expect(pool(2).run({ text: "anew" })).resolves.toMatchObject({ text: "ANEW" });
  });

  it("sends a thread its next task before it answers the last, so it need not wait for a busy main thread", async () => {
    const signals = createPool<SignalInput, number>(new URL("./fixtures/signal-worker.ts", import.meta.url), { threads: 1, inline: false });
    pools.push(signals as WorkerPool<unknown, unknown>);
    await signals.ready();
    const started = new SharedArrayBuffer(4);
    const flag = new Int32Array(started);
    const runs = [signals.run({ started, task: 1 }), signals.run({ started, task: 2 })];
    // The main thread now blocks (as while it writes the store) for up to 10 s: task 2 can start only if it was already sent.
    const deadline = Date.now() + 10_000;
    for (let seen = Atomics.load(flag, 0); seen !== 2 && Date.now() < deadline; seen = Atomics.load(flag, 0)) Atomics.wait(flag, 0, seen, 100);
    expect(Atomics.load(flag, 0)).toBe(2);
    expect(await Promise.all(runs)).toEqual([1, 2]);
  });

  it("rejects runs after close", async () => {
    const threaded = pool(2);
    await threaded.close();
    await expect(threaded.run({ text: "late" })).rejects.toThrow(/closed/);
  });
});

describe("threadsPayFor", () => {
  it("wants enough records and more than one thread", () => {
    expect(threadsPayFor(THREADS_MIN_RECORDS, { LITREVIEW_THREADS: "2" })).toBe(true);
    expect(threadsPayFor(THREADS_MIN_RECORDS - 1, { LITREVIEW_THREADS: "2" })).toBe(false);
    expect(threadsPayFor(1_000_000, { LITREVIEW_THREADS: "1" })).toBe(false);
  });
});

describe("threadCount", () => {
  it("reads LITREVIEW_THREADS and refuses nonsense", () => {
    expect(threadCount({ LITREVIEW_THREADS: "3" })).toBe(3);
    expect(threadCount({})).toBeGreaterThanOrEqual(1);
    expect(threadCount({}, 1)).toBe(1);
    expect(threadCount({}, 2)).toBe(2);
    // More cores add memory (a heap per thread) faster than speed (the main thread alone writes the store).
    expect(threadCount({}, 16)).toBe(DEFAULT_MAX_THREADS);
    expect(threadCount({ LITREVIEW_THREADS: "8" }, 16)).toBe(8);
    expect(() => threadCount({ LITREVIEW_THREADS: "0" })).toThrow(/LITREVIEW_THREADS/);
    expect(() => threadCount({ LITREVIEW_THREADS: "-1" })).toThrow(expect.objectContaining({ code: "USAGE" }));
    expect(() => threadCount({ LITREVIEW_THREADS: "two" })).toThrow(/LITREVIEW_THREADS/);
  });
});
