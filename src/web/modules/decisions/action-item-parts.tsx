import { Anchor, Badge, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ActionItem } from "#shared/decisions.ts";
import { segment } from "../../api/client.ts";
import { LocalizedText } from "../../components/localized-text.tsx";
import { useFormat } from "../../i18n/format.ts";
import { personPath } from "../people/people.queries.ts";
import { actionItemPath } from "./decisions.queries.ts";

const STATUS_COLORS: Record<ActionItem["status"], string> = {
  open: "blue.9",
  in_progress: "blue.9",
  done: "#1e6b2e",
  cancelled: "gray.8",
};

export function ActionStatusBadge({ status }: { status: ActionItem["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} size="sm" className="action-status">
      {t(`actionStatus.${status}`)}
    </Badge>
  );
}

/** Overdue in words and with a mark, never by colour alone. */
export function OverdueFlag({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <Badge variant="filled" color="red.9" size="sm" className="overdue-flag">
      <span aria-hidden="true">! </span>
      {t("actionItems.overdue")}
    </Badge>
  );
}

/** Action items as a table: title (linked), owner, unit, due date with the overdue flag, status. */
export function ActionItemsTable({ items, showBody = false }: { items: ActionItem[]; showBody?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder className="action-items-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("field.title")}</Table.Th>
            {showBody ? <Table.Th scope="col">{t("actionItems.body")}</Table.Th> : null}
            <Table.Th scope="col">{t("actionItems.owner")}</Table.Th>
            <Table.Th scope="col">{t("field.unit")}</Table.Th>
            <Table.Th scope="col">{t("field.dueDate")}</Table.Th>
            <Table.Th scope="col">{t("field.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-overdue={item.overdue ? "" : undefined}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={actionItemPath(item)}>
                  <LocalizedText text={item.title} original={item.originalLanguage} />
                </Anchor>
              </Table.Th>
              {showBody ? (
                <Table.Td>
                  <span dir="ltr">{item.bodyCode}</span>
                </Table.Td>
              ) : null}
              <Table.Td>
                <Anchor component={Link} to={personPath({ id: item.ownerPersonId })}>
                  {item.ownerName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/units/${segment(item.ownerUnitCode)}`}>
                  {item.ownerUnitCode}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {format.day(item.dueDate)} <OverdueFlag overdue={item.overdue} />
              </Table.Td>
              <Table.Td>
                <ActionStatusBadge status={item.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
