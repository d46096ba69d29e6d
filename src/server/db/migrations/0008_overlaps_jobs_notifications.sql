CREATE TABLE "overlap_candidate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"activity_a_id" uuid NOT NULL,
	"activity_b_id" uuid NOT NULL,
	"score" real NOT NULL,
	"likely" boolean NOT NULL,
	"evidence" jsonb NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_words" jsonb,
	CONSTRAINT "overlap_candidate_order_check" CHECK ("overlap_candidate"."activity_a_id" < "overlap_candidate"."activity_b_id"),
	CONSTRAINT "overlap_candidate_status_check" CHECK ("overlap_candidate"."status" in ('open', 'confirmed', 'dismissed')),
	CONSTRAINT "overlap_candidate_outcome_check" CHECK (("overlap_candidate"."status" = 'confirmed' and "overlap_candidate"."outcome" in ('coordinate', 'merge', 'joint_activity')) or ("overlap_candidate"."status" <> 'confirmed' and "overlap_candidate"."outcome" is null))
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"result" jsonb,
	"error" text,
	"requested_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_status_check" CHECK ("job"."status" in ('running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" jsonb NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "overlap_candidate" ADD CONSTRAINT "overlap_candidate_activity_a_id_activity_id_fk" FOREIGN KEY ("activity_a_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overlap_candidate" ADD CONSTRAINT "overlap_candidate_activity_b_id_activity_id_fk" FOREIGN KEY ("activity_b_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "overlap_candidate_pair_key" ON "overlap_candidate" USING btree ("activity_a_id","activity_b_id");--> statement-breakpoint
CREATE INDEX "overlap_candidate_inbox_idx" ON "overlap_candidate" USING btree ("status","score" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "overlap_candidate_b_idx" ON "overlap_candidate" USING btree ("activity_b_id");--> statement-breakpoint
CREATE INDEX "job_kind_idx" ON "job" USING btree ("kind","started_at");--> statement-breakpoint
CREATE INDEX "notification_person_idx" ON "notification" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "activity_updated_idx" ON "activity" USING btree ("updated_at");