CREATE TABLE "area_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"meeting_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"language" text NOT NULL,
	"progress" text NOT NULL,
	"issues" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "minutes_status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "minutes_revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "minutes_approved_by" uuid;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "minutes_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "area_report" ADD CONSTRAINT "area_report_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_report" ADD CONSTRAINT "area_report_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "area_report_key" ON "area_report" USING btree ("meeting_id","area_id","person_id");