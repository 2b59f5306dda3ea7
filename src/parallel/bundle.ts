/**
 * A worker module and the project modules it imports, transpiled into one CommonJS text with esbuild, so a
 * worker thread runs plain JavaScript. Registering tsx in every thread instead cost about 0.6 s of CPU per
 * thread at start (its own loader thread, every module passing through it): more than some stages' work.
 * Packages stay outside the bundle and are required from the module's own folder, as an import would.
 */
import { build, type Plugin } from "esbuild";
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The CommonJS output has no `import.meta`: `import.meta.url` is defined as a name that each project file
 * declares with its own URL, so a module that finds files beside itself (`new URL("./x", import.meta.url)`)
 * works as it does unbundled.
 */
const IMPORT_META_URL = "__litreviewModuleUrl";
const ownImportMetaUrl: Plugin = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path }) => {
      const source = await readFile(path, "utf8");
      return { contents: `const ${IMPORT_META_URL} = ${JSON.stringify(pathToFileURL(path).href)};\n${source}`, loader: "ts" };
    });
  },
};

const bundles = new Map<string, Promise<string>>();

/** The bundle of the worker module at `moduleUrl` (a file: URL), built once per process. */
export function workerBundle(moduleUrl: string): Promise<string> {
  let bundle = bundles.get(moduleUrl);
  if (!bundle) {
    bundle = buildBundle(moduleUrl);
    bundles.set(moduleUrl, bundle);
  }
  return bundle;
}

async function buildBundle(moduleUrl: string): Promise<string> {
  const entry = fileURLToPath(moduleUrl);
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      packages: "external",
      format: "cjs",
      platform: "node",
      target: "node20",
      write: false,
      logLevel: "silent",
      define: { "import.meta.url": IMPORT_META_URL },
      plugins: [ownImportMetaUrl],
    });
    return result.outputFiles[0]!.text;
  } catch (cause) {
    throw new Error(`cannot build the worker module ${entry}: ${(cause as Error).message}`, { cause });
  }
}
