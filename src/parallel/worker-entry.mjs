// The thread side of src/parallel/pool.ts. Plain JavaScript so that any Node process can start it, whatever
// loader the parent runs under (the bin's tsx, `tsx`, vitest): it registers tsx itself, then answers each
// message with the default export of the TypeScript module the message names (loaded once per thread).
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const handlers = new Map();

async function handlerFor(module) {
  let handler = handlers.get(module);
  if (!handler) {
    handler = import(module).then(({ default: handle }) => {
      if (typeof handle !== "function") throw new Error(`${module} has no default export function for the worker pool`);
      return handle;
    });
    handlers.set(module, handler);
  }
  return handler;
}

parentPort.on("message", async ({ id, module, input }) => {
  try {
    const handle = await handlerFor(module);
    parentPort.postMessage({ id, output: await handle(input) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort.postMessage({ id, error: { ...e, name: e.name, message: e.message, stack: e.stack } });
  }
});
