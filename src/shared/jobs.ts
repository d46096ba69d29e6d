import { z } from "zod";

export const JOB_STATUSES = ["running", "succeeded", "failed"] as const;
export const JobStatus = z.enum(JOB_STATUSES);

/** Long work run in the background (a full overlap scan), with its progress for the page that started it. */
export const Job = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: JobStatus,
  done: z.int(),
  total: z.int().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;
