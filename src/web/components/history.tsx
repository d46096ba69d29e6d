import { Anchor, Badge, Button, Group, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AuditEvent } from "#shared/audit.ts";
import { formatNumber as formatFigureNumber } from "#shared/figure-format.ts";
import type { MultilingualText } from "#shared/languages.ts";
import { api, type Page, segment } from "../api/client.ts";
import { useFormat } from "../i18n/format.ts";
import { isLanguage } from "../i18n/i18n.ts";
import { useMeetingName } from "../modules/meetings/meetings.queries.ts";
import { usePerson } from "../modules/people/people.queries.ts";
import { useUnit } from "../modules/units/units.queries.ts";
import { LocalizedText } from "./localized-text.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "./states.tsx";

/**
 * Bookkeeping columns that say nothing a reader needs in a change list; `personId` and `unitId`
 * travel with the person link and the unit code shown beside them, an area's `mandateIds` with
 * its `mandateCitations`, and its qualification and revision number follow from the rest.
 */
const IGNORED_FIELDS = new Set([
  "id",
  "createdAt",
  "updatedAt",
  "version",
  "revision",
  "missingLanguages",
  "personId",
  "unitId",
  "mandateIds",
  "qualification",
  // An overlap decision's bookkeeping: who and when are the event's own; the words are the detector's.
  "activityAId",
  "activityBId",
  "detectedAt",
  "decidedBy",
  "decidedAt",
  "decidedWords",
  // A body's, a meeting's and an action item's references travel with the names shown beside them
  // (chair, instrument, body code, owner); whether an item is overdue follows from its due date.
  "chairPersonId",
  "instrumentId",
  "bodyId",
  "bodyName",
  "meetingId",
  "agendaItemId",
  "decisionId",
  "ownerPersonId",
  "overdue",
  // A figure's metric travels with its code; its contradictions are computed from the other
  // figures at each reading, not changed by anyone; who entered it is the event's actor.
  "metricId",
  "contradictions",
  "enteredBy",
  // A metric's owner travels with its code; how many figures it has is not a change to it.
  "ownerUnitId",
  "figureCount",
  // How often a document is cited follows from the agendas and figures, not from a change to it.
  "citedBy",
]);

/** The words of an enumerated value, by the kind of record it belongs to. */
const STATUS_WORDS: Record<string, string> = {
  meeting: "meetingStatus",
  action_item: "actionStatus",
};
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

/** A list of nested records on either side (a person's posts); an empty list says nothing either way. */
const holdsRecords = (...values: unknown[]) =>
  values.some((value) => Array.isArray(value) && value.some((item) => isPlainObject(item)));

/** Nothing recorded: no value, or an empty list (a new activity's links). */
const isBlank = (value: unknown) =>
  value === undefined || value === null || (Array.isArray(value) && value.length === 0);

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
    if (holdsRecords(a, b)) continue;
    if (isPlainObject(a) || isPlainObject(b)) {
      const inner = diffRecords(a ?? {}, b ?? {});
      for (const change of inner) changes.push({ ...change, field: `${field}.${change.field}` });
      continue;
    }
    if (isBlank(a) && isBlank(b)) continue;
    changes.push({ field, before: a ?? null, after: b ?? null });
  }
  return changes;
}

function useValueFormat() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const fieldLabel = (path: string, entity: string) => {
    // A figure's fields are nested (`source.symbol`) and some share a name with another record's
    // (a mandate's `source` is who adopted it): the statistics words come first.
    if (entity === "figure" || entity === "metric") {
      const whole = `figures.field.${path.replaceAll(".", "_")}`;
      if (i18n.exists(whole)) return t(whole);
      const [head = path, language] = path.split(".");
      const own = `figures.field.${head}`;
      if (language && isLanguage(language) && i18n.exists(own))
        return `${t(own)} (${format.languageName(language)})`;
    }
    // A document's own words (its symbol, issue date, language versions) come first.
    if (entity === "document" && i18n.exists(`documents.field.${path}`)) return t(`documents.field.${path}`);
    const [field = path, sub] = path.split(".");
    // A post's title is a job title; an activity's or a mandate's is the title of a document.
    const key = field === "title" && entity !== "post" ? "recordTitle" : field;
    const label = t([`field.${key}`, `areaField.${key}`, `overlaps.scanCount.${key}`], {
      defaultValue: field,
    });
    if (sub && isLanguage(sub)) return `${label} (${format.languageName(sub)})`;
    return sub ? `${label} (${sub})` : label;
  };
  const value = (path: string, raw: unknown, entity = ""): string => {
    const field = path.split(".")[0];
    if (isBlank(raw) || raw === "") return t("history.none");
    if (typeof raw === "boolean") return raw ? t("common.yes") : t("common.no");
    if (typeof raw === "string") {
      // Units and mandates both have a kind; their words never overlap.
      if (field === "kind")
        return entity === "agenda_item"
          ? t(`agendaKind.${raw}`, { defaultValue: raw })
          : entity === "figure"
            ? t(`figures.kind.${raw}`, { defaultValue: raw })
            : t([`unitKind.${raw}`, `mandateKind.${raw}`], { defaultValue: raw });
      if (entity === "figure") {
        if (field === "qualifier" || field === "unit")
          return t(`figures.${field === "unit" ? "figureUnit" : "qualifier"}.${raw}`, { defaultValue: raw });
        if (path === "scope.place") return t(`figures.place.${raw}`, { defaultValue: raw });
        if (path === "scope.category") return t(`figures.category.${raw}`, { defaultValue: raw });
        if (path === "source.language" && isLanguage(raw)) return format.languageName(raw);
        if (field === "source" || field === "scope") return raw;
      }
      if (entity === "metric" && field === "unit")
        return t(`figures.metricUnit.${raw}`, { defaultValue: raw });
      if (field === "source") return t(`mandateSource.${raw}`, { defaultValue: raw });
      if (field === "type") return t(`activityType.${raw}`, { defaultValue: raw });
      if (field === "status")
        return STATUS_WORDS[entity]
          ? t(`${STATUS_WORDS[entity]}.${raw}`, { defaultValue: raw })
          : t([`activityStatus.${raw}`, `areaStatus.${raw}`, `overlapStatus.${raw}`], {
              defaultValue: raw,
            });
      if (field === "mode") return t(`meetingMode.${raw}`, { defaultValue: raw });
      if (field === "level") return t(`bodyLevel.${raw}`, { defaultValue: raw });
      if (field === "outcome") return t(`overlapOutcome.${raw}`, { defaultValue: raw });
      if (field === "visibility") return t(`visibility.${raw}`, { defaultValue: raw });
      if (field === "role") return t(`role.${raw}`, { defaultValue: raw });
      if (
        (field === "preferredLanguage" || field === "originalLanguage" || field === "languages") &&
        isLanguage(raw)
      )
        return format.languageName(raw);
      if (DAY.test(raw)) return format.day(raw);
      if (MOMENT.test(raw)) return format.moment(raw);
      return raw;
    }
    // A year is a name, not a quantity: "2014", never "2,014".
    // A figure's numbers are written as the language's Council documents write them.
    if (typeof raw === "number" && entity === "figure" && isLanguage(format.lang))
      return formatFigureNumber(raw, format.lang);
    if (typeof raw === "number") return field === "year" ? String(raw) : format.number(raw);
    if (Array.isArray(raw)) return raw.map((item) => value(path, item, entity)).join(", ");
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

/** A person named by their id in a recorded change (an activity's contacts), shown by name. */
function PersonRef({ id }: { id: string }) {
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isError) return <>{t("activities.contactHidden")}</>;
  return (
    <Anchor component={Link} to={`/people/${segment(id)}`}>
      {person.data?.name ?? "…"}
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
  if (
    field === "contactIds" &&
    Array.isArray(raw) &&
    raw.length > 0 &&
    raw.every((v) => typeof v === "string")
  )
    return (
      <>
        {raw.map((id: string, index) => (
          <span key={id}>
            {index > 0 ? ", " : null}
            <PersonRef id={id} />
          </span>
        ))}
      </>
    );
  return <>{format(field, raw)}</>;
}

/** The record as the event left it, or as it was before a deletion: the row's own snapshot. */
function snapshotOf(event: AuditEvent): Record<string, unknown> {
  return isPlainObject(event.after) ? event.after : isPlainObject(event.before) ? event.before : {};
}

const isText = (value: unknown): value is MultilingualText =>
  isPlainObject(value) &&
  Object.keys(value).length > 0 &&
  Object.entries(value).every(([lang, text]) => isLanguage(lang) && typeof text === "string");

function entityLink(event: AuditEvent): string | null {
  const record = snapshotOf(event);
  const id = segment(event.entityId);
  switch (event.entity) {
    case "unit":
      return `/units/${id}`;
    case "person":
      return `/people/${id}`;
    case "mandate":
      return `/mandates/${id}`;
    case "activity":
      return `/activities/${id}`;
    case "overlap":
      return `/overlaps/${id}`;
    case "area":
      // Area pages are addressed by slug, which the snapshot holds.
      return typeof record.slug === "string" ? `/areas/${segment(record.slug)}` : null;
    case "body":
      return typeof record.code === "string" ? `/bodies/${segment(record.code)}` : null;
    case "meeting":
      return `/meetings/${id}`;
    case "agenda_item":
      return typeof record.meetingId === "string"
        ? `/meetings/${segment(record.meetingId)}#agenda-${id}`
        : null;
    case "decision":
      return typeof record.meetingId === "string"
        ? `/meetings/${segment(record.meetingId)}#decision-${id}`
        : null;
    case "action_item":
      return `/action-items/${id}`;
    case "figure":
      return `/statistics/figures/${id}`;
    case "metric":
      return typeof record.code === "string" ? `/statistics/metrics/${segment(record.code)}` : null;
    case "document":
      return `/documents/${id}`;
    case "reminder":
      return null;
    default:
      return typeof record.personId === "string" ? `/people/${segment(record.personId)}` : null;
  }
}

/**
 * What the row is about, named from its own snapshot (no request per row): a unit's code, a
 * person's name, an area's name, a mandate's citation and title, an activity's unit:reference
 * and title; multilingual names in the reader's language, else the original, marked as such.
 */
function EntityName({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const meetingName = useMeetingName();
  const record = snapshotOf(event);
  const label = t([`entity.${event.entity}`, `figures.entity.${event.entity}`], {
    defaultValue: event.entity,
  });
  const original = isLanguage(record.originalLanguage) ? record.originalLanguage : "en";
  const title = isText(record.title) ? <LocalizedText text={record.title} original={original} /> : null;
  const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  switch (event.entity) {
    case "area":
      if (isText(record.name))
        return (
          <>
            {label} <LocalizedText text={record.name} original={original} />
          </>
        );
      break;
    case "mandate": {
      const citation = str(record.citation);
      if (citation || title)
        return (
          <>
            {label} {citation}
            {citation && title ? " — " : null}
            {title}
          </>
        );
      break;
    }
    case "meeting": {
      const bodyCode = str(record.bodyCode);
      if (typeof record.number === "number")
        return (
          <>
            {bodyCode ? <span dir="ltr">{bodyCode}</span> : label}
            {" — "}
            {meetingName(record.number)}
          </>
        );
      break;
    }
    case "document": {
      const symbol = str(record.symbol);
      if (symbol)
        return (
          <>
            {label} <span dir="ltr">{symbol}</span>
            {title ? " — " : null}
            {title}
          </>
        );
      break;
    }
    case "decision": {
      const number = str(record.number);
      if (number)
        return (
          <>
            {label} <span dir="ltr">{number}</span>
          </>
        );
      break;
    }
    case "agenda_item":
    case "action_item":
      if (title)
        return (
          <>
            {label} {title}
          </>
        );
      break;
    case "activity": {
      const unitCode = str(record.unitCode);
      const ref = str(record.ref);
      const key = unitCode && ref ? `${unitCode}:${ref}` : ref;
      if (key || title)
        return (
          <>
            {label} {key ? <span dir="ltr">{key}</span> : null}
            {key && title ? " — " : null}
            {title}
          </>
        );
      break;
    }
  }
  const code = str(record.code);
  if (code) return <>{`${label} ${code}`}</>;
  const name = str(record.name);
  if (name) return <>{`${label} ${name}`}</>;
  return <>{label}</>;
}

interface PersonChange {
  key: string;
  label: string;
  /** Null when the person is new to the list (seated, invited). */
  before: string | null;
  after: string;
}

const recordsIn = (record: unknown, field: string): Record<string, unknown>[] => {
  const list = isPlainObject(record) ? record[field] : undefined;
  return Array.isArray(list) ? list.filter(isPlainObject) : [];
};

/**
 * A body's seats and a meeting's participants are lists of records, which the field-by-field
 * comparison leaves out; their changes are named person by person instead.
 */
function usePersonChanges() {
  const { t } = useTranslation();
  const format = useFormat();
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return (event: AuditEvent): PersonChange[] => {
    if (event.before === null || event.after === null) return [];
    const changes: PersonChange[] = [];
    if (event.entity === "body") {
      const period = (seat: Record<string, unknown>) =>
        `${format.day(text(seat.validFrom))} – ${seat.validTo ? format.day(text(seat.validTo)) : t("units.openEnded")}`;
      const before = new Map(recordsIn(event.before, "members").map((seat) => [seat.id, seat]));
      for (const seat of recordsIn(event.after, "members")) {
        const old = before.get(seat.id);
        const label = t("bodies.seatHistory", { name: text(seat.personName), category: text(seat.category) });
        if (!old) changes.push({ key: text(seat.id), label, before: null, after: period(seat) });
        else if (period(old) !== period(seat))
          changes.push({ key: text(seat.id), label, before: period(old), after: period(seat) });
      }
    }
    if (event.entity === "meeting") {
      const word = (p: Record<string, unknown>) =>
        p.attendance ? t(`attendance.${text(p.attendance)}`) : t("meetings.notRecorded");
      const before = new Map(recordsIn(event.before, "participants").map((p) => [p.personId, p]));
      for (const participant of recordsIn(event.after, "participants")) {
        const old = before.get(participant.personId);
        const key = text(participant.personId);
        const label = text(participant.personName);
        if (!old) changes.push({ key, label, before: null, after: t("meetings.invitedHistory") });
        else if (old.attendance !== participant.attendance)
          changes.push({ key, label, before: word(old), after: word(participant) });
      }
      // A withdrawn invitation leaves the person out of the list after.
      const after = new Set(recordsIn(event.after, "participants").map((p) => p.personId));
      for (const [personId, participant] of before) {
        if (after.has(personId)) continue;
        changes.push({
          key: text(personId),
          label: text(participant.personName),
          before: t("meetings.invitedHistory"),
          after: t("meetings.withdrawnHistory"),
        });
      }
    }
    return changes;
  };
}

export function AuditEventItem({ event, showEntity }: { event: AuditEvent; showEntity: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { fieldLabel, value: valueOf } = useValueFormat();
  const value = (field: string, raw: unknown) => valueOf(field, raw, event.entity);
  const changes = diffRecords(event.before, event.after);
  const people = usePersonChanges()(event);
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
              <EntityName event={event} />
            </Anchor>
          ) : (
            <Text span fw={600}>
              <EntityName event={event} />
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
      {changes.length + people.length > 0 ? (
        <ul className="changes">
          {changes.map((change) => (
            <li key={change.field}>
              <Text span fw={600}>
                {fieldLabel(change.field, event.entity)}
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
          {people.map((change) => (
            <li key={`person-${change.key}`}>
              <Text span fw={600}>
                {change.label}
              </Text>
              {": "}
              {change.before === null ? (
                <span dir="auto">{change.after}</span>
              ) : (
                <>
                  <VisuallyHidden>{t("history.before")}</VisuallyHidden>
                  <del dir="auto">{change.before}</del>
                  <span aria-hidden="true" className="change-arrow">
                    {" → "}
                  </span>
                  <VisuallyHidden>{t("history.after")}</VisuallyHidden>
                  <ins dir="auto">{change.after}</ins>
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
