CREATE TABLE "body" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"original_language" text NOT NULL,
	"level" text NOT NULL,
	"chair_person_id" uuid,
	"terms_of_reference" jsonb,
	"instrument_id" uuid,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	CONSTRAINT "body_level_check" CHECK ("body"."level" in ('secretariat', 'membership'))
);
--> statement-breakpoint
CREATE TABLE "body_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "body_member_period_check" CHECK ("body_member"."valid_to" is null or "body_member"."valid_to" >= "body_member"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"body_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"time_zone" text NOT NULL,
	"mode" text NOT NULL,
	"place" text,
	"status" text DEFAULT 'planned' NOT NULL,
	CONSTRAINT "meeting_mode_check" CHECK ("meeting"."mode" in ('in_person', 'remote', 'hybrid')),
	CONSTRAINT "meeting_status_check" CHECK ("meeting"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "meeting_period_check" CHECK ("meeting"."ends_at" is null or "meeting"."ends_at" >= "meeting"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "meeting_participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text,
	"invited" boolean DEFAULT true NOT NULL,
	"attendance" text,
	CONSTRAINT "meeting_participant_attendance_check" CHECK ("meeting_participant"."attendance" is null or "meeting_participant"."attendance" in ('in_person', 'remote', 'apologies', 'absent'))
);
--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_chair_person_id_person_id_fk" FOREIGN KEY ("chair_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_instrument_id_mandate_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."mandate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "body_code_key" ON "body" USING btree ("code");--> statement-breakpoint
CREATE INDEX "body_member_body_idx" ON "body_member" USING btree ("body_id","valid_from");--> statement-breakpoint
CREATE INDEX "body_member_person_idx" ON "body_member" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_body_number_key" ON "meeting" USING btree ("body_id","number");--> statement-breakpoint
CREATE INDEX "meeting_starts_idx" ON "meeting" USING btree ("starts_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participant_key" ON "meeting_participant" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE INDEX "meeting_participant_person_idx" ON "meeting_participant" USING btree ("person_id");