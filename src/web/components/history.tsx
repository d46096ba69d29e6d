import { Anchor, Badge, Button, Group, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AuditEvent } from "#shared/audit.ts";
import { api, type Page } from "../api/client.ts";
import { useFormat } from "../i18n/format.ts";
import { isLanguage } from "../i18n/i18n.ts";
import { useUnit } from "../modules/units/units.queries.ts";
import { EmptyNotice, ErrorNotice, Loading } from "./states.tsx";

/**
 * Bookkeeping columns that say nothing a reader needs in a change list; `personId` and `unitId`
 * travel with the person link and the unit code shown beside them.
 */
const IGNORED_FIELDS = new Set([
  "id",
  "createdAt",
  "updatedAt",
  "version",
  "missingLanguages",
  "personId",
  "unitId",
]);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T/;

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const isListOfRecords = (value: unknown) =>
  Array.isArray(value) && (value.length === 0 || value.some((item) => isPlainObject(item)));

/** Field-by-field differences; maps (names, titles) are compared language by language. */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const from = isPlainObject(before) ? before : {};
  const to = isPlainObject(after) ? after : {};
  const changes: FieldChange[] = [];
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  for (const field of fields) {
    if (IGNORED_FIELDS.has(field)) continue;
    const a = from[field];
    const b = to[field];
    if (same(a, b)) continue;
    // Nested lists (a person's posts and roles) have their own entries in the trail.
    if (isListOfRecords(a) || isListOfRecords(b)) continue;
    if (isPlainObject(a) || isPlainObject(b)) {
      const inner = diffRecords(a ?? {}, b ?? {});
      for (const change of inner) changes.push({ ...change, field: `${field}.${change.field}` });
      continue;
    }
    if ((a === undefined || a === null) && (b === undefined || b === null)) continue;
    changes.push({ field, before: a ?? null, after: b ?? null });
  }
  return changes;
}

function useValueFormat() {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldLabel = (path: string) => {
    const [field = path, sub] = path.split(".");
    const label = t(`field.${field}`, { defaultValue: field });
    if (sub && isLanguage(sub)) return `${label} (${format.languageName(sub)})`;
    return sub ? `${label} (${sub})` : label;
  };
  const value = (path: string, raw: unknown): string => {
    const field = path.split(".")[0];
    if (raw === null || raw === undefined || raw === "") return t("history.none");
    if (typeof raw === "boolean") return raw ? t("common.yes") : t("common.no");
    if (typeof raw === "string") {
      if (field === "kind") return t(`unitKind.${raw}`, { defaultValue: raw });
      if (field === "visibility") return t(`visibility.${raw}`, { defaultValue: raw });
      if (field === "role") return t(`role.${raw}`, { defaultValue: raw });
      if ((field === "preferredLanguage" || field === "originalLanguage") && isLanguage(raw))
        return format.languageName(raw);
      if (DAY.test(raw)) return format.day(raw);
      if (MOMENT.test(raw)) return format.moment(raw);
      return raw;
    }
    if (typeof raw === "number") return format.number(raw);
    if (Array.isArray(raw)) return raw.map((item) => value(path, item)).join(", ");
    return JSON.stringify(raw);
  };
  return { fieldLabel, value };
}

/** A unit named by its id in a recorded change, shown by its code. */
function UnitRef({ id }: { id: string }) {
  const unit = useUnit(id);
  return (
    <Anchor component={Link} to={`/units/${encodeURIComponent(id)}`}>
      {unit.data?.code ?? "…"}
    </Anchor>
  );
}

function ChangeValue({
  field,
  raw,
  format,
}: {
  field: string;
  raw: unknown;
  format: (f: string, v: unknown) => string;
}) {
  if (field === "parentId" && typeof raw === "string") return <UnitRef id={raw} />;
  return <>{format(field, raw)}</>;
}

function entityLink(event: AuditEvent): string | null {
  if (event.entity === "unit") return `/units/${encodeURIComponent(event.entityId)}`;
  if (event.entity === "person") return `/people/${encodeURIComponent(event.entityId)}`;
  const record = (
    isPlainObject(event.after) ? event.after : isPlainObject(event.before) ? event.before : {}
  ) as {
    personId?: unknown;
  };
  return typeof record.personId === "string" ? `/people/${encodeURIComponent(record.personId)}` : null;
}

function entityName(event: AuditEvent, t: TFunction): string {
  const record = (
    isPlainObject(event.after) ? event.after : isPlainObject(event.before) ? event.before : {}
  ) as {
    code?: unknown;
    name?: unknown;
  };
  const label = t(`entity.${event.entity}`, { defaultValue: event.entity });
  if (typeof record.code === "string") return `${label} ${record.code}`;
  if (typeof record.name === "string") return `${label} ${record.name}`;
  return label;
}

export function AuditEventItem({ event, showEntity }: { event: AuditEvent; showEntity: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { fieldLabel, value } = useValueFormat();
  const changes = diffRecords(event.before, event.after);
  const link = showEntity ? entityLink(event) : null;
  const created = event.before === null;
  const removed = event.after === null;
  return (
    <li className="history-entry">
      <Group gap="xs" wrap="wrap">
        <Badge variant="outline" color="blue.9" size="sm">
          {t(`action.${event.action}`, { defaultValue: event.action })}
        </Badge>
        {showEntity ? (
          link ? (
            <Anchor component={Link} to={link} fw={600}>
              {entityName(event, t)}
            </Anchor>
          ) : (
            <Text span fw={600}>
              {entityName(event, t)}
            </Text>
          )
        ) : null}
        <Text span size="sm">
          {t("history.byOn", {
            actor: event.actorName ?? t("history.system"),
            when: format.moment(event.occurredAt),
          })}
        </Text>
      </Group>
      {changes.length > 0 ? (
        <ul className="changes">
          {changes.map((change) => (
            <li key={change.field}>
              <Text span fw={600}>
                {fieldLabel(change.field)}
              </Text>
              {": "}
              {created ? (
                <span dir="auto">
                  <ChangeValue field={change.field} raw={change.after} format={value} />
                </span>
              ) : removed ? (
                <del dir="auto">
                  <ChangeValue field={change.field} raw={change.before} format={value} />
                </del>
              ) : (
                <>
                  <VisuallyHidden>{t("history.before")}</VisuallyHidden>
                  <del dir="auto">
                    <ChangeValue field={change.field} raw={change.before} format={value} />
                  </del>
                  <span aria-hidden="true" className="change-arrow">
                    {" → "}
                  </span>
                  <VisuallyHidden>{t("history.after")}</VisuallyHidden>
                  <ins dir="auto">
                    <ChangeValue field={change.field} raw={change.after} format={value} />
                  </ins>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function AuditEventList({ events, showEntity }: { events: AuditEvent[]; showEntity: boolean }) {
  return (
    <ol className="history">
      {events.map((event) => (
        <AuditEventItem key={event.id} event={event} showEntity={showEntity} />
      ))}
    </ol>
  );
}

/** A load-more button for cursor pages, with its own busy state. */
export function LoadMore({
  hasMore,
  pending,
  onLoad,
}: {
  hasMore: boolean;
  pending: boolean;
  onLoad: () => void;
}) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Button variant="default" onClick={onLoad} loading={pending} mt="sm">
      {t("common.loadMore")}
    </Button>
  );
}

/** The audit trail of one record (`/units/:id/history`, `/people/:id/history`). */
export function RecordHistory({ path, queryKey }: { path: string; queryKey: readonly unknown[] }) {
  const { t } = useTranslation();
  const history = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => api.get<Page<AuditEvent>>(path, { limit: 20, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (history.isPending) return <Loading label={t("history.loading")} />;
  if (history.isError) return <ErrorNotice error={history.error} onRetry={() => history.refetch()} />;
  const events = history.data.pages.flatMap((page) => page.entries);
  return (
    <Stack gap="xs">
      {events.length === 0 ? (
        <EmptyNotice>{t("history.empty")}</EmptyNotice>
      ) : (
        <AuditEventList events={events} showEntity={false} />
      )}
      <LoadMore
        hasMore={history.hasNextPage}
        pending={history.isFetchingNextPage}
        onLoad={() => history.fetchNextPage()}
      />
    </Stack>
  );
}
