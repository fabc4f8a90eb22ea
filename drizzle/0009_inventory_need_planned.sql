CREATE TABLE "manufacturing_bom" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"code" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"output_qty" numeric(18, 4) DEFAULT '1' NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"state" text DEFAULT 'draft' NOT NULL,
	"lead_time_days" integer DEFAULT 1 NOT NULL,
	"labour_cost_per_unit" numeric(18, 6) DEFAULT '0' NOT NULL,
	"overhead_cost_per_unit" numeric(18, 6) DEFAULT '0' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"activated_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturing_bom_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "manufacturing_bom_state_ck" CHECK ("manufacturing_bom"."state" in ('draft', 'active', 'archived')),
	CONSTRAINT "manufacturing_bom_output_ck" CHECK ("manufacturing_bom"."output_qty" > 0),
	CONSTRAINT "manufacturing_bom_lead_ck" CHECK ("manufacturing_bom"."lead_time_days" >= 0),
	CONSTRAINT "manufacturing_bom_cost_ck" CHECK ("manufacturing_bom"."labour_cost_per_unit" >= 0 and "manufacturing_bom"."overhead_cost_per_unit" >= 0),
	CONSTRAINT "manufacturing_bom_validity_ck" CHECK ("manufacturing_bom"."valid_from" is null or "manufacturing_bom"."valid_to" is null or "manufacturing_bom"."valid_from" <= "manufacturing_bom"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "manufacturing_bom_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"bom_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"component_id" uuid NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"scrap_pct" numeric(6, 3) DEFAULT '0' NOT NULL,
	"substitute_of" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturing_bom_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "manufacturing_bom_line_qty_ck" CHECK ("manufacturing_bom_line"."qty" > 0),
	CONSTRAINT "manufacturing_bom_line_scrap_ck" CHECK ("manufacturing_bom_line"."scrap_pct" >= 0 and "manufacturing_bom_line"."scrap_pct" < 100),
	CONSTRAINT "manufacturing_bom_line_substitute_ck" CHECK ("manufacturing_bom_line"."substitute_of" is null or "manufacturing_bom_line"."substitute_of" <> "manufacturing_bom_line"."id")
);
--> statement-breakpoint
CREATE TABLE "manufacturing_production_order" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"bom_id" uuid NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"qty_produced" numeric(18, 4) DEFAULT '0' NOT NULL,
	"qty_scrapped" numeric(18, 4) DEFAULT '0' NOT NULL,
	"planned_start" date,
	"planned_finish" date,
	"labour_cost_per_unit" numeric(18, 6) DEFAULT '0' NOT NULL,
	"overhead_cost_per_unit" numeric(18, 6) DEFAULT '0' NOT NULL,
	"consumed_value" numeric(18, 2) DEFAULT '0' NOT NULL,
	"produced_value" numeric(18, 2) DEFAULT '0' NOT NULL,
	"released_value" numeric(18, 2) DEFAULT '0' NOT NULL,
	"origin_type" text,
	"origin_id" uuid,
	"origin_number" text,
	"need_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturing_production_order_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "manufacturing_production_order_state_ck" CHECK ("manufacturing_production_order"."state" in ('draft', 'planned', 'confirmed', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT "manufacturing_production_order_qty_ck" CHECK ("manufacturing_production_order"."qty" > 0 and "manufacturing_production_order"."qty_produced" >= 0 and "manufacturing_production_order"."qty_scrapped" >= 0),
	CONSTRAINT "manufacturing_production_order_value_ck" CHECK ("manufacturing_production_order"."consumed_value" >= 0 and "manufacturing_production_order"."released_value" >= 0 and "manufacturing_production_order"."released_value" <= "manufacturing_production_order"."consumed_value"),
	CONSTRAINT "manufacturing_production_order_dates_ck" CHECK ("manufacturing_production_order"."planned_start" is null or "manufacturing_production_order"."planned_finish" is null or "manufacturing_production_order"."planned_start" <= "manufacturing_production_order"."planned_finish")
);
--> statement-breakpoint
CREATE TABLE "manufacturing_production_order_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"bom_line_id" uuid,
	"substitute_of" uuid,
	"qty_planned" numeric(18, 4) NOT NULL,
	"qty_consumed" numeric(18, 4) DEFAULT '0' NOT NULL,
	"consumed_value" numeric(18, 2) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturing_production_order_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "manufacturing_production_order_line_qty_ck" CHECK ("manufacturing_production_order_line"."qty_planned" >= 0 and "manufacturing_production_order_line"."qty_consumed" >= 0 and "manufacturing_production_order_line"."consumed_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "manufacturing_production_output" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"unit_cost" numeric(18, 6) DEFAULT '0' NOT NULL,
	"value" numeric(18, 2) DEFAULT '0' NOT NULL,
	"lot_no" text,
	"expiry_date" date,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturing_production_output_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "manufacturing_production_output_kind_ck" CHECK ("manufacturing_production_output"."kind" in ('produced', 'scrapped')),
	CONSTRAINT "manufacturing_production_output_qty_ck" CHECK ("manufacturing_production_output"."qty" > 0 and "manufacturing_production_output"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "purchasing_order" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"supplier_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"order_date" date NOT NULL,
	"expected_date" date,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"exchange_rate" numeric(20, 10) DEFAULT '1' NOT NULL,
	"payment_term_code" text,
	"notes" text DEFAULT '' NOT NULL,
	"subtotal" numeric(18, 2) DEFAULT '0' NOT NULL,
	"tax_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"total_company" numeric(18, 2) DEFAULT '0' NOT NULL,
	"approval_id" uuid,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"sent_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"receipt_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchasing_order_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "purchasing_order_state_ck" CHECK ("purchasing_order"."state" in ('draft', 'awaiting_approval', 'sent', 'confirmed', 'partly_received', 'received',
                         'billed', 'closed', 'cancelled')),
	CONSTRAINT "purchasing_order_rate_ck" CHECK ("purchasing_order"."exchange_rate" > 0),
	CONSTRAINT "purchasing_order_expected_ck" CHECK ("purchasing_order"."expected_date" is null or "purchasing_order"."expected_date" >= "purchasing_order"."order_date")
);
--> statement-breakpoint
CREATE TABLE "purchasing_order_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"unit_price" numeric(18, 4) NOT NULL,
	"tax_code" text,
	"tax_rate" numeric(9, 6) DEFAULT '0' NOT NULL,
	"subtotal" numeric(18, 2) NOT NULL,
	"tax" numeric(18, 2) NOT NULL,
	"total" numeric(18, 2) NOT NULL,
	"qty_received" numeric(18, 4) DEFAULT '0' NOT NULL,
	"qty_billed" numeric(18, 4) DEFAULT '0' NOT NULL,
	"qty_returned" numeric(18, 4) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchasing_order_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "purchasing_order_line_qty_ck" CHECK ("purchasing_order_line"."qty" > 0),
	CONSTRAINT "purchasing_order_line_price_ck" CHECK ("purchasing_order_line"."unit_price" >= 0),
	CONSTRAINT "purchasing_order_line_done_ck" CHECK ("purchasing_order_line"."qty_received" >= 0 and "purchasing_order_line"."qty_billed" >= 0 and "purchasing_order_line"."qty_returned" >= 0 and "purchasing_order_line"."qty_returned" <= "purchasing_order_line"."qty_received")
);
--> statement-breakpoint
CREATE TABLE "purchasing_requisition" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"needed_by" date,
	"supplier_id" uuid,
	"origin_type" text DEFAULT 'manual' NOT NULL,
	"origin_id" uuid,
	"origin_number" text,
	"need_id" uuid,
	"order_id" uuid,
	"order_line_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchasing_requisition_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "purchasing_requisition_state_ck" CHECK ("purchasing_requisition"."state" in ('draft', 'approved', 'ordered', 'cancelled')),
	CONSTRAINT "purchasing_requisition_qty_ck" CHECK ("purchasing_requisition"."qty" > 0),
	CONSTRAINT "purchasing_requisition_ordered_ck" CHECK (("purchasing_requisition"."state" = 'ordered') = ("purchasing_requisition"."order_id" is not null) or "purchasing_requisition"."state" = 'cancelled')
);
--> statement-breakpoint
CREATE TABLE "purchasing_supplier" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"code" text NOT NULL,
	"payment_term_code" text,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"lead_time_days" integer DEFAULT 7 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchasing_supplier_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "purchasing_supplier_lead_ck" CHECK ("purchasing_supplier"."lead_time_days" >= 0 and "purchasing_supplier"."lead_time_days" <= 3650),
	CONSTRAINT "purchasing_supplier_currency_ck" CHECK ("purchasing_supplier"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "purchasing_bill" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"state" text DEFAULT 'matched' NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"bill_date" date NOT NULL,
	"currency" text NOT NULL,
	"tolerance_pct" numeric(9, 4) NOT NULL,
	"subtotal" numeric(18, 2) DEFAULT '0' NOT NULL,
	"total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"variance_approved_at" timestamp with time zone,
	"variance_approved_by" uuid,
	"variance_reason" text,
	"invoice_id" uuid,
	"invoice_number" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchasing_bill_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "purchasing_bill_state_ck" CHECK ("purchasing_bill"."state" in ('matched', 'match_blocked', 'variance_approved', 'posted', 'cancelled')),
	CONSTRAINT "purchasing_bill_posted_ck" CHECK (("purchasing_bill"."state" = 'posted') = ("purchasing_bill"."invoice_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "purchasing_bill_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"order_line_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"unit_price" numeric(18, 4) NOT NULL,
	"tax_code" text,
	"order_price" numeric(18, 4) NOT NULL,
	"qty_billable" numeric(18, 4) NOT NULL,
	"price_diff_pct" numeric(9, 4) NOT NULL,
	"qty_diff_pct" numeric(9, 4) NOT NULL,
	"within_tolerance" boolean NOT NULL,
	"match" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchasing_bill_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "purchasing_bill_line_qty_ck" CHECK ("purchasing_bill_line"."qty" > 0),
	CONSTRAINT "purchasing_bill_line_price_ck" CHECK ("purchasing_bill_line"."unit_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "purchasing_supplier_price" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"price" numeric(18, 4) NOT NULL,
	"currency" text NOT NULL,
	"min_qty" numeric(18, 4) DEFAULT '0' NOT NULL,
	"lead_time_days" integer,
	"valid_from" date,
	"valid_to" date,
	"preferred" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchasing_supplier_price_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "purchasing_supplier_price_price_ck" CHECK ("purchasing_supplier_price"."price" >= 0),
	CONSTRAINT "purchasing_supplier_price_min_ck" CHECK ("purchasing_supplier_price"."min_qty" >= 0),
	CONSTRAINT "purchasing_supplier_price_lead_ck" CHECK ("purchasing_supplier_price"."lead_time_days" is null or ("purchasing_supplier_price"."lead_time_days" >= 0 and "purchasing_supplier_price"."lead_time_days" <= 3650)),
	CONSTRAINT "purchasing_supplier_price_valid_ck" CHECK ("purchasing_supplier_price"."valid_to" is null or "purchasing_supplier_price"."valid_from" is null or "purchasing_supplier_price"."valid_to" >= "purchasing_supplier_price"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "inventory_procurement_need" ADD COLUMN "expected_date" date;--> statement-breakpoint
ALTER TABLE "inventory_procurement_need" ADD COLUMN "planned_by_type" text;--> statement-breakpoint
ALTER TABLE "inventory_procurement_need" ADD COLUMN "planned_by_id" uuid;--> statement-breakpoint
ALTER TABLE "inventory_procurement_need" ADD COLUMN "planned_by_number" text;--> statement-breakpoint
ALTER TABLE "manufacturing_bom" ADD CONSTRAINT "manufacturing_bom_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_bom" ADD CONSTRAINT "manufacturing_bom_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_bom_line" ADD CONSTRAINT "manufacturing_bom_line_company_id_bom_id_manufacturing_bom_company_id_id_fk" FOREIGN KEY ("company_id","bom_id") REFERENCES "public"."manufacturing_bom"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_bom_line" ADD CONSTRAINT "manufacturing_bom_line_company_id_component_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","component_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_bom_line" ADD CONSTRAINT "manufacturing_bom_line_company_id_substitute_of_manufacturing_bom_line_company_id_id_fk" FOREIGN KEY ("company_id","substitute_of") REFERENCES "public"."manufacturing_bom_line"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_production_order" ADD CONSTRAINT "manufacturing_production_order_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_production_order" ADD CONSTRAINT "manufacturing_production_order_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_production_order" ADD CONSTRAINT "manufacturing_production_order_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_production_order" ADD CONSTRAINT "manufacturing_production_order_company_id_bom_id_manufacturing_bom_company_id_id_fk" FOREIGN KEY ("company_id","bom_id") REFERENCES "public"."manufacturing_bom"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_production_order_line" ADD CONSTRAINT "manufacturing_production_order_line_company_id_order_id_manufacturing_production_order_company_id_id_fk" FOREIGN KEY ("company_id","order_id") REFERENCES "public"."manufacturing_production_order"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_production_order_line" ADD CONSTRAINT "manufacturing_production_order_line_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_production_order_line" ADD CONSTRAINT "manufacturing_production_order_line_company_id_bom_line_id_manufacturing_bom_line_company_id_id_fk" FOREIGN KEY ("company_id","bom_line_id") REFERENCES "public"."manufacturing_bom_line"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_production_order_line" ADD CONSTRAINT "manufacturing_production_order_line_company_id_substitute_of_manufacturing_production_order_line_company_id_id_fk" FOREIGN KEY ("company_id","substitute_of") REFERENCES "public"."manufacturing_production_order_line"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_production_output" ADD CONSTRAINT "manufacturing_production_output_company_id_order_id_manufacturing_production_order_company_id_id_fk" FOREIGN KEY ("company_id","order_id") REFERENCES "public"."manufacturing_production_order"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_order" ADD CONSTRAINT "purchasing_order_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_order" ADD CONSTRAINT "purchasing_order_company_id_supplier_id_purchasing_supplier_company_id_id_fk" FOREIGN KEY ("company_id","supplier_id") REFERENCES "public"."purchasing_supplier"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_order" ADD CONSTRAINT "purchasing_order_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_order_line" ADD CONSTRAINT "purchasing_order_line_company_id_order_id_purchasing_order_company_id_id_fk" FOREIGN KEY ("company_id","order_id") REFERENCES "public"."purchasing_order"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_order_line" ADD CONSTRAINT "purchasing_order_line_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_requisition" ADD CONSTRAINT "purchasing_requisition_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_requisition" ADD CONSTRAINT "purchasing_requisition_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_requisition" ADD CONSTRAINT "purchasing_requisition_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_requisition" ADD CONSTRAINT "purchasing_requisition_company_id_supplier_id_purchasing_supplier_company_id_id_fk" FOREIGN KEY ("company_id","supplier_id") REFERENCES "public"."purchasing_supplier"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_supplier" ADD CONSTRAINT "purchasing_supplier_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_supplier" ADD CONSTRAINT "purchasing_supplier_company_id_party_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","party_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_bill" ADD CONSTRAINT "purchasing_bill_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_bill" ADD CONSTRAINT "purchasing_bill_company_id_order_id_purchasing_order_company_id_id_fk" FOREIGN KEY ("company_id","order_id") REFERENCES "public"."purchasing_order"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_bill" ADD CONSTRAINT "purchasing_bill_company_id_supplier_id_purchasing_supplier_company_id_id_fk" FOREIGN KEY ("company_id","supplier_id") REFERENCES "public"."purchasing_supplier"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_bill_line" ADD CONSTRAINT "purchasing_bill_line_company_id_bill_id_purchasing_bill_company_id_id_fk" FOREIGN KEY ("company_id","bill_id") REFERENCES "public"."purchasing_bill"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_bill_line" ADD CONSTRAINT "purchasing_bill_line_company_id_order_line_id_purchasing_order_line_company_id_id_fk" FOREIGN KEY ("company_id","order_line_id") REFERENCES "public"."purchasing_order_line"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_supplier_price" ADD CONSTRAINT "purchasing_supplier_price_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_supplier_price" ADD CONSTRAINT "purchasing_supplier_price_company_id_supplier_id_purchasing_supplier_company_id_id_fk" FOREIGN KEY ("company_id","supplier_id") REFERENCES "public"."purchasing_supplier"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchasing_supplier_price" ADD CONSTRAINT "purchasing_supplier_price_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturing_bom_code_uq" ON "manufacturing_bom" USING btree ("company_id","code","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturing_bom_revision_uq" ON "manufacturing_bom" USING btree ("company_id","product_id","revision");--> statement-breakpoint
CREATE INDEX "manufacturing_bom_active_idx" ON "manufacturing_bom" USING btree ("company_id","product_id") WHERE "manufacturing_bom"."state" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturing_bom_line_position_uq" ON "manufacturing_bom_line" USING btree ("company_id","bom_id","position");--> statement-breakpoint
CREATE INDEX "manufacturing_bom_line_component_idx" ON "manufacturing_bom_line" USING btree ("company_id","component_id");--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturing_production_order_number_uq" ON "manufacturing_production_order" USING btree ("company_id","number");--> statement-breakpoint
CREATE INDEX "manufacturing_production_order_open_idx" ON "manufacturing_production_order" USING btree ("company_id","product_id") WHERE "manufacturing_production_order"."state" in ('draft', 'planned', 'confirmed', 'in_progress');--> statement-breakpoint
CREATE INDEX "manufacturing_production_order_origin_idx" ON "manufacturing_production_order" USING btree ("company_id","origin_type","origin_id");--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturing_production_order_need_uq" ON "manufacturing_production_order" USING btree ("company_id","need_id") WHERE "manufacturing_production_order"."need_id" is not null and "manufacturing_production_order"."state" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturing_production_order_line_position_uq" ON "manufacturing_production_order_line" USING btree ("company_id","order_id","position");--> statement-breakpoint
CREATE INDEX "manufacturing_production_order_line_product_idx" ON "manufacturing_production_order_line" USING btree ("company_id","product_id");--> statement-breakpoint
CREATE INDEX "manufacturing_production_output_order_idx" ON "manufacturing_production_output" USING btree ("company_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchasing_order_number_uq" ON "purchasing_order" USING btree ("company_id","number");--> statement-breakpoint
CREATE INDEX "purchasing_order_supplier_idx" ON "purchasing_order" USING btree ("company_id","supplier_id");--> statement-breakpoint
CREATE INDEX "purchasing_order_state_idx" ON "purchasing_order" USING btree ("company_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "purchasing_order_line_no_uq" ON "purchasing_order_line" USING btree ("company_id","order_id","line_no");--> statement-breakpoint
CREATE INDEX "purchasing_order_line_product_idx" ON "purchasing_order_line" USING btree ("company_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchasing_requisition_number_uq" ON "purchasing_requisition" USING btree ("company_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "purchasing_requisition_need_uq" ON "purchasing_requisition" USING btree ("company_id","need_id") WHERE "purchasing_requisition"."need_id" is not null;--> statement-breakpoint
CREATE INDEX "purchasing_requisition_open_idx" ON "purchasing_requisition" USING btree ("company_id","state","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchasing_supplier_code_uq" ON "purchasing_supplier" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "purchasing_supplier_party_uq" ON "purchasing_supplier" USING btree ("company_id","party_id");--> statement-breakpoint
CREATE INDEX "purchasing_bill_order_idx" ON "purchasing_bill" USING btree ("company_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchasing_bill_line_no_uq" ON "purchasing_bill_line" USING btree ("company_id","bill_id","line_no");--> statement-breakpoint
CREATE INDEX "purchasing_supplier_price_product_idx" ON "purchasing_supplier_price" USING btree ("company_id","product_id");--> statement-breakpoint
CREATE INDEX "purchasing_supplier_price_supplier_idx" ON "purchasing_supplier_price" USING btree ("company_id","supplier_id");--> statement-breakpoint
ALTER TABLE "inventory_procurement_need" ADD CONSTRAINT "inventory_procurement_need_planned_by_ck" CHECK (("inventory_procurement_need"."planned_by_type" is null) = ("inventory_procurement_need"."planned_by_id" is null) and ("inventory_procurement_need"."planned_by_id" is null) = ("inventory_procurement_need"."planned_by_number" is null));