CREATE TABLE "figure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"metric_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"qualifier" text NOT NULL,
	"out_of" integer,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"period_since" text,
	"scope_place" text,
	"scope_unit_id" uuid,
	"scope_category" text,
	"source_symbol" text NOT NULL,
	"source_section" text,
	"source_language" text NOT NULL,
	"source_symbol_assumed" boolean DEFAULT false NOT NULL,
	"source_quote" text,
	"entered_by" uuid,
	CONSTRAINT "figure_period_check" CHECK ("figure"."period_end" >= "figure"."period_start"),
	CONSTRAINT "figure_kind_check" CHECK ("figure"."kind" in ('total', 'level', 'rate', 'average', 'change', 'share', 'rank')),
	CONSTRAINT "figure_qualifier_check" CHECK ("figure"."qualifier" in ('exact', 'about', 'more_than', 'less_than', 'at_least', 'at_most')),
	CONSTRAINT "figure_rank_check" CHECK (("figure"."kind" = 'rank') = ("figure"."out_of" is not null))
);
--> statement-breakpoint
CREATE TABLE "figure_comparison" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"figure_id" uuid NOT NULL,
	"other_figure_id" uuid NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "figure_comparison_relation_check" CHECK ("figure_comparison"."relation" in ('budget', 'previous')),
	CONSTRAINT "figure_comparison_not_self_check" CHECK ("figure_comparison"."figure_id" <> "figure_comparison"."other_figure_id")
);
--> statement-breakpoint
CREATE TABLE "metric" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"definition" jsonb,
	"original_language" text NOT NULL,
	"unit" text NOT NULL,
	"additive" boolean NOT NULL,
	"section" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	CONSTRAINT "metric_unit_check" CHECK ("metric"."unit" in ('count', 'chf', 'percent', 't_co2e_per_capita'))
);
--> statement-breakpoint
ALTER TABLE "figure" ADD CONSTRAINT "figure_metric_id_metric_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."metric"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure" ADD CONSTRAINT "figure_scope_unit_id_unit_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure" ADD CONSTRAINT "figure_entered_by_person_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_comparison" ADD CONSTRAINT "figure_comparison_figure_id_figure_id_fk" FOREIGN KEY ("figure_id") REFERENCES "public"."figure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_comparison" ADD CONSTRAINT "figure_comparison_other_figure_id_figure_id_fk" FOREIGN KEY ("other_figure_id") REFERENCES "public"."figure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric" ADD CONSTRAINT "metric_owner_unit_id_unit_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "figure_metric_period_idx" ON "figure" USING btree ("metric_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "figure_comparison_key" ON "figure_comparison" USING btree ("figure_id","other_figure_id","relation");--> statement-breakpoint
CREATE INDEX "figure_comparison_other_idx" ON "figure_comparison" USING btree ("other_figure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_code_key" ON "metric" USING btree ("code");