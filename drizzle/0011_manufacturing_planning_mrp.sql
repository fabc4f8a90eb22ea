CREATE TABLE "manufacturing_mrp_proposal" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"bom_id" uuid,
	"qty" numeric(18, 4) NOT NULL,
	"release_date" date NOT NULL,
	"need_date" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"pegging" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"document_type" text,
	"document_id" uuid,
	"document_number" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturing_mrp_proposal_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "manufacturing_mrp_proposal_kind_ck" CHECK ("manufacturing_mrp_proposal"."kind" in ('buy', 'make')),
	CONSTRAINT "manufacturing_mrp_proposal_qty_ck" CHECK ("manufacturing_mrp_proposal"."qty" > 0),
	CONSTRAINT "manufacturing_mrp_proposal_state_ck" CHECK ("manufacturing_mrp_proposal"."state" in ('proposed', 'confirmed', 'dismissed', 'superseded')),
	CONSTRAINT "manufacturing_mrp_proposal_document_ck" CHECK (("manufacturing_mrp_proposal"."state" = 'confirmed') = ("manufacturing_mrp_proposal"."document_id" is not null)),
	CONSTRAINT "manufacturing_mrp_proposal_dates_ck" CHECK ("manufacturing_mrp_proposal"."release_date" <= "manufacturing_mrp_proposal"."need_date")
);
--> statement-breakpoint
CREATE TABLE "manufacturing_mrp_run" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"plan_date" date,
	"item_count" integer DEFAULT 0 NOT NULL,
	"demand_count" integer DEFAULT 0 NOT NULL,
	"proposal_count" integer DEFAULT 0 NOT NULL,
	"late_count" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturing_mrp_run_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "manufacturing_mrp_run_state_ck" CHECK ("manufacturing_mrp_run"."state" in ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "manufacturing_mrp_run_progress_ck" CHECK ("manufacturing_mrp_run"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "manufacturing_forecast" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"month" date NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturing_forecast_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "manufacturing_forecast_month_ck" CHECK (extract(day from "manufacturing_forecast"."month") = 1),
	CONSTRAINT "manufacturing_forecast_qty_ck" CHECK ("manufacturing_forecast"."qty" >= 0)
);
--> statement-breakpoint
CREATE TABLE "manufacturing_reorder_rule" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"route" text DEFAULT 'reorder' NOT NULL,
	"min_qty" numeric(18, 4) DEFAULT '0' NOT NULL,
	"max_qty" numeric(18, 4) DEFAULT '0' NOT NULL,
	"multiple" numeric(18, 4) DEFAULT '0' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturing_reorder_rule_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "manufacturing_reorder_rule_route_ck" CHECK ("manufacturing_reorder_rule"."route" in ('reorder', 'mto')),
	CONSTRAINT "manufacturing_reorder_rule_qty_ck" CHECK ("manufacturing_reorder_rule"."min_qty" >= 0 and "manufacturing_reorder_rule"."max_qty" >= "manufacturing_reorder_rule"."min_qty" and "manufacturing_reorder_rule"."multiple" >= 0)
);
--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_proposal" ADD CONSTRAINT "manufacturing_mrp_proposal_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_proposal" ADD CONSTRAINT "manufacturing_mrp_proposal_company_id_run_id_manufacturing_mrp_run_company_id_id_fk" FOREIGN KEY ("company_id","run_id") REFERENCES "public"."manufacturing_mrp_run"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_proposal" ADD CONSTRAINT "manufacturing_mrp_proposal_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_proposal" ADD CONSTRAINT "manufacturing_mrp_proposal_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_run" ADD CONSTRAINT "manufacturing_mrp_run_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_forecast" ADD CONSTRAINT "manufacturing_forecast_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_forecast" ADD CONSTRAINT "manufacturing_forecast_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_forecast" ADD CONSTRAINT "manufacturing_forecast_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_reorder_rule" ADD CONSTRAINT "manufacturing_reorder_rule_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_reorder_rule" ADD CONSTRAINT "manufacturing_reorder_rule_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_reorder_rule" ADD CONSTRAINT "manufacturing_reorder_rule_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "manufacturing_mrp_proposal_run_idx" ON "manufacturing_mrp_proposal" USING btree ("company_id","run_id","kind","product_id");--> statement-breakpoint
CREATE INDEX "manufacturing_mrp_proposal_open_idx" ON "manufacturing_mrp_proposal" USING btree ("company_id","run_id") WHERE "manufacturing_mrp_proposal"."state" = 'proposed';--> statement-breakpoint
CREATE INDEX "manufacturing_mrp_run_state_idx" ON "manufacturing_mrp_run" USING btree ("state","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturing_forecast_uq" ON "manufacturing_forecast" USING btree ("company_id","product_id","warehouse_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturing_reorder_rule_uq" ON "manufacturing_reorder_rule" USING btree ("company_id","product_id","warehouse_id");