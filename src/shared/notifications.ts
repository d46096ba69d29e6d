import { z } from "zod";

export const Notification = z.object({
  id: z.uuid(),
  /** What happened: `overlap.likely` (a likely duplicate involving your activity), … */
  kind: z.string(),
  /** The records it is about, by id; the page words the message in the reader's language. */
  subject: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.object({ unread: z.enum(["true", "false"]).optional() });
