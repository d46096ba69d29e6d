CREATE TABLE "coordination_issue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"area_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"original_language" text NOT NULL,
	"raised_by" uuid NOT NULL,
	"level" integer DEFAULT 1 NOT NULL,
	"level_since" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by_decision_id" uuid,
	"resolution" text,
	"moves" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "coordination_issue_status_check" CHECK ("coordination_issue"."status" in ('open', 'resolved', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "escalation_level" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"position" integer NOT NULL,
	"name" jsonb NOT NULL,
	"body_id" uuid,
	"time_limit_days" integer
);
--> statement-breakpoint
ALTER TABLE "agenda_item" ADD COLUMN "coordination_issue_id" uuid;--> statement-breakpoint
ALTER TABLE "coordination_issue" ADD CONSTRAINT "coordination_issue_raised_by_person_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_issue" ADD CONSTRAINT "coordination_issue_resolved_by_decision_id_decision_id_fk" FOREIGN KEY ("resolved_by_decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_level" ADD CONSTRAINT "escalation_level_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_issue_status_idx" ON "coordination_issue" USING btree ("status","level","level_since");--> statement-breakpoint
CREATE INDEX "coordination_issue_area_idx" ON "coordination_issue" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_level_position_key" ON "escalation_level" USING btree ("position");