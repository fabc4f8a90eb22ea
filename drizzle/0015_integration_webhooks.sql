CREATE TABLE "integration_webhook" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"event_types" text[] NOT NULL,
	"filter" jsonb,
	"state" text DEFAULT 'active' NOT NULL,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_until" timestamp with time zone,
	"failure_streak" integer DEFAULT 0 NOT NULL,
	"failing_since" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"disabled_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_webhook_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "integration_webhook_state_ck" CHECK ("integration_webhook"."state" in ('active', 'disabled'))
);
--> statement-breakpoint
CREATE TABLE "integration_webhook_attempt" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"delivery_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"status_code" integer,
	"response_excerpt" text,
	"error" text,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_webhook_attempt_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "integration_webhook_delivery" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"body" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_webhook_delivery_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "integration_webhook_delivery_state_ck" CHECK ("integration_webhook_delivery"."state" in ('pending', 'succeeded', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "integration_quality_finding" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"check_key" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"web_path" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_id" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_quality_finding_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "integration_quality_finding_status_ck" CHECK ("integration_quality_finding"."status" in ('open', 'resolved', 'ignored'))
);
--> statement-breakpoint
CREATE TABLE "integration_quality_run" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"checks_total" integer DEFAULT 0 NOT NULL,
	"checks_done" integer DEFAULT 0 NOT NULL,
	"found_count" integer DEFAULT 0 NOT NULL,
	"new_count" integer DEFAULT 0 NOT NULL,
	"resolved_count" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_quality_run_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "integration_quality_run_state_ck" CHECK ("integration_quality_run"."state" in ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "integration_quality_run_progress_ck" CHECK ("integration_quality_run"."checks_done" between 0 and "integration_quality_run"."checks_total")
);
--> statement-breakpoint
CREATE TABLE "integration_rule" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"event_type" text NOT NULL,
	"condition" text DEFAULT '' NOT NULL,
	"actions" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"built_in" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_rule_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "integration_rule_condition_len_ck" CHECK (length("integration_rule"."condition") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "integration_rule_run" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_version" integer NOT NULL,
	"event_id" uuid,
	"event_type" text NOT NULL,
	"subject_id" text,
	"outcome" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_rule_run_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "integration_rule_run_outcome_ck" CHECK ("integration_rule_run"."outcome" in ('applied', 'not_matched', 'error', 'held'))
);
--> statement-breakpoint
ALTER TABLE "integration_webhook" ADD CONSTRAINT "integration_webhook_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_webhook_attempt" ADD CONSTRAINT "integration_webhook_attempt_company_id_delivery_id_integration_webhook_delivery_company_id_id_fk" FOREIGN KEY ("company_id","delivery_id") REFERENCES "public"."integration_webhook_delivery"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_webhook_delivery" ADD CONSTRAINT "integration_webhook_delivery_company_id_webhook_id_integration_webhook_company_id_id_fk" FOREIGN KEY ("company_id","webhook_id") REFERENCES "public"."integration_webhook"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_quality_finding" ADD CONSTRAINT "integration_quality_finding_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_quality_finding" ADD CONSTRAINT "integration_quality_finding_company_id_last_run_id_integration_quality_run_company_id_id_fk" FOREIGN KEY ("company_id","last_run_id") REFERENCES "public"."integration_quality_run"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_quality_finding" ADD CONSTRAINT "integration_quality_finding_company_id_resolved_by_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","resolved_by") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_quality_run" ADD CONSTRAINT "integration_quality_run_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_rule" ADD CONSTRAINT "integration_rule_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_rule_run" ADD CONSTRAINT "integration_rule_run_company_id_rule_id_integration_rule_company_id_id_fk" FOREIGN KEY ("company_id","rule_id") REFERENCES "public"."integration_rule"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_webhook_attempt_delivery_ix" ON "integration_webhook_attempt" USING btree ("company_id","delivery_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_webhook_delivery_event_ux" ON "integration_webhook_delivery" USING btree ("company_id","webhook_id","event_id");--> statement-breakpoint
CREATE INDEX "integration_webhook_delivery_due_ix" ON "integration_webhook_delivery" USING btree ("next_attempt_at") WHERE "integration_webhook_delivery"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "integration_webhook_delivery_event_ix" ON "integration_webhook_delivery" USING btree ("company_id","event_id");--> statement-breakpoint
CREATE INDEX "integration_webhook_delivery_state_ix" ON "integration_webhook_delivery" USING btree ("company_id","state","id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_quality_finding_uq" ON "integration_quality_finding" USING btree ("company_id","check_key","fingerprint");--> statement-breakpoint
CREATE INDEX "integration_quality_finding_status_ix" ON "integration_quality_finding" USING btree ("company_id","status","check_key");--> statement-breakpoint
CREATE INDEX "integration_quality_finding_record_ix" ON "integration_quality_finding" USING btree ("company_id","record_type","record_id");--> statement-breakpoint
CREATE INDEX "integration_quality_run_state_ix" ON "integration_quality_run" USING btree ("state","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_quality_run_active_uq" ON "integration_quality_run" USING btree ("company_id") WHERE "integration_quality_run"."state" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "integration_rule_event_idx" ON "integration_rule" USING btree ("company_id","event_type");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_rule_built_in_uq" ON "integration_rule" USING btree ("company_id","built_in") WHERE "integration_rule"."built_in" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "integration_rule_run_event_uq" ON "integration_rule_run" USING btree ("company_id","rule_id","event_id");--> statement-breakpoint
CREATE INDEX "integration_rule_run_rule_idx" ON "integration_rule_run" USING btree ("company_id","rule_id","created_at");