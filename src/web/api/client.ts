import type { ErrorCode, FieldProblem } from "#shared/errors.ts";

/** An error the API answered (or the network failure of reaching it), with its translated message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "network";
  readonly details: FieldProblem[];

  constructor(status: number, code: ErrorCode | "network", message: string, details: FieldProblem[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The first message for each field, keyed by the field's dotted path (`name.fr`, `posts.0.unitCode`). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const problem of this.details) byField[problem.field] ??= problem.message;
    return byField;
  }
}

let csrfToken: string | null = null;
let requestLanguage = "en";

/** The session's CSRF token, sent as `x-csrf-token` on every write. */
export function setCsrfToken(token: string | null | undefined) {
  csrfToken = token ?? null;
}

/** The interface language, sent as Accept-Language so error messages come back translated. */
export function setRequestLanguage(lang: string) {
  requestLanguage = lang;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/v1/…` with the query's non-empty parameters. */
export function apiPath(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ""}`;
}

function isFieldProblems(details: unknown): details is FieldProblem[] {
  return Array.isArray(details) && details.every((d) => typeof d === "object" && d !== null && "field" in d);
}

/** A file sent as it is (an import), with its own content type. */
interface RawBody {
  raw: Blob;
  type: string;
}

const isRawBody = (body: unknown): body is RawBody =>
  typeof body === "object" && body !== null && "raw" in body && body.raw instanceof Blob;

async function request<T>(method: string, path: string, query?: Query, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": requestLanguage };
  const raw = isRawBody(body) ? body : null;
  if (raw) headers["content-type"] = raw.type;
  else if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiPath(path, query), {
      method,
      headers,
      credentials: "same-origin",
      ...(raw ? { body: raw.raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, "network", "");
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | null)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "internal",
      error?.message ?? response.statusText,
      isFieldProblems(error?.details) ? error.details : [],
    );
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", path, query),
  post: <T>(path: string, body: unknown = {}) => request<T>("POST", path, undefined, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, undefined, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, undefined, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
  /** POSTs a file as the raw body (`text/csv`, `application/json`, XLSX). */
  upload: <T>(path: string, query: Query, file: Blob, type: string) =>
    request<T>("POST", path, query, { raw: file, type } satisfies RawBody),
};

/** A unit code or id as one path segment: codes may hold `&` (`C&P`). */
export const segment = (value: string) => encodeURIComponent(value);

export interface Page<T> {
  entries: T[];
  nextCursor: string | null;
}
