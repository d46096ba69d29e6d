CREATE TABLE "area" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"original_language" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"justification" text,
	"visibility" text DEFAULT 'public' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "area_status_check" CHECK ("area"."status" in ('proposed', 'active', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "area_focal_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"area_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "area_focal_point_validity_check" CHECK ("area_focal_point"."valid_to" is null or "area_focal_point"."valid_to" >= "area_focal_point"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "area_mandate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"area_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"area_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"area_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"revised" boolean DEFAULT false NOT NULL,
	"place" text,
	"year" integer NOT NULL,
	"title" jsonb NOT NULL,
	"original_language" text NOT NULL,
	"link" text,
	"instructs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"calls_for_coordination" boolean DEFAULT false NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"source_note" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	CONSTRAINT "mandate_source_check" CHECK ("mandate"."source" in ('PP', 'Council', 'WRC', 'RA', 'WTSA', 'WTDC', 'secretariat')),
	CONSTRAINT "mandate_kind_check" CHECK ("mandate"."kind" in ('resolution', 'decision', 'recommendation', 'service_order'))
);
--> statement-breakpoint
ALTER TABLE "area" ADD CONSTRAINT "area_lead_unit_id_unit_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_focal_point" ADD CONSTRAINT "area_focal_point_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_focal_point" ADD CONSTRAINT "area_focal_point_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_focal_point" ADD CONSTRAINT "area_focal_point_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_mandate" ADD CONSTRAINT "area_mandate_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_mandate" ADD CONSTRAINT "area_mandate_mandate_id_mandate_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_participant" ADD CONSTRAINT "area_participant_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_participant" ADD CONSTRAINT "area_participant_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_revision" ADD CONSTRAINT "area_revision_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "area_slug_key" ON "area" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "area_focal_point_area_idx" ON "area_focal_point" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "area_mandate_key" ON "area_mandate" USING btree ("area_id","mandate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "area_participant_key" ON "area_participant" USING btree ("area_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "area_revision_key" ON "area_revision" USING btree ("area_id","revision");--> statement-breakpoint
CREATE INDEX "area_revision_changed_idx" ON "area_revision" USING btree ("changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mandate_citation_key" ON "mandate" USING btree ("source","kind","number","year");