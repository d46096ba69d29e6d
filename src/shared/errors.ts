/** Stable error codes, one HTTP status each; clients branch on the code, never on the message. */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 422,
  rule_violation: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  /** Dotted path of the field, e.g. `name.fr` or `posts.0.unitId`. */
  field: string;
  /** Machine-readable reason (`required`, `too_long`, `invalid_enum`, `unknown_unit`, …). */
  reason: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: FieldProblem[] | Record<string, unknown> };
}
