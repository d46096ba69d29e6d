import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorBody, ErrorCode, FieldProblem } from "#shared/errors.ts";
import { DEFAULT_LANGUAGE, type Language, negotiateLanguage } from "#shared/languages.ts";
import { AppError, type FieldFault } from "./errors.ts";
import { errorMessage, fieldMessage, hasFieldMessage } from "./messages.ts";

/** The language of messages for this request: Accept-Language first, then the user's own setting. */
export function requestLanguage(request: FastifyRequest, userLanguage: Language | null): Language {
  return negotiateLanguage(request.headers["accept-language"]) ?? userLanguage ?? DEFAULT_LANGUAGE;
}

function translateFaults(faults: FieldFault[], lang: Language): FieldProblem[] {
  return faults.map((f) => ({ field: f.field, reason: f.reason, message: fieldMessage(f.reason, lang) }));
}

export function errorBody(
  code: ErrorCode,
  lang: Language,
  details?: FieldProblem[] | Record<string, unknown>,
): ErrorBody {
  // A refusal that names its reason (`{ reason: "minutes_approved" }`) says that reason in words.
  const reason = details && !Array.isArray(details) ? details.reason : undefined;
  const message =
    typeof reason === "string" && hasFieldMessage(reason)
      ? fieldMessage(reason, lang)
      : errorMessage(code, lang);
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** Zod's issue codes as reasons; a missing value is `required`, which is what a form needs to say. */
function reasonOf(keyword: string, message: string): string {
  if (keyword === "invalid_type" && /received undefined/.test(message)) return "required";
  if (hasFieldMessage(keyword)) return keyword;
  return "custom";
}

const PG_CONFLICT_CODES = new Set(["23505", "23503", "40001", "40P01"]);

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = request.ctx?.lang ?? requestLanguage(request, null);
    if (error instanceof AppError) {
      const details = Array.isArray(error.details) ? translateFaults(error.details, lang) : error.details;
      if (error.code === "unavailable") reply.header("retry-after", "5");
      return reply.status(error.status).send(errorBody(error.code, lang, details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === "body" ? "" : `${error.validationContext}.`;
      const details = error.validation.map((issue) => {
        const field = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
        const reason = reasonOf(String(issue.keyword), issue.message ?? "");
        return {
          field: `${where}${field}`.replace(/\.$/, "") || "body",
          reason,
          message: fieldMessage(reason, lang),
        };
      });
      return reply.status(400).send(errorBody("validation_failed", lang, details));
    }
    const pgCode = (error as { code?: string }).code;
    if (pgCode && PG_CONFLICT_CODES.has(pgCode)) {
      return reply
        .status(409)
        .send(errorBody("conflict", lang, { constraint: (error as { constraint?: string }).constraint }));
    }
    if (pgCode === "23514" || pgCode === "22P02" || pgCode === "22007" || pgCode === "22008") {
      return reply
        .status(400)
        .send(
          errorBody("validation_failed", lang, [
            { field: "body", reason: "custom", message: fieldMessage("custom", lang) },
          ]),
        );
    }
    if (error.statusCode === 429) return reply.status(429).send(errorBody("rate_limited", lang));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type, oversized body: the client's request, not our fault.
      const code: ErrorCode = error.statusCode === 404 ? "not_found" : "validation_failed";
      const details =
        code === "validation_failed"
          ? [{ field: "body", reason: "invalid_format", message: fieldMessage("invalid_format", lang) }]
          : undefined;
      return reply.status(error.statusCode === 404 ? 404 : 400).send(errorBody(code, lang, details));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send(errorBody("internal", lang));
  });
}
