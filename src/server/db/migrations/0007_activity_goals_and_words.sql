ALTER TABLE "activity" ADD COLUMN "sdg_goals" smallint[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "activity" ADD COLUMN "search_words" text[] GENERATED ALWAYS AS (string_to_array(btrim(search_text), ' ')) STORED NOT NULL;--> statement-breakpoint
UPDATE "activity" SET "sdg_goals" = (select array_agg(distinct split_part(t, '.', 1)::smallint) from jsonb_array_elements_text("sdg_targets") t) WHERE "sdg_targets" <> '[]'::jsonb;--> statement-breakpoint
CREATE INDEX "activity_sdg_goals_idx" ON "activity" USING gin ("sdg_goals");--> statement-breakpoint
CREATE INDEX "activity_search_words_idx" ON "activity" USING gin ("search_words");