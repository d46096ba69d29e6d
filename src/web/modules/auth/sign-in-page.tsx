import { Button, Paper, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { useSignIn, useViewer } from "../../api/session.ts";
import { fieldErrorsOf } from "../../components/form-errors.tsx";
import { PublicLayout } from "../../components/layout.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorNotice, Loading } from "../../components/states.tsx";

/** Only paths inside the app are followed after signing in (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/units";
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const viewer = useViewer();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const next = safeNext(params.get("next"));

  if (viewer.data && !signIn.isPending) return <Navigate to={next} replace />;

  const errors = fieldErrorsOf(signIn.error);
  const wrongCredentials = signIn.error instanceof ApiError && signIn.error.code === "unauthenticated";

  return (
    <PublicLayout>
      <Paper withBorder shadow="sm" p="xl" radius="md" className="sign-in-card">
        <Stack gap="md">
          <PageTitle title={t("auth.signInTitle")} />
          <Text>{t("auth.signInIntro")}</Text>
          {viewer.isPending ? <Loading /> : null}
          {signIn.error ? <ErrorNotice error={signIn.error} title={t("auth.signInFailed")} /> : null}
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              signIn.mutate(
                { email: email.trim(), password },
                { onSuccess: () => navigate(next, { replace: true }) },
              );
            }}
          >
            <Stack gap="sm">
              <TextInput
                type="email"
                name="email"
                label={t("field.email")}
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={errors.email}
                aria-invalid={wrongCredentials || Boolean(errors.email) || undefined}
                required
              />
              <PasswordInput
                name="password"
                label={t("auth.password")}
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={errors.password && !wrongCredentials ? errors.password : undefined}
                aria-invalid={wrongCredentials || Boolean(errors.password) || undefined}
                visibilityToggleButtonProps={{
                  "aria-label": t("auth.showPassword"),
                }}
                required
              />
              <Button type="submit" loading={signIn.isPending} mt="xs">
                {t("auth.signIn")}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
