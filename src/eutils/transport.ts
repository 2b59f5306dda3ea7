import { LitreviewError } from "../errors.js";

/** Error codes that mean the service cannot be reached at all: retrying will not help this run. */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EAI_FAIL"]);

export interface TransportFailure {
  code: string;
  unreachable: boolean;
  detail: string;
}

function codeOf(error: unknown): string {
  if (!error || typeof error !== "object") return "UNKNOWN";
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown; name?: unknown };
  if (typeof e.code === "string" && e.code !== "ERR_BAD_RESPONSE") return e.code;
  if (Array.isArray(e.errors) && e.errors.length > 0) return codeOf(e.errors[0]);
  if (e.cause) return codeOf(e.cause);
  return typeof e.name === "string" ? e.name : "UNKNOWN";
}

/** Classifies an exception thrown while sending or while reading the body (resets, timeouts, DNS). */
export function transportFailure(error: unknown): TransportFailure {
  const code = codeOf(error);
  const timedOut = code === "ECONNABORTED" || code === "ETIMEDOUT" || code === "ERR_CANCELED" || code === "TimeoutError";
  const message = error instanceof Error ? error.message : String(error);
  return {
    code,
    unreachable: UNREACHABLE.has(code),
    detail: timedOut ? `timed out (${code})` : `${code}: ${message}`.replace(/\s+/g, " ").slice(0, 200),
  };
}

/**
 * The axios error is not kept as the cause: its config holds the request body, API key included.
 */
export function unreachableError(baseUrl: string, code: string, detail: string): LitreviewError {
  const host = (() => {
    try {
      return new URL(baseUrl).host;
    } catch {
      return baseUrl;
    }
  })();
  return new LitreviewError(
    "SERVICE_UNAVAILABLE",
    `cannot reach the E-utilities service at ${host} (${code}): check the network or EUTILS_BASE_URL, or try litreview offline with \`npm run demo\``,
    { context: { code, host, detail } },
  );
}
