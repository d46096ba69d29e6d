import { Badge, Group, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Area, AreaStatus, Qualification } from "#shared/areas.ts";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { EmptyNotice } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { type AreaField, useSdgTargets } from "./areas.queries.ts";

/** Mantine's darkest green is below 4.5:1 on striped rows; this one is not. */
export const DARK_GREEN = "#1e6b2e";

const STATUS_COLORS: Record<AreaStatus, string> = {
  proposed: "blue.9",
  active: DARK_GREEN,
  retired: "gray.8",
};

export function StatusBadge({ status }: { status: AreaStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} size="sm">
      {t(`areaStatus.${status}`)}
    </Badge>
  );
}

/** Why an area meets the Resolution 191 rule, or what it lacks, in one sentence. */
export function useQualificationText() {
  const { t } = useTranslation();
  return (qualification: Qualification, justification: string | null): string => {
    if (qualification.qualifies)
      return t(`qualification.rule.${qualification.rule ?? "pp_calls_for_coordination"}`);
    const missing = qualification.missing.map((m) => t(`qualification.missing.${m}`, { defaultValue: m }));
    const lacking = t("qualification.lacks", { missing: missing.join(t("qualification.separator")) });
    return justification ? `${lacking} ${t("qualification.justified")}` : lacking;
  };
}

/** A badge (qualifies or not) followed by its explanation in words, so colour is never the only cue. */
export function QualificationBadge({ area }: { area: Pick<Area, "qualification" | "justification"> }) {
  const { t } = useTranslation();
  const explain = useQualificationText();
  return (
    <Group gap={6} wrap="wrap">
      <Badge
        variant="outline"
        color={area.qualification.qualifies ? DARK_GREEN : "red.9"}
        size="sm"
        aria-hidden="true"
      >
        {area.qualification.qualifies ? t("qualification.qualifies") : t("qualification.doesNotQualify")}
      </Badge>
      <VisuallyHidden>
        {area.qualification.qualifies ? t("qualification.qualifies") : t("qualification.doesNotQualify")}:
      </VisuallyHidden>
      <Text size="xs" className="qualification-text">
        {explain(area.qualification, area.justification)}
      </Text>
    </Group>
  );
}

/** A field of an area as a reader sees it in a change list. */
export function useAreaValue() {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  return (field: AreaField, area: Area): string => {
    const none = t("history.none");
    switch (field) {
      case "name":
        return localize(area.name, area.originalLanguage);
      case "description":
        return area.description ? localize(area.description, area.originalLanguage) : none;
      case "originalLanguage":
        return format.languageName(area.originalLanguage);
      case "status":
        return t(`areaStatus.${area.status}`);
      case "leadUnitCode":
        return area.leadUnitCode;
      case "participatingUnitCodes":
        return area.participatingUnitCodes.join(", ") || none;
      case "mandateCitations":
        return area.mandateCitations.join("; ") || none;
      case "sdgTargets":
        return area.sdgTargets.join(", ") || none;
      case "focalPoints":
        return (
          area.focalPoints
            .map(
              (f) =>
                `${f.personName} (${f.unitCode}, ${format.day(f.validFrom)} – ${
                  f.validTo ? format.day(f.validTo) : t("units.openEnded")
                })`,
            )
            .join("; ") || none
        );
      case "justification":
        return area.justification ?? none;
      case "visibility":
        return t(`visibility.${area.visibility}`);
    }
  };
}

/** The named fields, each with its value before and after. */
export function AreaChanges({ fields, before, after }: { fields: AreaField[]; before: Area; after: Area }) {
  const { t } = useTranslation();
  const value = useAreaValue();
  return (
    <ul className="changes">
      {fields.map((field) => (
        <li key={field}>
          <Text span fw={600}>
            {t(`areaField.${field}`)}
          </Text>
          {": "}
          <VisuallyHidden>{t("history.before")}</VisuallyHidden>
          <del dir="auto">{value(field, before)}</del>
          <span aria-hidden="true" className="change-arrow">
            {" → "}
          </span>
          <VisuallyHidden>{t("history.after")}</VisuallyHidden>
          <ins dir="auto">{value(field, after)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** The SDG targets of a record by code, each with its text; `empty` when there are none. */
export function SdgTargetList({ codes, empty }: { codes: string[]; empty: string }) {
  const { t } = useTranslation();
  const targets = useSdgTargets();
  if (codes.length === 0) return <EmptyNotice>{empty}</EmptyNotice>;
  const byCode = new Map((targets.data ?? []).map((target) => [target.code, target]));
  return (
    <ul className="sdg-targets">
      {codes.map((code) => {
        const target = byCode.get(code);
        return (
          <li key={code}>
            <Text span fw={600}>
              {t("areas.target", { code })}
            </Text>
            {target ? (
              <>
                {" — "}
                <LocalizedText text={target.text} original="en" />
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
