ALTER TABLE "platform_import_batch" ADD COLUMN "new_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_import_batch" ADD COLUMN "updated_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_import_batch" ADD COLUMN "unchanged_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_import_batch" ADD COLUMN "conflict_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_import_batch" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "platform_import_row" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "platform_import_row" ADD CONSTRAINT "platform_import_row_outcome_ck" CHECK ("platform_import_row"."outcome" in ('new', 'updated', 'unchanged', 'conflict', 'error'));