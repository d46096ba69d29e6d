CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"unit_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"original_language" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"sdg_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget_amount" numeric(16, 2),
	"currency" text,
	"contact_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "activity_period_check" CHECK ("activity"."end_date" is null or "activity"."end_date" >= "activity"."start_date"),
	CONSTRAINT "activity_type_check" CHECK ("activity"."type" in ('study_group_question', 'project', 'initiative', 'event', 'publication', 'service', 'guideline')),
	CONSTRAINT "activity_status_check" CHECK ("activity"."status" in ('planned', 'ongoing', 'completed', 'cancelled')),
	CONSTRAINT "activity_budget_check" CHECK (("activity"."budget_amount" is null) = ("activity"."currency" is null))
);
--> statement-breakpoint
CREATE TABLE "activity_area" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"activity_id" uuid NOT NULL,
	"area_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_area" ADD CONSTRAINT "activity_area_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_area" ADD CONSTRAINT "activity_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_unit_ref_key" ON "activity" USING btree ("unit_id","ref");--> statement-breakpoint
CREATE INDEX "activity_start_idx" ON "activity" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "activity_search_trgm_idx" ON "activity" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "activity_sdg_idx" ON "activity" USING gin ("sdg_targets");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_area_key" ON "activity_area" USING btree ("activity_id","area_id");--> statement-breakpoint
CREATE INDEX "activity_area_area_idx" ON "activity_area" USING btree ("area_id");