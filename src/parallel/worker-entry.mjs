// The thread side of src/parallel/pool.ts. Plain JavaScript, so any Node process can start it whatever loader
// the parent runs under (the bin's tsx, `tsx`, vitest). The first message for a module brings its bundle
// (src/parallel/bundle.ts), run once per thread as a CommonJS module; each message is answered with the
// module's default export applied to its input.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { compileFunction } from "node:vm";
import { parentPort } from "node:worker_threads";

const handlers = new Map();

function compile(module, code) {
  const filename = fileURLToPath(module);
  const loaded = { exports: {} };
  compileFunction(code, ["exports", "require", "module", "__filename"], { filename })(
    loaded.exports,
    createRequire(module),
    loaded,
    filename,
  );
  const handle = loaded.exports.default;
  if (typeof handle !== "function") throw new Error(`${module} has no default export function for the worker pool`);
  return handle;
}

/** The module's handler; one that fails to load fails every message for it, with the same error. */
function handlerFor(module, code) {
  let handle = handlers.get(module);
  if (!handle) {
    if (code === undefined) throw new Error(`${module} was never loaded in this thread`);
    try {
      handle = compile(module, code);
    } catch (error) {
      handle = () => {
        throw error;
      };
    }
    handlers.set(module, handle);
  }
  return handle;
}

parentPort.on("message", async ({ id, module, code, input }) => {
  try {
    const handle = handlerFor(module, code);
    parentPort.postMessage({ id, output: await handle(input) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort.postMessage({ id, error: { ...e, name: e.name, message: e.message, stack: e.stack } });
  }
});
