import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContradictionReview, Figure } from "#shared/figures.ts";
import { ApiError, api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { fieldErrorsOf, StaleVersionNotice } from "../../components/form-errors.tsx";
import { ErrorNotice } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { FigureRef, WarningIcon, useFigureWords } from "./figure-parts.tsx";
import { invalidateFigures } from "./figures.queries.ts";

/**
 * Each figure this one disagrees with, and whether someone responsible for the metric has written
 * down why both stay. Those who enter the metric's figures record or take back that review here.
 */
export function ContradictionReviews({
  figure,
  byId,
  enters,
}: {
  figure: Figure;
  byId: ReadonlyMap<string, Figure>;
  enters: boolean;
}) {
  return (
    <ul className="contradiction-list contradiction-reviews">
      {figure.contradictions.map((otherId) => (
        <li key={otherId}>
          <PairReview
            figure={figure}
            other={byId.get(otherId)}
            otherId={otherId}
            byId={byId}
            review={figure.contradictionReviews.find((r) => r.figureId === otherId)}
            enters={enters}
          />
        </li>
      ))}
    </ul>
  );
}

function reviewPath(figure: Figure, otherId: string) {
  return `/figures/${segment(figure.id)}/contradictions/${segment(otherId)}/review`;
}

function PairReview({
  figure,
  other,
  otherId,
  byId,
  review,
  enters,
}: {
  figure: Figure;
  other: Figure | undefined;
  otherId: string;
  byId: ReadonlyMap<string, Figure>;
  review: ContradictionReview | undefined;
  enters: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={4}>
      <Text span fw={600}>
        <FigureRef id={otherId} byId={byId} />
      </Text>
      {review ? (
        <>
          <Text size="sm" className="review-state" data-reviewed="">
            {review.reviewedBy
              ? t("figures.reviewedByOn", {
                  name: review.reviewedBy.name,
                  date: format.moment(review.reviewedAt),
                })
              : t("figures.reviewedOn", { date: format.moment(review.reviewedAt) })}
          </Text>
          <blockquote className="review-explanation" dir="auto">
            {review.explanation}
          </blockquote>
          {enters ? <WithdrawReview figure={figure} otherId={otherId} /> : null}
        </>
      ) : (
        <>
          <Text
            size="sm"
            fw={600}
            className="review-state contradiction-label contradiction-flag"
            data-awaiting-review=""
          >
            <WarningIcon />
            {t("figures.awaitingReview")}
          </Text>
          {enters ? <ReviewForm figure={figure} other={other} otherId={otherId} /> : null}
        </>
      )}
    </Stack>
  );
}

function ReviewForm({
  figure,
  other,
  otherId,
}: {
  figure: Figure;
  other: Figure | undefined;
  otherId: string;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [explanation, setExplanation] = useState("");
  const save = useMutation({
    mutationFn: () =>
      api.put<Figure>(reviewPath(figure, otherId), {
        explanation,
        version: figure.version,
        // The button waits for the other figure: the versions reviewed are those on the screen.
        otherVersion: other!.version,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(["figure", figure.id], saved);
      invalidateFigures(queryClient, figure.metricCode);
      void queryClient.invalidateQueries({ queryKey: ["figure"] });
      setExplanation("");
      announce(t("figures.reviewedNotice", { other: other ? words.value(other) : t("figures.aFigure") }));
    },
  });
  const stale = save.error instanceof ApiError && save.error.code === "conflict";
  const fieldError = fieldErrorsOf(save.error).explanation;
  return (
    <form
      aria-label={t("figures.reviewFormTitle", { other: other ? words.value(other) : t("figures.aFigure") })}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs" maw={640}>
        <Textarea
          label={t("figures.reviewExplanation")}
          description={t("figures.reviewExplanationHint")}
          name="explanation"
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={explanation}
          error={fieldError}
          onChange={(event) => setExplanation(event.currentTarget.value)}
        />
        {stale ? (
          <StaleVersionNotice
            error={save.error}
            onReload={async () => {
              save.reset();
              invalidateFigures(queryClient, figure.metricCode);
              await queryClient.invalidateQueries({ queryKey: ["figure"] });
            }}
          />
        ) : save.error && !fieldError ? (
          <ErrorNotice error={save.error} />
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!other}>
            {t("figures.markReviewed")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawReview({ figure, otherId }: { figure: Figure; otherId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => api.delete<Figure>(reviewPath(figure, otherId)),
    onSuccess: (saved) => {
      queryClient.setQueryData(["figure", figure.id], saved);
      invalidateFigures(queryClient, figure.metricCode);
      void queryClient.invalidateQueries({ queryKey: ["figure"] });
      setAsking(false);
      announce(t("figures.reviewWithdrawnNotice"));
    },
  });
  return (
    <>
      <Group>
        <Button variant="default" size="xs" onClick={() => setAsking(true)}>
          {t("figures.withdrawReview")}
        </Button>
      </Group>
      <ConfirmDialog
        opened={asking}
        title={t("figures.withdrawReviewTitle")}
        message={t("figures.withdrawReviewMessage")}
        confirmLabel={t("figures.withdrawReview")}
        pending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdraw.mutate()}
        onClose={() => {
          withdraw.reset();
          setAsking(false);
        }}
      />
    </>
  );
}
