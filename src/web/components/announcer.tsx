import { Alert, CloseButton, Group, Text } from "@mantine/core";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

interface Announcer {
  message: string | null;
  announcedAt: number;
  /** Shows a success message and has it read out (polite live region). */
  announce: (message: string) => void;
  dismiss: () => void;
}

const AnnouncerContext = createContext<Announcer>({
  message: null,
  announcedAt: 0,
  announce: () => {},
  dismiss: () => {},
});

export const useAnnounce = () => useContext(AnnouncerContext).announce;

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ message: string | null; announcedAt: number }>({
    message: null,
    announcedAt: 0,
  });
  const announce = useCallback((text: string) => setState({ message: text, announcedAt: Date.now() }), []);
  const dismiss = useCallback(() => setState({ message: null, announcedAt: 0 }), []);
  const value = useMemo(() => ({ ...state, announce, dismiss }), [state, announce, dismiss]);
  return <AnnouncerContext.Provider value={value}>{children}</AnnouncerContext.Provider>;
}

/** Placed once inside <main> and always present, so assistive technology hears each new message. */
export function StatusRegion() {
  const { t } = useTranslation();
  const { message, announcedAt, dismiss } = useContext(AnnouncerContext);
  const { pathname } = useLocation();
  const lastPath = useRef(pathname);
  // A message outlives the navigation that follows its action, not the reader's next one.
  useEffect(() => {
    if (pathname === lastPath.current) return;
    lastPath.current = pathname;
    if (message && Date.now() - announcedAt > 1500) dismiss();
  }, [pathname, message, announcedAt, dismiss]);
  return (
    <div role="status" aria-live="polite" className="status-region">
      {message ? (
        <Alert color="green.9" variant="outline" mb="md">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text>{message}</Text>
            <CloseButton aria-label={t("common.dismiss")} onClick={dismiss} />
          </Group>
        </Alert>
      ) : null}
    </div>
  );
}
