CREATE TABLE "document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"symbol" text NOT NULL,
	"title" jsonb NOT NULL,
	"original_language" text NOT NULL,
	"issued_on" date,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"body_id" uuid,
	"meeting_id" uuid,
	"link" text,
	"sort_key" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "document_link_check" CHECK ("document"."link" is null or "document"."link" ~ '^https?://')
);
--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_symbol_key" ON "document" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "document_sort_idx" ON "document" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "document_meeting_idx" ON "document" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "document_search_trgm_idx" ON "document" USING gin ("search_text" gin_trgm_ops);