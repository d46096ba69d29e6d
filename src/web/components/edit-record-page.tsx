import { Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { Fragment, type ReactNode, useState } from "react";
import { PageLoadError, PageTitle } from "./page-title.tsx";
import { Loading } from "./states.tsx";

/**
 * The frame of every page that edits a stored record: the record as the page's query reads it
 * (loading, or the error with a retry), the page's title, and the form. After someone else saved
 * first (409), `onReload` reads the record again and the form starts over from it: the form is
 * keyed by the version and by each reload, so no field keeps what the reader typed over a record
 * that no longer exists.
 */
export function EditRecordPage<T extends { version: number }>({
  record,
  loadErrorTitle,
  title,
  alsoLoading = false,
  form,
}: {
  record: UseQueryResult<T>;
  /** The page's title while the record cannot be read. */
  loadErrorTitle: string;
  title: (record: T) => string;
  /** Something else the form needs is still being read. */
  alsoLoading?: boolean;
  form: (record: T, onReload: () => Promise<void>) => ReactNode;
}) {
  const [generation, setGeneration] = useState(0);
  if (record.isPending || alsoLoading) return <Loading />;
  if (record.isError)
    return <PageLoadError title={loadErrorTitle} error={record.error} onRetry={() => record.refetch()} />;
  const onReload = async () => {
    await record.refetch();
    setGeneration((n) => n + 1);
  };
  return (
    <Stack gap="md">
      <PageTitle title={title(record.data)} />
      <Fragment key={`${record.data.version}-${generation}`}>{form(record.data, onReload)}</Fragment>
    </Stack>
  );
}
