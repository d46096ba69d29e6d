import { Title } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "./states.tsx";

let firstPage = true;

/**
 * The page's one h1, which also names the browser tab. After a client-side navigation the
 * heading takes focus, so screen readers announce the new page as they would a page load.
 */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Title order={1} ref={ref} tabIndex={-1} className="page-title">
      {children ?? title}
    </Title>
  );
}

/** A page whose record could not be loaded: its title, then the error with a retry. */
export function PageLoadError({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
}) {
  return (
    <>
      <PageTitle title={title} />
      <ErrorNotice error={error} onRetry={onRetry} />
    </>
  );
}
