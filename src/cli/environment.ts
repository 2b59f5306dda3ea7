import { LitreviewError } from "../errors.js";
import { DEFAULT_BASE_URL } from "../eutils/client.js";
import { threadCount } from "../parallel/pool.js";

/**
 * The environment a command will use, checked before any stage runs: a mistyped value is a configuration
 * error (exit 2) at once, not a failure after minutes of searching and fetching.
 */
export function checkEnvironment(env: NodeJS.ProcessEnv, usesNetwork: boolean): void {
  threadCount(env);
  if (usesNetwork) checkEutilsBaseUrl(env.EUTILS_BASE_URL);
}

function checkEutilsBaseUrl(value: string | undefined): void {
  const text = value?.trim();
  if (!text) return;
  if (!URL.canParse(text) || !["http:", "https:"].includes(new URL(text).protocol)) {
    throw new LitreviewError(
      "USAGE",
      `EUTILS_BASE_URL ${text}: not an http:// or https:// URL; unset it to use NCBI's (${DEFAULT_BASE_URL}), or give a whole URL such as http://127.0.0.1:8080/entrez/eutils/`,
    );
  }
}
