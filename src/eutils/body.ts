import { tagBalanceProblem } from "./well-formed.js";

/**
 * Judges a response body, never the status code alone: NCBI sends errors inside HTTP 200 and 400
 * (see tests/fixtures/eutils/SOURCES.md and the shared NOTES.md, section 1).
 */
export type BodyProblem =
  | { kind: "rate-limit"; message: string }
  | { kind: "session-expired"; message: string }
  /** NCBI refused the API key: a configuration error, never retried. */
  | { kind: "api-key"; message: string }
  | { kind: "error"; message: string }
  | { kind: "not-xml"; message: string }
  | { kind: "malformed"; message: string };

const SESSION_EXPIRED = /Unable to obtain query #|Cannot retrieve history data|WebEnv .*(expired|invalid)/i;
const API_KEY = /API key/i;
/**
 * Errors about the request itself (NOTES.md section 1 and 2): "Empty term and query_key - nothing todo",
 * "Empty id list - nothing todo", "Invalid db name specified", "Neither query_key nor id specified", "'retstart'
 * cannot be larger than 9998" (inside a "Search Backend failed: Exception"), "Some IDs have invalid value".
 * Sending the same request again gets the same answer. Other errors ("Search Backend failed: Database is not
 * supported", "Unable to open connection", "Couldn't resolve #pmquerysrv") are outages and pass.
 */
const REQUEST_ERROR = /nothing todo|Invalid db name|Neither query_key nor id|cannot be larger than|have invalid value/i;

function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function errorProblem(message: string): BodyProblem {
  if (SESSION_EXPIRED.test(message)) return { kind: "session-expired", message };
  return API_KEY.test(message) ? { kind: "api-key", message } : { kind: "error", message };
}

/** Whether the same request may succeed if sent again: server trouble may pass, a refused key or request not. */
export function transientProblem(problem: BodyProblem): boolean {
  if (problem.kind === "api-key") return false;
  return problem.kind !== "error" || !REQUEST_ERROR.test(problem.message);
}

function jsonProblem(text: string): BodyProblem | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // NCBI's retstart error puts a raw newline inside a JSON string: read the text instead.
    const m = /"(ERROR|error)"\s*:\s*"([\s\S]*?)"\s*[,}]/.exec(text);
    return m ? errorProblem(oneLine(m[2]!)) : { kind: "not-xml", message: `invalid JSON: ${oneLine(text, 120)}` };
  }
  if (data && typeof data === "object") {
    const obj = data as Record<string, unknown>;
    if (typeof obj.error === "string") {
      // {"error":"API key invalid","api-key":"<the key>","type":"api-key",...}: the key itself is not kept.
      if (/rate limit/i.test(obj.error)) return { kind: "rate-limit", message: obj.error };
      if (obj.type === "api-key") return { kind: "api-key", message: oneLine(obj.error) };
      return errorProblem(oneLine(obj.error));
    }
    for (const value of Object.values(obj)) {
      if (value && typeof value === "object" && typeof (value as Record<string, unknown>).ERROR === "string") {
        return errorProblem(oneLine((value as Record<string, string>).ERROR!));
      }
    }
  }
  return { kind: "not-xml", message: "JSON where XML was expected" };
}

/** Problems any E-utilities body may carry. Returns null when the body looks like a real answer. */
export function bodyProblem(text: string): BodyProblem | null {
  const head = text.slice(0, 4096).trimStart();
  if (head.length === 0) return { kind: "not-xml", message: "empty body" };
  if (head.startsWith("{")) return jsonProblem(text);
  if (!head.startsWith("<")) return { kind: "not-xml", message: oneLine(head, 120) };
  if (/<html[\s>]|<!DOCTYPE\s+html/i.test(head)) {
    const title = /<title>([\s\S]*?)<\/title>/i.exec(head);
    return { kind: "not-xml", message: `HTML page${title ? `: ${oneLine(title[1]!)}` : ""}` };
  }
  const errors = [...text.matchAll(/<ERROR>([\s\S]*?)<\/ERROR>/g)].map((m) => oneLine(m[1]!));
  if (errors.length > 0) return errorProblem(errors.join("; "));
  if (!/<PubmedArticle[\s>]|<PubmedBookArticle[\s>]/.test(head) && /Search Backend failed/i.test(text)) {
    return errorProblem(oneLine(/Search Backend failed[^<]*/i.exec(text)![0]));
  }
  return null;
}

/** A truncated efetch answer must be refetched, never read as a shorter batch. */
export function efetchProblem(text: string): BodyProblem | null {
  const problem = bodyProblem(text);
  if (problem) return problem;
  if (!/<PubmedArticleSet[\s>/]/.test(text.slice(0, 4096))) {
    return { kind: "malformed", message: "no <PubmedArticleSet> root" };
  }
  const broken = tagBalanceProblem(text);
  return broken ? { kind: "malformed", message: `not well-formed XML: ${broken}` } : null;
}

export function esearchProblem(text: string): BodyProblem | null {
  const problem = bodyProblem(text);
  if (problem) return problem;
  if (!/<eSearchResult[\s>]/.test(text)) return { kind: "malformed", message: "no <eSearchResult> root" };
  if (!/<Count>\s*\d+\s*<\/Count>/.test(text)) return { kind: "error", message: "eSearchResult without a Count" };
  if (!/<\/eSearchResult>\s*$/.test(text)) return { kind: "malformed", message: "truncated eSearchResult" };
  return null;
}
