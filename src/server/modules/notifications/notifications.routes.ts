import type { FastifyInstance } from "fastify";
import { Notification, NotificationQuery } from "#shared/notifications.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { isoTimestamp } from "../../core/clock.ts";
import { markNotificationRead, myNotifications, type NotificationRow } from "../../core/notifications.ts";
import { IdParams, router } from "../../core/routes.ts";

const tags = ["notifications"];

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    createdAt: isoTimestamp(row.createdAt),
    readAt: row.readAt ? isoTimestamp(row.readAt) : null,
  };
}

export function notificationsRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/notifications",
    {
      schema: {
        tags,
        summary: "The signed-in person's notifications, newest first",
        querystring: NotificationQuery.extend(PageQuery.shape),
        response: { 200: pageOf(Notification) },
      },
    },
    async (req) => {
      const page = await myNotifications(req.ctx, { ...req.query, unread: req.query.unread === "true" });
      return { entries: page.entries.map(toNotification), nextCursor: page.nextCursor };
    },
  );
  r.post(
    "/api/v1/notifications/:id/read",
    {
      schema: {
        tags,
        summary: "Mark one of my notifications read",
        params: IdParams,
        response: { 200: Notification },
      },
    },
    async (req) => toNotification(await markNotificationRead(req.ctx, req.params.id)),
  );
}
