import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ATTENDANCE, type Body, type BodyStatistics } from "#shared/bodies.ts";
import { useLocalize } from "../../components/localized-text.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { DEFAULT_TIME_ZONE, formatDayInZone } from "../../i18n/zoned-time.ts";
import { useBodyStatistics } from "./bodies.queries.ts";

type Year = BodyStatistics["years"][number];

const sum = (year: Year, mode: (typeof ATTENDANCE)[number]) =>
  Object.values(year.attendance).reduce((total, counts) => total + counts[mode], 0);

/** Meetings per year with the share attending remotely, then attendance by category and year. */
export function BodyStatisticsTables({ body }: { body: Body }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const statistics = useBodyStatistics(body.id);
  if (statistics.isPending) return <Loading />;
  if (statistics.isError)
    return <ErrorNotice error={statistics.error} onRetry={() => statistics.refetch()} />;
  const { years, total, since } = statistics.data;
  if (years.length === 0) return <EmptyNotice>{t("bodies.noStatistics")}</EmptyNotice>;
  const categoryName = (code: string) => {
    const category = body.categories.find((c) => c.code === code);
    return category
      ? t("bodies.categoryHeading", { code, name: localize(category.name, body.originalLanguage) })
      : code;
  };
  const share = (value: number | null) => (value === null ? t("bodies.noAttendance") : format.percent(value));
  return (
    <Stack gap="md">
      {since ? (
        <Text size="sm">
          {t("bodies.statisticsSince", {
            total: format.number(total),
            date: formatDayInZone(format.lang, since, DEFAULT_TIME_ZONE),
          })}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder striped captionSide="top" className="meetings-per-year">
          <Table.Caption>{t("bodies.perYearCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("field.year")}</Table.Th>
              <Table.Th scope="col">{t("bodies.meetingCount")}</Table.Th>
              {ATTENDANCE.map((mode) => (
                <Table.Th scope="col" key={mode}>
                  {t(`attendance.${mode}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t("bodies.remoteShare")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {years.map((year) => (
              <Table.Tr key={year.year} data-year={year.year}>
                {/* A year is a name, not a quantity: "2015", never "2,015". */}
                <Table.Th scope="row">{String(year.year)}</Table.Th>
                <Table.Td className="meeting-count">{format.number(year.meetings)}</Table.Td>
                {ATTENDANCE.map((mode) => (
                  <Table.Td key={mode}>{format.number(sum(year, mode))}</Table.Td>
                ))}
                <Table.Td className="remote-share">{share(year.remoteShare)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t("bodies.total")}</Table.Th>
              <Table.Td className="meeting-count">{format.number(total)}</Table.Td>
              {ATTENDANCE.map((mode) => (
                <Table.Td key={mode}>
                  {format.number(years.reduce((n, year) => n + sum(year, mode), 0))}
                </Table.Td>
              ))}
              <Table.Td>
                {(() => {
                  const remote = years.reduce((n, year) => n + sum(year, "remote"), 0);
                  const present = remote + years.reduce((n, year) => n + sum(year, "in_person"), 0);
                  return share(present ? remote / present : null);
                })()}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>

      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder captionSide="top" className="attendance-by-category">
          <Table.Caption>{t("bodies.byCategoryCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("field.year")}</Table.Th>
              <Table.Th scope="col">{t("bodies.category")}</Table.Th>
              {ATTENDANCE.map((mode) => (
                <Table.Th scope="col" key={mode}>
                  {t(`attendance.${mode}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          {years.map((year) => {
            const codes = Object.keys(year.attendance).sort();
            if (codes.length === 0) return null;
            return (
              <Table.Tbody key={year.year}>
                {codes.map((code, index) => (
                  <Table.Tr key={code}>
                    {index === 0 ? (
                      <Table.Th scope="rowgroup" rowSpan={codes.length}>
                        {String(year.year)}
                      </Table.Th>
                    ) : null}
                    <Table.Th scope="row" fw={400}>
                      {categoryName(code)}
                    </Table.Th>
                    {ATTENDANCE.map((mode) => (
                      <Table.Td key={mode}>{format.number(year.attendance[code]?.[mode] ?? 0)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            );
          })}
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
