import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OverlapCandidate, OverlapEvidence, OverlapSide, OverlapStatus } from "#shared/overlaps.ts";
import { useLocalize } from "../../components/localized-text.tsx";
import { useFormat } from "../../i18n/format.ts";
import { DARK_GREEN } from "../areas/area-parts.tsx";
import { useAreas } from "../areas/areas.queries.ts";
import { activityKey } from "./overlaps.queries.ts";

const STATUS_COLORS: Record<OverlapStatus, string> = {
  open: "blue.9",
  confirmed: DARK_GREEN,
  dismissed: "gray.8",
};

export function OverlapStatusBadge({ status }: { status: OverlapStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} size="sm">
      {t(`overlapStatus.${status}`)}
    </Badge>
  );
}

/** How alike the two activities are, as a percentage. */
export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Badge variant="outline" color="gray.8" size="sm" className="overlap-score">
      {t("overlaps.score", { score: format.percent(score) })}
    </Badge>
  );
}

export function LikelyBadge({ likely }: { likely: boolean }) {
  const { t } = useTranslation();
  if (!likely) return null;
  return (
    <Badge variant="filled" color="red.9" size="sm" className="likely-badge">
      {t("overlaps.likely")}
    </Badge>
  );
}

/** `unit:reference`, kept left to right inside Arabic text. */
export function ActivityKey({ side }: { side: Pick<OverlapSide, "unitCode" | "ref"> }) {
  return (
    <span dir="ltr" className="activity-key">
      {activityKey(side)}
    </span>
  );
}

/** "BDT:EVT/1 and ASP:RDF/2", each key kept left to right. */
export function PairName({ candidate }: { candidate: Pick<OverlapCandidate, "a" | "b"> }) {
  const { t } = useTranslation();
  return (
    <>
      <ActivityKey side={candidate.a} /> {t("overlaps.and")} <ActivityKey side={candidate.b} />
    </>
  );
}

/** Concept, region and deliverable ids ("emergency-telecom") read as words ("emergency telecom"). */
export const readableId = (id: string) => id.replaceAll("-", " ").replaceAll("_", " ");

const asStrings = (values: OverlapEvidence["values"]): string[] =>
  (values ?? []).flatMap((value) => (Array.isArray(value) ? value : [value]));

const asGroups = (values: OverlapEvidence["values"]): [string[], string[]] => {
  const [first, second] = (values ?? []).map((value) => (Array.isArray(value) ? value : [value]));
  return [first ?? [], second ?? []];
};

/** One sentence in the reader's language for each piece of evidence the detector gives. */
export function useEvidenceSentence() {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const areas = useAreas();
  const areaName = (slug: string) => {
    const area = areas.data?.find((a) => a.slug === slug);
    return area ? localize(area.name, area.originalLanguage) : slug;
  };
  // Each value is isolated so that Latin ids and Chinese words keep their order in an Arabic sentence.
  const list = (items: string[]) => format.list(items.map((item) => `\u2068${item}\u2069`));
  return (evidence: OverlapEvidence): string => {
    const values = asStrings(evidence.values);
    switch (evidence.kind) {
      case "shared_concepts":
        return t("evidence.sharedConcepts", { values: list(values.map(readableId)) });
      case "shared_terms":
        return t("evidence.sharedTerms", { values: list(values) });
      case "shared_codes":
        return t("evidence.sharedCodes", { values: list(values.map((v) => v.toUpperCase())) });
      case "shared_areas":
        return t("evidence.sharedAreas", { values: list(values.map(areaName)) });
      case "shared_sdg_targets":
        return t("evidence.sharedSdgTargets", { values: list(values) });
      case "same_type":
        return t("evidence.sameType", {
          type: t(`activityType.${String(evidence.value)}`, { defaultValue: String(evidence.value) }),
        });
      case "overlapping_periods":
        return t("evidence.overlappingPeriods");
      case "years_apart":
        return t("evidence.yearsApart", {
          years: typeof evidence.value === "number" ? format.number(evidence.value) : String(evidence.value),
        });
      case "different_regions": {
        const [first, second] = asGroups(evidence.values);
        return t("evidence.differentRegions", {
          first: list(first.map(readableId)),
          second: list(second.map(readableId)),
        });
      }
      case "different_deliverables": {
        const [first, second] = asGroups(evidence.values);
        return t("evidence.differentDeliverables", {
          first: list(first.map(readableId)),
          second: list(second.map(readableId)),
        });
      }
      case "across_languages":
        return t("evidence.acrossLanguages");
      default:
        return t("evidence.other", { kind: String(evidence.kind) });
    }
  };
}

export function EvidenceList({ evidence }: { evidence: OverlapEvidence[] }) {
  const sentence = useEvidenceSentence();
  return (
    <ul className="evidence-list">
      {evidence.map((item, index) => (
        <li key={`${item.kind}-${index}`} data-kind={item.kind} dir="auto">
          {sentence(item)}
        </li>
      ))}
    </ul>
  );
}

/** Sorted, clamped and merged ranges [start, end) of a text of this length. */
export function normalizeRanges(ranges: readonly (readonly [number, number])[], length: number) {
  const sorted = ranges
    .map(([start, end]) => [Math.max(0, start), Math.min(length, end)] as [number, number])
    .filter(([start, end]) => end > start)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** A text with the passages that match the other activity marked. */
export function HighlightedText({
  text,
  ranges,
}: {
  text: string;
  ranges: readonly (readonly [number, number])[] | undefined;
}) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of normalizeRanges(ranges ?? [], text.length)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
