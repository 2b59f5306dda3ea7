/**
 * Worker threads for CPU-bound stage work (parsing records, classifying them), so it uses every core while
 * the main thread keeps the store. One set of threads serves every pool open at the same time; a pool is
 * a handle that runs one module's default export on them. When the last open pool closes the threads end,
 * so a stage that is done gives their memory back before the next stage starts. Inputs and outputs cross by
 * structured clone: send strings and plain arrays. `LITREVIEW_THREADS=1` (or a one-core machine) runs
 * the module inline in the main thread, with the same results.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { LitreviewError, type ErrorCode } from "../errors.js";
import { workerBundle } from "./bundle.js";

export interface WorkerPool<In, Out> {
  /** Threads doing the work; 0 when the module runs inline in the main thread. */
  readonly threads: number;
  run(input: In): Promise<Out>;
  /**
   * Resolves when the module is ready, from when on run() hands its input to a thread at once. A task
   * run before the main thread starts long synchronous work should await this first: a task still waiting
   * for the module waits for that work to end too, as only the main thread's event loop can send it.
   */
  ready(): Promise<void>;
  /** Rejects this pool's later runs; the threads end when no other pool is open. */
  close(): Promise<void>;
}

type Handler<In, Out> = (input: In) => Out | Promise<Out>;

interface Task {
  id: number;
  module: string;
  /** The module's bundle, sent to a thread with the first task of that module it gets. */
  code: string;
  input: unknown;
  resolve: (output: any) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The tasks sent to this thread, oldest first: it answers them in that order. */
  tasks: Task[];
  /** Modules whose bundle this thread has been sent. */
  loaded: Set<string>;
}

interface WorkerError extends Record<string, unknown> {
  name: string;
  message: string;
  stack?: string;
}

const ENTRY = new URL("./worker-entry.mjs", import.meta.url);

/**
 * Tasks sent to a thread ahead of its answers. With one, a thread that finished its task waited for the main
 * thread's event loop to send the next, and the main thread is often in long synchronous work (writing the
 * store): at 20,000 records each import thread idled about 2 s so. With two, the next task is already in
 * the thread's own queue; the main thread only has to refill it within one task's time.
 */
const TASKS_PER_THREAD = 2;

/**
 * Worker threads used by default, however many cores there are: each adds its own heap (about 50 MB while it
 * parses or classifies), and at 20,000 records 4 threads took the import to 495 MB and 8 to 706 MB against
 * 300-395 MB with 2, over the 400 MB a run is meant to stay within. Beyond 2 the main thread, which alone
 * writes the store, bounds the speed anyway. `LITREVIEW_THREADS` sets more on a machine with memory to spare.
 */
export const DEFAULT_MAX_THREADS = 2;

/** Threads to use: `LITREVIEW_THREADS` when set to a positive integer, else one per core up to DEFAULT_MAX_THREADS. */
export function threadCount(env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): number {
  const requested = env.LITREVIEW_THREADS?.trim();
  if (requested) {
    const n = Number(requested);
    if (!Number.isInteger(n) || n < 1) {
      throw new LitreviewError("USAGE", `LITREVIEW_THREADS must be a positive whole number (1 = no worker threads), not "${requested}"`);
    }
    return n;
  }
  return Math.min(cores, DEFAULT_MAX_THREADS);
}

/** Fewer records than this are worked on in the main thread: starting worker threads would cost more. */
export const THREADS_MIN_RECORDS = 4000;

/** Whether work over `records` records pays for worker threads: enough records, and more than one thread to use. */
export function threadsPayFor(records: number, env: NodeJS.ProcessEnv = process.env): boolean {
  return records >= THREADS_MIN_RECORDS && threadCount(env) > 1;
}

/**
 * A worker's error as an Error again, keeping its name, code and any other own fields; a LitreviewError
 * comes back as one, so the command line still maps it to its exit code.
 */
function revive(raw: WorkerError): Error {
  const error =
    raw.name === "LitreviewError"
      ? new LitreviewError(raw.code as ErrorCode, raw.message, { context: raw.context as Record<string, unknown> })
      : new Error(raw.message);
  Object.assign(error, raw);
  error.name = raw.name;
  return error;
}

/** The threads of the open pools: started on first use, referenced only while they have work. */
class SharedThreads {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private openPools = 0;

  get size(): number {
    return this.slots.length;
  }

  /** A pool opens: starts threads until there are at least `n`. */
  open(n: number): void {
    this.openPools++;
    while (this.slots.length < n) this.start();
  }

  /** A pool closes: the last one to close ends the threads (what is still queued or running is rejected). */
  async close(): Promise<void> {
    if (--this.openPools > 0) return;
    const ending = this.slots.splice(0);
    const error = new Error("the worker pool was closed");
    for (const task of this.queue.splice(0)) task.reject(error);
    for (const slot of ending) for (const task of slot.tasks.splice(0)) task.reject(error);
    await Promise.all(ending.map((slot) => slot.worker.terminate()));
  }

  run(module: string, code: string, input: unknown): Promise<unknown> {
    if (this.slots.length === 0) return Promise.reject(new Error("the worker threads have stopped (see the error before this one)"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, module, code, input, resolve, reject });
      this.dispatch();
    });
  }

  private start(): void {
    // execArgv: [] so a parent started with `--import tsx` does not load tsx in the thread: it runs bundles. V8's
    // default young generation is kept: capping it at 12-24 MB cut the peak by 40-70 MB but cost 35% more
    // CPU on the 20,000-record import (records outlived the young generation and were promoted).
    const worker = new Worker(ENTRY, { execArgv: [] });
    worker.unref();
    const slot: Slot = { worker, tasks: [], loaded: new Set() };
    worker.on("message", (message: { id: number; output?: unknown; error?: WorkerError }) => {
      if (slot.tasks[0]?.id !== message.id) return;
      const task = slot.tasks.shift()!;
      if (slot.tasks.length === 0) worker.unref();
      if (message.error) task.reject(revive(message.error));
      else task.resolve(message.output);
      this.dispatch();
    });
    worker.on("error", (error) => this.lose(slot, new Error(`a worker thread failed: ${error.message}`, { cause: error })));
    worker.on("exit", (code) => this.lose(slot, new Error(`a worker thread stopped with exit code ${code}`)));
    this.slots.push(slot);
  }

  private dispatch(): void {
    // Round by round, so that each thread gets a task before any gets its second.
    for (let round = 1; round <= TASKS_PER_THREAD; round++) {
      for (const slot of this.slots) {
        if (slot.tasks.length >= round || this.queue.length === 0) continue;
        const task = this.queue.shift()!;
        slot.tasks.push(task);
        slot.worker.ref();
        const code = slot.loaded.has(task.module) ? undefined : task.code;
        slot.loaded.add(task.module);
        slot.worker.postMessage({ id: task.id, module: task.module, code, input: task.input });
      }
    }
  }

  /** A thread that died takes its tasks with it; the others carry on with the queue. */
  private lose(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    for (const task of slot.tasks.splice(0)) task.reject(error);
    if (this.slots.length === 0) for (const task of this.queue.splice(0)) task.reject(error);
    else this.dispatch();
  }
}

const shared = new SharedThreads();

class ThreadPool<In, Out> implements WorkerPool<In, Out> {
  private closed = false;
  private readonly code: Promise<string>;
  /** The bundle once built, so that run() can send a task without waiting for the event loop. */
  private built: string | null = null;

  constructor(
    private readonly module: string,
    threads: number,
  ) {
    shared.open(threads);
    this.code = workerBundle(module);
    this.code.then((code) => (this.built = code)).catch(() => {}); // reported by run()
  }

  get threads(): number {
    return shared.size;
  }

  async ready(): Promise<void> {
    await this.code;
  }

  run(input: In): Promise<Out> {
    if (this.closed) return Promise.reject(new Error("the worker pool was closed"));
    if (this.built !== null) return shared.run(this.module, this.built, input) as Promise<Out>;
    return this.code.then((code) => {
      if (this.closed) throw new Error("the worker pool was closed");
      return shared.run(this.module, code, input) as Promise<Out>;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await shared.close();
  }
}

class InlinePool<In, Out> implements WorkerPool<In, Out> {
  readonly threads = 0;
  private readonly handler: Promise<Handler<In, Out>>;
  private closed = false;

  constructor(module: string) {
    this.handler = import(module).then((m: { default?: unknown }) => {
      if (typeof m.default !== "function") throw new Error(`${module} has no default export function for the worker pool`);
      return m.default as Handler<In, Out>;
    });
    this.handler.catch(() => {}); // reported by run()
  }

  async ready(): Promise<void> {
    await this.handler;
  }

  async run(input: In): Promise<Out> {
    if (this.closed) throw new Error("the worker pool was closed");
    return (await this.handler)(input);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

export interface PoolOptions {
  /** Threads to run on (default threadCount()). */
  threads?: number;
  /**
   * Run in the main thread instead (default: when `threads` is 1, as with LITREVIEW_THREADS=1 or one core).
   * `{ threads: 1, inline: false }` is one thread beside the main one, for work that overlaps the main thread's.
   */
  inline?: boolean;
}

/** A pool running `module`'s default export on worker threads, or inline: no thread start-up, same results. */
export function createPool<In, Out>(module: URL, options: PoolOptions = {}): WorkerPool<In, Out> {
  const threads = options.threads ?? threadCount();
  const inline = options.inline ?? threads <= 1;
  return inline ? new InlinePool<In, Out>(module.href) : new ThreadPool<In, Out>(module.href, Math.max(1, threads));
}

/**
 * Runs every input through the pool and yields the outputs in input order, keeping at most `inFlight`
 * inputs at work so memory stays bounded however many inputs there are.
 */
export async function* mapOrdered<In, Out>(
  pool: WorkerPool<In, Out>,
  inputs: Iterable<In> | AsyncIterable<In>,
  inFlight = Math.max(2, pool.threads * 2),
): AsyncGenerator<Out> {
  const pending: Promise<Out>[] = [];
  for await (const input of inputs) {
    const started = pool.run(input);
    started.catch(() => {}); // awaited in order below; this keeps a later failure from being "unhandled" meanwhile
    pending.push(started);
    if (pending.length >= inFlight) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}
