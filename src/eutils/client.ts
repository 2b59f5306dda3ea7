import axios, { type AxiosResponse } from "axios";
import { LitreviewError, redactSecrets } from "../errors.js";
import type { Logger } from "../pipeline/context.js";
import { silentLogger } from "../pipeline/context.js";
import { bodyProblem, efetchProblem, esearchProblem, transientProblem, type BodyProblem } from "./body.js";
import { parseEsearch, type EsearchResult } from "./esearch.js";
import { RATE_WITH_KEY, RATE_WITHOUT_KEY, sharedRateLimiter, type RateLimiter } from "./rate-limit.js";
import { describeRequest, efetchRequest, esearchRequest, type EsearchParams, type EutilsRequest, type Identity } from "./request.js";
import { DEFAULT_RETRY, parseRetryAfter, retryDelay, sleep, type RetryPolicy } from "./retry.js";
import { transportFailure, unreachableError } from "./transport.js";

export const DEFAULT_BASE_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/";

export interface EutilsClientOptions {
  baseUrl: string;
  apiKey: string | null;
  email: string | null;
  tool: string;
  logger?: Logger;
  /** Whole-request deadline (connect, wait and body), per attempt. */
  timeoutMs?: number;
  maxAttempts?: number;
  /** Backoff before the second attempt; doubles each time, with jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Overrides the NCBI rate (3/s, 10/s with a key); for tests against a local server only. */
  requestsPerSecond?: number;
  /** Overrides the process-wide limiter (tests). */
  limiter?: RateLimiter;
}

export function clientOptionsFromEnv(env: NodeJS.ProcessEnv, logger?: Logger): EutilsClientOptions {
  const nonEmpty = (v: string | undefined): string | null => (v && v.trim().length > 0 ? v.trim() : null);
  return {
    baseUrl: nonEmpty(env.EUTILS_BASE_URL) ?? DEFAULT_BASE_URL,
    apiKey: nonEmpty(env.NCBI_API_KEY),
    email: nonEmpty(env.NCBI_EMAIL),
    tool: nonEmpty(env.NCBI_TOOL) ?? "litreview",
    ...(logger ? { logger } : {}),
  };
}

/**
 * NCBI asks every tool for a contact address, and writes to it before blocking one that misbehaves; a
 * local stand-in server (the demo, tests) needs none.
 */
export function missingEmailWarning(options: Pick<EutilsClientOptions, "baseUrl" | "email">): string | null {
  if (options.email) return null;
  if (/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//i.test(options.baseUrl)) return null;
  return "NCBI_EMAIL is not set: NCBI asks every tool for a contact address; set NCBI_EMAIL=you@example.org in the environment (README: Running it on a schedule)";
}

/** The body of an answer that passed its checks, with the request as it may be kept (key redacted). */
export interface EutilsAnswer {
  body: string;
  request: string;
  attempts: number;
}

type Check = (body: string) => BodyProblem | null;

interface AttemptResult {
  ok: boolean;
  status: number | null;
  detail: string;
  retryAfterMs: number | null;
  problem: BodyProblem | null;
  body: string;
}

/** The one place that speaks HTTP to E-utilities: rate limit, timeouts, retries and body checks. */
export class EutilsClient {
  readonly baseUrl: string;
  readonly requestsPerSecond: number;
  private readonly identity: Identity;
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly limiter: RateLimiter;

  constructor(options: EutilsClientOptions) {
    this.baseUrl = options.baseUrl;
    this.identity = { tool: options.tool, email: options.email, apiKey: options.apiKey };
    this.logger = options.logger ?? silentLogger;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.retry = {
      ...DEFAULT_RETRY,
      maxAttempts: options.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
      baseDelayMs: options.backoffBaseMs ?? DEFAULT_RETRY.baseDelayMs,
      maxDelayMs: options.backoffMaxMs ?? DEFAULT_RETRY.maxDelayMs,
    };
    const rate = options.requestsPerSecond ?? (options.apiKey ? RATE_WITH_KEY : RATE_WITHOUT_KEY);
    this.limiter = options.limiter ?? sharedRateLimiter(rate);
    this.requestsPerSecond = this.limiter.perSecond;
  }

  /** Removes the API key from any text (URLs, bodies, messages). */
  redact(text: string): string {
    return redactSecrets(text, this.identity.apiKey);
  }

  async esearch(params: EsearchParams): Promise<EsearchResult & { request: string }> {
    const answer = await this.send(esearchRequest(this.baseUrl, this.identity, params), esearchProblem);
    return { ...parseEsearch(answer.body), request: answer.request };
  }

  /** efetch PubMed XML for these PMIDs, by POST; the body is checked to be well-formed. */
  async efetch(pmids: readonly string[]): Promise<EutilsAnswer> {
    return this.send(efetchRequest(this.baseUrl, this.identity, pmids), efetchProblem);
  }

  async send(req: EutilsRequest, check: Check = bodyProblem): Promise<EutilsAnswer> {
    const described = describeRequest(req, (t) => this.redact(t));
    const kept = this.redact(req.body ? `${req.method} ${req.url}?${req.body}` : `${req.method} ${req.url}`);
    let last: AttemptResult | null = null;
    let attempt = 0;
    while (attempt < this.retry.maxAttempts) {
      attempt++;
      last = await this.limiter.schedule(() => this.attempt(req, check));
      if (last.ok) return { body: last.body, request: kept, attempts: attempt };
      if (last.problem?.kind === "session-expired") {
        throw new LitreviewError("EUTILS_ERROR", `${described}: the history session expired (${last.problem.message})`, {
          context: { request: kept, attempts: attempt, lastStatus: last.status, sessionExpired: true },
        });
      }
      if (last.problem?.kind === "api-key") {
        const message = `NCBI refused the API key (HTTP ${last.status}: ${last.problem.message}): check NCBI_API_KEY, or unset it to run without a key (3 requests a second instead of 10)`;
        throw new LitreviewError("CONFIG", this.redact(message), { context: { request: kept, attempts: attempt, lastStatus: last.status } });
      }
      if (!this.retryable(last) || attempt === this.retry.maxAttempts) break;
      const delay = retryDelay(this.retry, attempt, last.retryAfterMs);
      this.logger.warn(
        { utility: req.utility, attempt, status: last.status, delayMs: delay, problem: this.redact(last.detail) },
        "E-utilities request failed, retrying",
      );
      await sleep(delay);
    }
    const status = last?.status == null ? "no HTTP status" : `HTTP ${last.status}`;
    const advice =
      last && !this.retryable(last)
        ? "not sent again: E-utilities refused the request itself (check EUTILS_BASE_URL if you set it; otherwise please report it with the log)"
        : "NCBI may be having trouble: run again later";
    const message = `${described} failed after ${attempt} attempt${attempt === 1 ? "" : "s"} (last: ${status}, ${last?.detail ?? "no answer"}); ${advice}`;
    throw new LitreviewError("EUTILS_ERROR", this.redact(message), {
      context: { request: kept, attempts: attempt, lastStatus: last?.status ?? null },
    });
  }

  private retryable(result: AttemptResult): boolean {
    if (result.problem) return transientProblem(result.problem);
    if (result.status === null) return true;
    return result.status === 429 || result.status === 408 || result.status >= 500;
  }

  private async attempt(req: EutilsRequest, check: Check): Promise<AttemptResult> {
    let response: AxiosResponse<string>;
    const started = Date.now();
    try {
      response = await axios.request<string>({
        method: req.method,
        url: req.url,
        data: req.body ?? undefined,
        headers: req.body ? { "Content-Type": "application/x-www-form-urlencoded" } : {},
        responseType: "text",
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        timeout: this.timeoutMs,
        signal: AbortSignal.timeout(this.timeoutMs),
        maxRedirects: 3,
      });
    } catch (error) {
      const failure = transportFailure(error);
      if (failure.unreachable) throw unreachableError(this.baseUrl, failure.code, this.redact(failure.detail));
      return { ok: false, status: null, detail: failure.detail, retryAfterMs: null, problem: null, body: "" };
    }
    const body = typeof response.data === "string" ? response.data : String(response.data ?? "");
    const status = response.status;
    const retryAfterMs = parseRetryAfter(response.headers["retry-after"] as string | undefined, Date.now());
    const problem = status === 200 || status === 400 || status === 429 ? check(body) : null;
    this.logger.debug({ utility: req.utility, status, ms: Date.now() - started, bytes: body.length }, "E-utilities answer");
    if (status === 200 && !problem) return { ok: true, status, detail: "ok", retryAfterMs, problem, body };
    // An <ERROR> inside a 400 is judged like one inside a 200: NCBI answers some transient failures so.
    const detail = problem ? `${problem.kind}: ${problem.message}` : body.slice(0, 120).replace(/\s+/g, " ").trim();
    return { ok: false, status, detail, retryAfterMs, problem, body: "" };
  }
}
