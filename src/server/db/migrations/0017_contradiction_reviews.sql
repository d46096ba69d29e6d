CREATE TABLE "figure_contradiction_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"figure_id" uuid NOT NULL,
	"other_figure_id" uuid NOT NULL,
	"figure_version" integer NOT NULL,
	"other_figure_version" integer NOT NULL,
	"explanation" text NOT NULL,
	"reviewed_by" uuid,
	CONSTRAINT "figure_contradiction_review_order_check" CHECK ("figure_contradiction_review"."figure_id" < "figure_contradiction_review"."other_figure_id")
);
--> statement-breakpoint
ALTER TABLE "figure_contradiction_review" ADD CONSTRAINT "figure_contradiction_review_figure_id_figure_id_fk" FOREIGN KEY ("figure_id") REFERENCES "public"."figure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_contradiction_review" ADD CONSTRAINT "figure_contradiction_review_other_figure_id_figure_id_fk" FOREIGN KEY ("other_figure_id") REFERENCES "public"."figure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_contradiction_review" ADD CONSTRAINT "figure_contradiction_review_reviewed_by_person_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "figure_contradiction_review_pair_key" ON "figure_contradiction_review" USING btree ("figure_id","other_figure_id");--> statement-breakpoint
CREATE INDEX "figure_contradiction_review_other_idx" ON "figure_contradiction_review" USING btree ("other_figure_id");