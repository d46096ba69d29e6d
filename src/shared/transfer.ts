import { z } from "zod";

/** What an import did (or, on a dry run, would do): rows read, records created and updated. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.int(),
  created: z.int(),
  updated: z.int(),
});
export type ImportReport = z.infer<typeof ImportReport>;
