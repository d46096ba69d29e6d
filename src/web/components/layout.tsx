import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  Text,
  useDirection,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigate, useNavigation } from "react-router";
import { canReadAudit, useSignOut, useViewer } from "../api/session.ts";
import { useFormat } from "../i18n/format.ts";
import { directionOf, isLanguage } from "../i18n/i18n.ts";
import { canReadBodies } from "../modules/bodies/bodies.queries.ts";
import { UNREAD_COUNTED, useUnreadCount } from "../modules/notifications/notifications.queries.ts";
import { canUseOverlapInbox } from "../modules/overlaps/overlaps.queries.ts";
import { StatusRegion } from "./announcer.tsx";
import { BellIcon } from "./icons.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { ErrorNotice, Loading } from "./states.tsx";

/** Keeps Mantine's direction (and so the mirrored layout) in step with the interface language. */
export function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(directionOf(isLanguage(i18n.language) ? i18n.language : "en"));
  }, [i18n.language, setDirection]);
  return null;
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t("nav.skipToContent")}
    </a>
  );
}

function Brand() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Link to="/" className="brand">
        {t("app.name")}
      </Link>
      <Text size="sm" className="brand-tagline" visibleFrom="sm">
        {t("app.tagline")}
      </Text>
    </Group>
  );
}

/** How many notifications are unread: a badge to see, and words for screen readers. */
function UnreadCount() {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  if (count === 0) return null;
  return (
    <>
      <Badge size="sm" variant="filled" color="red.9" circle={count < 10} aria-hidden="true" ms={6}>
        {count > UNREAD_COUNTED ? `${format.number(UNREAD_COUNTED)}+` : format.number(count)}
      </Badge>
      <VisuallyHidden>
        {t("notifications.unreadCount", { count: format.number(Math.min(count, UNREAD_COUNTED)) })}
      </VisuallyHidden>
    </>
  );
}

/** The way to one's notifications in the header (on a phone it is in the menu instead). */
function NotificationsLink() {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname === "/notifications";
  return (
    <Button
      component={Link}
      to="/notifications"
      variant="default"
      size="xs"
      visibleFrom="sm"
      aria-current={here ? "page" : undefined}
      className="notifications-link"
      leftSection={<BellIcon />}
    >
      {t("notifications.title")}
      <UnreadCount />
    </Button>
  );
}

/** A page outside the signed-in shell (sign-in): header with the language choice, then main. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="public-header">
        <Brand />
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        {children}
      </main>
    </>
  );
}

/** The signed-in shell: header, navigation and main content; sends strangers to sign in. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const viewer = useViewer();
  const signOut = useSignOut();
  const location = useLocation();
  const navigate = useNavigate();
  // The next page's module is still on its way (app.tsx loads each page on first visit).
  const pageLoading = useNavigation().state === "loading";

  if (viewer.isPending) {
    return (
      <PublicLayout>
        <Loading />
      </PublicLayout>
    );
  }
  if (viewer.isError) {
    return (
      <PublicLayout>
        <ErrorNotice error={viewer.error} onRetry={() => viewer.refetch()} />
      </PublicLayout>
    );
  }
  if (viewer.data === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`} replace />;
  }

  const links = [
    { to: "/units", label: t("nav.organization") },
    { to: "/people", label: t("nav.people") },
    { to: "/areas", label: t("nav.areas") },
    { to: "/mandates", label: t("nav.mandates") },
    { to: "/activities", label: t("nav.activities") },
    { to: "/statistics", label: t("figures.nav") },
    { to: "/reports/support-services", label: t("councilReports.nav") },
    ...(canUseOverlapInbox(viewer.data) ? [{ to: "/overlaps", label: t("nav.overlaps") }] : []),
    ...(canReadBodies(viewer.data)
      ? [
          { to: "/bodies", label: t("nav.bodies") },
          { to: "/coordination-issues", label: t("nav.issues") },
          { to: "/decisions", label: t("nav.decisions") },
        ]
      : []),
    // The register is everyone's: figures any reader sees cite its documents.
    { to: "/documents", label: t("documents.nav") },
    ...(canReadBodies(viewer.data) ? [{ to: "/action-items", label: t("nav.actionItems") }] : []),
    ...(canReadAudit(viewer.data) ? [{ to: "/audit", label: t("nav.audit") }] : []),
    { to: "/account", label: t("nav.account") },
  ];

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header className="app-header">
          <Group h="100%" px={{ base: "xs", sm: "md" }} justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t("nav.toggleMenu")}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Brand />
            </Group>
            <Group gap="md" wrap="nowrap" align="center">
              <NotificationsLink />
              <LanguageSwitcher />
              <Text size="sm" visibleFrom="md" className="viewer-name">
                {viewer.data.name}
              </Text>
              <Button
                variant="default"
                size="xs"
                loading={signOut.isPending}
                onClick={() => signOut.mutate(undefined, { onSettled: () => navigate("/sign-in") })}
              >
                {t("auth.signOut")}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="main-navigation" aria-label={t("nav.label")}>
          <NavLink
            component={Link}
            to="/notifications"
            hiddenFrom="sm"
            label={
              <>
                {t("notifications.title")}
                <UnreadCount />
              </>
            }
            active={location.pathname === "/notifications"}
            aria-current={location.pathname === "/notifications" ? "page" : undefined}
            variant="filled"
            onClick={close}
          />
          {links.map((link) => {
            const active = location.pathname === link.to || location.pathname.startsWith(`${link.to}/`);
            return (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                active={active}
                aria-current={active ? "page" : undefined}
                variant="filled"
                onClick={close}
              />
            );
          })}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} aria-busy={pageLoading || undefined}>
          <div className="page">
            <StatusRegion />
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
