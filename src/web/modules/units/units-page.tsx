import { ActionIcon, Anchor, Badge, Button, Group, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { isAdministrator, useViewer } from "../../api/session.ts";
import { ChevronIcon } from "../../components/icons.tsx";
import { LocalizedText } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { today } from "../../i18n/format.ts";
import { buildUnitTree, isClosed, type UnitNode, unitPath, useUnits } from "./units.queries.ts";

export function UnitsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const asOf = params.get("asOf") || today();
  const includeClosed = params.get("includeClosed") === "true";
  const units = useUnits({ asOf, includeClosed });
  const [expanded, setExpanded] = useState<Set<string> | null>(null);

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const roots = units.data ? buildUnitTree(units.data) : [];
  // Until the reader opens or closes a branch, the first two levels are open.
  const defaultOpen = new Set<string>();
  for (const root of roots) {
    defaultOpen.add(root.unit.id);
    for (const child of root.children) defaultOpen.add(child.unit.id);
  }
  const open = expanded ?? defaultOpen;
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };
  const expandAll = () => setExpanded(new Set(units.data?.map((unit) => unit.id)));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("units.title")} />
        {isAdministrator(viewer.data) ? (
          <Button component={Link} to="/units/new">
            {t("units.create")}
          </Button>
        ) : null}
      </Group>
      <Text>{t("units.intro")}</Text>
      <Group align="flex-end" gap="lg" role="search" aria-label={t("units.filters")}>
        <TextInput
          type="date"
          label={t("units.asOf")}
          value={asOf}
          onChange={(event) => update("asOf", event.currentTarget.value)}
          w={180}
        />
        <Switch
          label={t("units.includeClosed")}
          checked={includeClosed}
          onChange={(event) => update("includeClosed", event.currentTarget.checked ? "true" : null)}
          mb={6}
        />
      </Group>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorNotice error={units.error} onRetry={() => units.refetch()} />
      ) : roots.length === 0 ? (
        <EmptyNotice>{t("units.empty")}</EmptyNotice>
      ) : (
        <>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={expandAll}>
              {t("units.expandAll")}
            </Button>
            <Button variant="default" size="xs" onClick={() => setExpanded(new Set())}>
              {t("units.collapseAll")}
            </Button>
            <Text size="sm" aria-live="polite">
              {t("units.count", { total: units.data.length })}
            </Text>
          </Group>
          <ul className="unit-tree" aria-label={t("units.treeLabel")}>
            {roots.map((node) => (
              <UnitBranch key={node.unit.id} node={node} open={open} onToggle={toggle} asOf={asOf} />
            ))}
          </ul>
        </>
      )}
    </Stack>
  );
}

function UnitBranch({
  node,
  open,
  onToggle,
  asOf,
}: {
  node: UnitNode;
  open: Set<string>;
  onToggle: (id: string) => void;
  asOf: string;
}) {
  const { t } = useTranslation();
  const { unit, children } = node;
  const isOpen = open.has(unit.id);
  const listId = `children-${unit.id}`;
  return (
    <li>
      <div className="unit-row">
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="gray.8"
            size="md"
            aria-expanded={isOpen}
            aria-controls={listId}
            aria-label={t("units.subunitsOf", { code: unit.code })}
            onClick={() => onToggle(unit.id)}
            className="tree-toggle"
            data-open={isOpen || undefined}
          >
            <ChevronIcon className="chevron" />
          </ActionIcon>
        ) : (
          <span className="tree-spacer" />
        )}
        <Anchor component={Link} to={unitPath(unit)} className="unit-link">
          <LocalizedText text={unit.name} original={unit.originalLanguage} />
        </Anchor>
        <Badge variant="outline" color="gray.8" size="sm" className="unit-code">
          {unit.code}
        </Badge>
        <Text span size="sm" className="unit-kind">
          {t(`unitKind.${unit.kind}`)}
        </Text>
        {isClosed(unit, asOf) ? (
          <Badge variant="outline" color="red.9" size="sm">
            {t("units.closed")}
          </Badge>
        ) : null}
      </div>
      {children.length > 0 ? (
        <ul id={listId} hidden={!isOpen}>
          {children.map((child) => (
            <UnitBranch key={child.unit.id} node={child} open={open} onToggle={onToggle} asOf={asOf} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
