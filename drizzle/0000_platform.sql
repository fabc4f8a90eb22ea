CREATE TABLE "platform_company" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_company_currency_ck" CHECK ("platform_company"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "platform_department" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"parent_id" uuid,
	"manager_user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_department_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_department_parent_ck" CHECK ("platform_department"."parent_id" is distinct from "platform_department"."id")
);
--> statement-breakpoint
CREATE TABLE "platform_membership" (
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"department_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_membership_company_id_user_id_pk" PRIMARY KEY("company_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "platform_role" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"permissions" text[] DEFAULT '{}'::text[] NOT NULL,
	"record_scope" text DEFAULT 'company' NOT NULL,
	"field_masks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_role_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_role_scope_ck" CHECK ("platform_role"."record_scope" in ('own', 'team', 'company'))
);
--> statement-breakpoint
CREATE TABLE "platform_user" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"default_company_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_user_email_ck" CHECK ("platform_user"."email" ~ '^[^@\s]+@[^@\s]+$')
);
--> statement-breakpoint
CREATE TABLE "platform_user_role" (
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_user_role_company_id_user_id_role_id_pk" PRIMARY KEY("company_id","user_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "platform_api_token" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"role_id" uuid NOT NULL,
	"scopes" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "platform_api_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "platform_idempotency_key" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"no_replay" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_idempotency_key_scope_key_pk" PRIMARY KEY("scope","key"),
	CONSTRAINT "platform_idempotency_state_ck" CHECK ("platform_idempotency_key"."state" in ('pending', 'done'))
);
--> statement-breakpoint
CREATE TABLE "platform_known_device" (
	"user_id" uuid NOT NULL,
	"device_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_known_device_user_id_device_hash_pk" PRIMARY KEY("user_id","device_hash")
);
--> statement-breakpoint
CREATE TABLE "platform_password_reset" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "platform_password_reset_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "platform_rate_limit" (
	"bucket" text PRIMARY KEY NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_rate_limit_hits_ck" CHECK ("platform_rate_limit"."hits" >= 0)
);
--> statement-breakpoint
CREATE TABLE "platform_session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "platform_audit_log" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_token_id" uuid,
	"request_id" text,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text,
	"chain_pos" bigint,
	"seal" text,
	CONSTRAINT "platform_audit_log_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "platform_audit_seal_head" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"last_pos" bigint DEFAULT 0 NOT NULL,
	"last_seal" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_event" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"type" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"payload_version" integer DEFAULT 1 NOT NULL,
	"payload" jsonb NOT NULL,
	"actor_user_id" uuid,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"dispatched_at" timestamp with time zone,
	CONSTRAINT "platform_event_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "platform_event_handled" (
	"company_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"subscriber" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_event_handled_company_id_event_id_subscriber_pk" PRIMARY KEY("company_id","event_id","subscriber")
);
--> statement-breakpoint
CREATE TABLE "platform_job_schedule" (
	"name" text PRIMARY KEY NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_error" text,
	"runs" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_mail" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "platform_mail_status_ck" CHECK ("platform_mail"."status" in ('queued', 'sent', 'stored', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "platform_notification" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_notification_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "platform_approval_request" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"summary" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requested_by" uuid NOT NULL,
	"approver_role_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_approval_request_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_approval_status_ck" CHECK ("platform_approval_request"."status" in ('pending', 'approved', 'rejected', 'cancelled')),
	CONSTRAINT "platform_approval_decided_ck" CHECK (("platform_approval_request"."status" = 'pending') = ("platform_approval_request"."decided_at" is null) or "platform_approval_request"."status" = 'cancelled')
);
--> statement-breakpoint
CREATE TABLE "platform_attachment" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_attachment_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_attachment_size_ck" CHECK ("platform_attachment"."size_bytes" >= 0 and "platform_attachment"."size_bytes" <= 26214400)
);
--> statement-breakpoint
CREATE TABLE "platform_import_batch" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entity" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"ok_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "platform_import_batch_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_import_format_ck" CHECK ("platform_import_batch"."format" in ('csv', 'xlsx')),
	CONSTRAINT "platform_import_status_ck" CHECK ("platform_import_batch"."status" in ('running', 'done', 'failed', 'undone'))
);
--> statement-breakpoint
CREATE TABLE "platform_import_row" (
	"company_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"status" text NOT NULL,
	"errors" jsonb,
	"record_id" text,
	CONSTRAINT "platform_import_row_company_id_batch_id_row_no_pk" PRIMARY KEY("company_id","batch_id","row_no"),
	CONSTRAINT "platform_import_row_status_ck" CHECK ("platform_import_row"."status" in ('ok', 'error'))
);
--> statement-breakpoint
CREATE TABLE "platform_currency" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"symbol" text DEFAULT '' NOT NULL,
	"decimals" smallint DEFAULT 2 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_currency_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_currency_code_uq" UNIQUE("company_id","code"),
	CONSTRAINT "platform_currency_code_ck" CHECK ("platform_currency"."code" ~ '^[A-Z]{3}$'),
	CONSTRAINT "platform_currency_decimals_ck" CHECK ("platform_currency"."decimals" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "platform_dictionary_entry" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dictionary" text NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_dictionary_entry_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "platform_exchange_rate" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"currency_code" text NOT NULL,
	"rate_date" date NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_exchange_rate_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_exchange_rate_positive_ck" CHECK ("platform_exchange_rate"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "platform_payment_term" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"due_days" integer NOT NULL,
	"end_of_month" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_payment_term_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_payment_term_days_ck" CHECK ("platform_payment_term"."due_days" between 0 and 3650)
);
--> statement-breakpoint
CREATE TABLE "platform_region" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"level" text NOT NULL,
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_tax_code" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text NOT NULL,
	"rate" numeric(9, 6) NOT NULL,
	"price_included" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_tax_code_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_tax_code_kind_ck" CHECK ("platform_tax_code"."kind" in ('output', 'input')),
	CONSTRAINT "platform_tax_code_rate_ck" CHECK ("platform_tax_code"."rate" >= 0 and "platform_tax_code"."rate" < 1)
);
--> statement-breakpoint
CREATE TABLE "platform_uom" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"category" text NOT NULL,
	"factor" numeric(20, 10) DEFAULT '1' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_uom_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "platform_uom_factor_ck" CHECK ("platform_uom"."factor" > 0)
);
--> statement-breakpoint
ALTER TABLE "platform_department" ADD CONSTRAINT "platform_department_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_department" ADD CONSTRAINT "platform_department_manager_user_id_platform_user_id_fk" FOREIGN KEY ("manager_user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_department" ADD CONSTRAINT "platform_department_company_id_parent_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","parent_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_membership" ADD CONSTRAINT "platform_membership_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_membership" ADD CONSTRAINT "platform_membership_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_membership" ADD CONSTRAINT "platform_membership_company_id_department_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","department_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_role" ADD CONSTRAINT "platform_role_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_user" ADD CONSTRAINT "platform_user_default_company_id_platform_company_id_fk" FOREIGN KEY ("default_company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_user_role" ADD CONSTRAINT "platform_user_role_company_id_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_user_role" ADD CONSTRAINT "platform_user_role_company_id_role_id_platform_role_company_id_id_fk" FOREIGN KEY ("company_id","role_id") REFERENCES "public"."platform_role"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_api_token" ADD CONSTRAINT "platform_api_token_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_api_token" ADD CONSTRAINT "platform_api_token_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_api_token" ADD CONSTRAINT "platform_api_token_company_id_role_id_platform_role_company_id_id_fk" FOREIGN KEY ("company_id","role_id") REFERENCES "public"."platform_role"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_known_device" ADD CONSTRAINT "platform_known_device_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_password_reset" ADD CONSTRAINT "platform_password_reset_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_session" ADD CONSTRAINT "platform_session_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_session" ADD CONSTRAINT "platform_session_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_audit_log" ADD CONSTRAINT "platform_audit_log_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_audit_seal_head" ADD CONSTRAINT "platform_audit_seal_head_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_event" ADD CONSTRAINT "platform_event_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_mail" ADD CONSTRAINT "platform_mail_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_notification" ADD CONSTRAINT "platform_notification_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_notification" ADD CONSTRAINT "platform_notification_company_id_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_approval_request" ADD CONSTRAINT "platform_approval_request_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_approval_request" ADD CONSTRAINT "platform_approval_request_company_id_requested_by_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","requested_by") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_approval_request" ADD CONSTRAINT "platform_approval_request_company_id_approver_role_id_platform_role_company_id_id_fk" FOREIGN KEY ("company_id","approver_role_id") REFERENCES "public"."platform_role"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_attachment" ADD CONSTRAINT "platform_attachment_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_import_batch" ADD CONSTRAINT "platform_import_batch_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_import_row" ADD CONSTRAINT "platform_import_row_company_id_batch_id_platform_import_batch_company_id_id_fk" FOREIGN KEY ("company_id","batch_id") REFERENCES "public"."platform_import_batch"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_currency" ADD CONSTRAINT "platform_currency_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_dictionary_entry" ADD CONSTRAINT "platform_dictionary_entry_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_exchange_rate" ADD CONSTRAINT "platform_exchange_rate_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_exchange_rate" ADD CONSTRAINT "platform_exchange_rate_company_id_currency_code_platform_currency_company_id_code_fk" FOREIGN KEY ("company_id","currency_code") REFERENCES "public"."platform_currency"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_payment_term" ADD CONSTRAINT "platform_payment_term_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tax_code" ADD CONSTRAINT "platform_tax_code_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_uom" ADD CONSTRAINT "platform_uom_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_company_code_uq" ON "platform_company" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_department_code_uq" ON "platform_department" USING btree ("company_id","code");--> statement-breakpoint
CREATE INDEX "platform_membership_user_ix" ON "platform_membership" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_role_code_uq" ON "platform_role" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_user_email_uq" ON "platform_user" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "platform_api_token_user_ix" ON "platform_api_token" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "platform_idempotency_created_ix" ON "platform_idempotency_key" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "platform_password_reset_user_ix" ON "platform_password_reset" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "platform_session_user_ix" ON "platform_session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "platform_audit_log_entity_ix" ON "platform_audit_log" USING btree ("company_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "platform_audit_log_at_ix" ON "platform_audit_log" USING btree ("company_id","at");--> statement-breakpoint
CREATE INDEX "platform_audit_log_unsealed_ix" ON "platform_audit_log" USING btree ("company_id","seq") WHERE "platform_audit_log"."seal" is null;--> statement-breakpoint
CREATE INDEX "platform_audit_log_chain_ix" ON "platform_audit_log" USING btree ("company_id","chain_pos");--> statement-breakpoint
CREATE INDEX "platform_event_pending_ix" ON "platform_event" USING btree ("company_id","seq") WHERE "platform_event"."dispatched_at" is null;--> statement-breakpoint
CREATE INDEX "platform_event_aggregate_ix" ON "platform_event" USING btree ("company_id","aggregate_id","seq");--> statement-breakpoint
CREATE INDEX "platform_event_type_ix" ON "platform_event" USING btree ("company_id","type","created_at");--> statement-breakpoint
CREATE INDEX "platform_mail_queued_ix" ON "platform_mail" USING btree ("created_at") WHERE "platform_mail"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "platform_notification_user_ix" ON "platform_notification" USING btree ("company_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "platform_approval_status_ix" ON "platform_approval_request" USING btree ("company_id","status","created_at");--> statement-breakpoint
CREATE INDEX "platform_attachment_record_ix" ON "platform_attachment" USING btree ("company_id","record_type","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_dictionary_entry_uq" ON "platform_dictionary_entry" USING btree ("company_id","dictionary","code");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_exchange_rate_day_uq" ON "platform_exchange_rate" USING btree ("company_id","currency_code","rate_date");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_payment_term_uq" ON "platform_payment_term" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_tax_code_uq" ON "platform_tax_code" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_uom_code_uq" ON "platform_uom" USING btree ("company_id","code");