/**
 * One small error family with stable codes. Only run-level failures throw; per-record problems are
 * Diagnostics. cli.ts is the one place that maps these to exit codes.
 */

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  serviceUnavailable: 3,
  locked: 4,
  /** The run finished but left something out: PMIDs efetch never returned, or malformed input records. */
  incomplete: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type ErrorCode =
  | "USAGE"
  | "CONFIG"
  | "INPUT"
  | "SERVICE_UNAVAILABLE"
  | "EUTILS_ERROR"
  | "QUERY_ERROR"
  | "LOCKED"
  | "STORE"
  | "INCOMPLETE"
  | "INTERNAL";

const EXIT_FOR: Record<ErrorCode, ExitCode> = {
  USAGE: EXIT.usage,
  CONFIG: EXIT.usage,
  INPUT: EXIT.incomplete,
  SERVICE_UNAVAILABLE: EXIT.serviceUnavailable,
  EUTILS_ERROR: EXIT.failure,
  QUERY_ERROR: EXIT.failure,
  LOCKED: EXIT.locked,
  STORE: EXIT.failure,
  INCOMPLETE: EXIT.incomplete,
  INTERNAL: EXIT.failure,
};

export class LitreviewError extends Error {
  readonly code: ErrorCode;
  readonly context: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; context?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "LitreviewError";
    this.code = code;
    this.context = options.context ?? {};
  }

  get exitCode(): ExitCode {
    return EXIT_FOR[this.code];
  }
}

export function exitCodeFor(error: unknown): ExitCode {
  return error instanceof LitreviewError ? error.exitCode : EXIT.failure;
}

/** Removes the API key from any text that may hold a URL or request body. */
export function redactSecrets(text: string, apiKey?: string | null): string {
  let out = text.replace(/(api_key=)[^&\s"']+/gi, "$1REDACTED");
  if (apiKey) out = out.split(apiKey).join("REDACTED");
  return out;
}
