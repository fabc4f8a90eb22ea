CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "crm_activity" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"customer_id" uuid,
	"contact_id" uuid,
	"lead_id" uuid,
	"opportunity_id" uuid,
	"owner_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_activity_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "crm_activity_kind_ck" CHECK ("crm_activity"."kind" in ('call', 'meeting', 'visit', 'email', 'note', 'task')),
	CONSTRAINT "crm_activity_time_ck" CHECK ("crm_activity"."ends_at" is null or "crm_activity"."starts_at" is null or "crm_activity"."ends_at" >= "crm_activity"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "crm_calendar_feed" (
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_calendar_feed_company_id_user_id_pk" PRIMARY KEY("company_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "crm_contact" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"wechat" text,
	"birthday" date,
	"preferred_channel" text,
	"notes" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_contact_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "crm_contact_channel_ck" CHECK ("crm_contact"."preferred_channel" is null or "crm_contact"."preferred_channel" in ('phone', 'email', 'wechat', 'visit', 'sms'))
);
--> statement-breakpoint
CREATE TABLE "crm_customer" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text DEFAULT 'company' NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"name_key" text NOT NULL,
	"search_text" text NOT NULL,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"name_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"tax_id" text,
	"industry_code" text,
	"source_code" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_user_id" uuid,
	"team_id" uuid,
	"status" text DEFAULT 'prospect' NOT NULL,
	"credit_limit" numeric(18, 2),
	"currency" text DEFAULT 'CNY' NOT NULL,
	"payment_term_code" text,
	"notes" text DEFAULT '' NOT NULL,
	"in_pool" boolean DEFAULT false NOT NULL,
	"pool_since" timestamp with time zone,
	"last_activity_at" timestamp with time zone,
	"last_deal_at" timestamp with time zone,
	"pool_warned_at" timestamp with time zone,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_customer_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "crm_customer_kind_ck" CHECK ("crm_customer"."kind" in ('company', 'person')),
	CONSTRAINT "crm_customer_status_ck" CHECK ("crm_customer"."status" in ('prospect', 'active', 'dormant', 'lost')),
	CONSTRAINT "crm_customer_credit_ck" CHECK ("crm_customer"."credit_limit" is null or "crm_customer"."credit_limit" >= 0),
	CONSTRAINT "crm_customer_merge_ck" CHECK ("crm_customer"."merged_into_id" is distinct from "crm_customer"."id")
);
--> statement-breakpoint
CREATE TABLE "crm_customer_address" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"country_code" text DEFAULT 'CN' NOT NULL,
	"region_code" text,
	"city" text DEFAULT '' NOT NULL,
	"line1" text NOT NULL,
	"line2" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_customer_address_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "crm_customer_address_kind_ck" CHECK ("crm_customer_address"."kind" in ('billing', 'shipping', 'other'))
);
--> statement-breakpoint
CREATE TABLE "crm_customer_merge" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"moved" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"merged_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid,
	CONSTRAINT "crm_customer_merge_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_pool_rule" (
	"company_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"days_without_follow_up" integer DEFAULT 30 NOT NULL,
	"days_without_deal" integer DEFAULT 90 NOT NULL,
	"warn_days_before" integer DEFAULT 3 NOT NULL,
	"claim_limit" integer DEFAULT 200 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_pool_rule_company_id_team_id_pk" PRIMARY KEY("company_id","team_id"),
	CONSTRAINT "crm_pool_rule_days_ck" CHECK ("crm_pool_rule"."days_without_follow_up" > 0 and "crm_pool_rule"."days_without_deal" > 0 and "crm_pool_rule"."warn_days_before" >= 0),
	CONSTRAINT "crm_pool_rule_limit_ck" CHECK ("crm_pool_rule"."claim_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "crm_timeline_entry" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"summary" text NOT NULL,
	"ref" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_event_id" uuid NOT NULL,
	"actor_user_id" uuid,
	CONSTRAINT "crm_timeline_entry_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_assignment_rule" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"name" text NOT NULL,
	"match_source_code" text,
	"match_region_code" text,
	"team_id" uuid,
	"strategy" text DEFAULT 'round_robin' NOT NULL,
	"user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"cursor" integer DEFAULT 0 NOT NULL,
	"fallback_user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_assignment_rule_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "crm_assignment_rule_strategy_ck" CHECK ("crm_assignment_rule"."strategy" in ('round_robin', 'team_round_robin', 'fixed'))
);
--> statement-breakpoint
CREATE TABLE "crm_lead" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"source_code" text,
	"company_name" text DEFAULT '' NOT NULL,
	"contact_name" text NOT NULL,
	"name_key" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"phone_key" text DEFAULT '' NOT NULL,
	"email" text,
	"region_code" text,
	"message" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"team_id" uuid,
	"lost_reason_code" text,
	"form_id" uuid,
	"converted_customer_id" uuid,
	"converted_contact_id" uuid,
	"converted_opportunity_id" uuid,
	"converted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_lead_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "crm_lead_status_ck" CHECK ("crm_lead"."status" in ('new', 'contacted', 'qualified', 'converted', 'lost')),
	CONSTRAINT "crm_lead_lost_ck" CHECK ("crm_lead"."status" <> 'lost' or "crm_lead"."lost_reason_code" is not null)
);
--> statement-breakpoint
CREATE TABLE "crm_web_form" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"source_code" text,
	"team_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_web_form_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_opportunity" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"probability" integer NOT NULL,
	"expected_close_date" date,
	"owner_user_id" uuid,
	"team_id" uuid,
	"competitor" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"products" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lost_reason_code" text,
	"closed_at" timestamp with time zone,
	"lead_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_opportunity_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "crm_opportunity_status_ck" CHECK ("crm_opportunity"."status" in ('open', 'won', 'lost')),
	CONSTRAINT "crm_opportunity_amount_ck" CHECK ("crm_opportunity"."amount" >= 0),
	CONSTRAINT "crm_opportunity_probability_ck" CHECK ("crm_opportunity"."probability" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "crm_pipeline" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_pipeline_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_stage" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"sort" integer NOT NULL,
	"probability" integer NOT NULL,
	"outcome" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_stage_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "crm_stage_probability_ck" CHECK ("crm_stage"."probability" between 0 and 100),
	CONSTRAINT "crm_stage_outcome_ck" CHECK ("crm_stage"."outcome" in ('open', 'won', 'lost'))
);
--> statement-breakpoint
CREATE TABLE "crm_opportunity_stage_change" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_opportunity_stage_change_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_target" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"month" date NOT NULL,
	"user_id" uuid,
	"team_id" uuid,
	"amount" numeric(18, 2) NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_target_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "crm_target_kind_ck" CHECK ("crm_target"."kind" in ('sales', 'collection')),
	CONSTRAINT "crm_target_who_ck" CHECK (("crm_target"."user_id" is null) <> ("crm_target"."team_id" is null)),
	CONSTRAINT "crm_target_month_ck" CHECK (extract(day from "crm_target"."month") = 1),
	CONSTRAINT "crm_target_amount_ck" CHECK ("crm_target"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "crm_activity" ADD CONSTRAINT "crm_activity_company_id_customer_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","customer_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_activity" ADD CONSTRAINT "crm_activity_company_id_contact_id_crm_contact_company_id_id_fk" FOREIGN KEY ("company_id","contact_id") REFERENCES "public"."crm_contact"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_activity" ADD CONSTRAINT "crm_activity_company_id_lead_id_crm_lead_company_id_id_fk" FOREIGN KEY ("company_id","lead_id") REFERENCES "public"."crm_lead"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_activity" ADD CONSTRAINT "crm_activity_company_id_opportunity_id_crm_opportunity_company_id_id_fk" FOREIGN KEY ("company_id","opportunity_id") REFERENCES "public"."crm_opportunity"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_activity" ADD CONSTRAINT "crm_activity_company_id_owner_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","owner_user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_calendar_feed" ADD CONSTRAINT "crm_calendar_feed_company_id_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_contact" ADD CONSTRAINT "crm_contact_company_id_customer_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","customer_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_contact" ADD CONSTRAINT "crm_contact_company_id_owner_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","owner_user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_customer" ADD CONSTRAINT "crm_customer_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_customer" ADD CONSTRAINT "crm_customer_company_id_owner_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","owner_user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_customer" ADD CONSTRAINT "crm_customer_company_id_team_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","team_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_customer" ADD CONSTRAINT "crm_customer_company_id_merged_into_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","merged_into_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_customer_address" ADD CONSTRAINT "crm_customer_address_company_id_customer_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","customer_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_customer_merge" ADD CONSTRAINT "crm_customer_merge_company_id_survivor_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","survivor_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_customer_merge" ADD CONSTRAINT "crm_customer_merge_company_id_merged_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","merged_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_pool_rule" ADD CONSTRAINT "crm_pool_rule_company_id_team_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","team_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_timeline_entry" ADD CONSTRAINT "crm_timeline_entry_company_id_customer_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","customer_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_assignment_rule" ADD CONSTRAINT "crm_assignment_rule_company_id_team_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","team_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_assignment_rule" ADD CONSTRAINT "crm_assignment_rule_company_id_fallback_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","fallback_user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_lead" ADD CONSTRAINT "crm_lead_company_id_owner_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","owner_user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_lead" ADD CONSTRAINT "crm_lead_company_id_team_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","team_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_web_form" ADD CONSTRAINT "crm_web_form_company_id_team_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","team_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_opportunity" ADD CONSTRAINT "crm_opportunity_company_id_customer_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","customer_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_opportunity" ADD CONSTRAINT "crm_opportunity_company_id_contact_id_crm_contact_company_id_id_fk" FOREIGN KEY ("company_id","contact_id") REFERENCES "public"."crm_contact"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_opportunity" ADD CONSTRAINT "crm_opportunity_company_id_stage_id_crm_stage_company_id_id_fk" FOREIGN KEY ("company_id","stage_id") REFERENCES "public"."crm_stage"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_opportunity" ADD CONSTRAINT "crm_opportunity_company_id_pipeline_id_crm_pipeline_company_id_id_fk" FOREIGN KEY ("company_id","pipeline_id") REFERENCES "public"."crm_pipeline"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_opportunity" ADD CONSTRAINT "crm_opportunity_company_id_owner_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","owner_user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_opportunity" ADD CONSTRAINT "crm_opportunity_company_id_team_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","team_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_stage" ADD CONSTRAINT "crm_stage_company_id_pipeline_id_crm_pipeline_company_id_id_fk" FOREIGN KEY ("company_id","pipeline_id") REFERENCES "public"."crm_pipeline"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_opportunity_stage_change" ADD CONSTRAINT "crm_opportunity_stage_change_company_id_opportunity_id_crm_opportunity_company_id_id_fk" FOREIGN KEY ("company_id","opportunity_id") REFERENCES "public"."crm_opportunity"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_target" ADD CONSTRAINT "crm_target_company_id_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_target" ADD CONSTRAINT "crm_target_company_id_team_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","team_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_activity_owner_due_ix" ON "crm_activity" USING btree ("company_id","owner_user_id","due_at");--> statement-breakpoint
CREATE INDEX "crm_activity_customer_ix" ON "crm_activity" USING btree ("company_id","customer_id");--> statement-breakpoint
CREATE INDEX "crm_activity_remind_ix" ON "crm_activity" USING btree ("remind_at") WHERE "crm_activity"."reminded_at" is null and "crm_activity"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "crm_calendar_feed_token_uq" ON "crm_calendar_feed" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "crm_contact_customer_ix" ON "crm_contact" USING btree ("company_id","customer_id");--> statement-breakpoint
CREATE INDEX "crm_contact_email_ix" ON "crm_contact" USING btree ("company_id",lower("email"));--> statement-breakpoint
CREATE INDEX "crm_contact_phone_keys_ix" ON "crm_contact" USING gin ("phone_keys");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_customer_code_uq" ON "crm_customer" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_customer_tax_id_uq" ON "crm_customer" USING btree ("company_id","tax_id") WHERE "crm_customer"."tax_id" is not null and "crm_customer"."merged_into_id" is null;--> statement-breakpoint
CREATE INDEX "crm_customer_name_key_ix" ON "crm_customer" USING btree ("company_id","name_key");--> statement-breakpoint
CREATE INDEX "crm_customer_owner_ix" ON "crm_customer" USING btree ("company_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "crm_customer_grams_ix" ON "crm_customer" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "crm_customer_name_grams_ix" ON "crm_customer" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "crm_customer_address_customer_ix" ON "crm_customer_address" USING btree ("company_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_timeline_source_uq" ON "crm_timeline_entry" USING btree ("company_id","source_event_id");--> statement-breakpoint
CREATE INDEX "crm_timeline_customer_ix" ON "crm_timeline_entry" USING btree ("company_id","customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "crm_lead_owner_ix" ON "crm_lead" USING btree ("company_id","owner_user_id","status");--> statement-breakpoint
CREATE INDEX "crm_lead_phone_ix" ON "crm_lead" USING btree ("company_id","phone_key");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_web_form_key_uq" ON "crm_web_form" USING btree ("key");--> statement-breakpoint
CREATE INDEX "crm_opportunity_customer_ix" ON "crm_opportunity" USING btree ("company_id","customer_id");--> statement-breakpoint
CREATE INDEX "crm_opportunity_owner_ix" ON "crm_opportunity" USING btree ("company_id","owner_user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_pipeline_code_uq" ON "crm_pipeline" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_stage_code_uq" ON "crm_stage" USING btree ("company_id","pipeline_id","code");--> statement-breakpoint
CREATE INDEX "crm_stage_change_opportunity_ix" ON "crm_opportunity_stage_change" USING btree ("company_id","opportunity_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_target_uq" ON "crm_target" USING btree ("company_id","kind","month",coalesce("user_id", "team_id"));