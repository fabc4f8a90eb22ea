CREATE TABLE "accounting_collection_plan" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"origin_type" text,
	"origin_id" uuid,
	"origin_number" text,
	"owner_user_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_collection_plan_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_collection_plan_state_ck" CHECK ("accounting_collection_plan"."state" in ('open', 'done', 'cancelled')),
	CONSTRAINT "accounting_collection_plan_origin_ck" CHECK (("accounting_collection_plan"."origin_id" is null) or ("accounting_collection_plan"."origin_type" is not null))
);
--> statement-breakpoint
CREATE TABLE "accounting_collection_plan_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"due_date" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reminded_before_at" timestamp with time zone,
	"reminded_after_at" timestamp with time zone,
	CONSTRAINT "accounting_collection_plan_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_collection_plan_line_amount_ck" CHECK ("accounting_collection_plan_line"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "manufacturing_mrp_run_item" (
	"company_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"proposal_count" integer NOT NULL,
	CONSTRAINT "manufacturing_mrp_run_item_company_id_run_id_product_id_warehouse_id_pk" PRIMARY KEY("company_id","run_id","product_id","warehouse_id"),
	CONSTRAINT "manufacturing_mrp_run_item_counts_ck" CHECK ("manufacturing_mrp_run_item"."level" >= 0 and "manufacturing_mrp_run_item"."proposal_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_proposal" DROP CONSTRAINT "manufacturing_mrp_proposal_company_id_platform_company_id_fk";
--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_proposal" DROP CONSTRAINT "manufacturing_mrp_proposal_company_id_run_id_manufacturing_mrp_run_company_id_id_fk";
--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_proposal" DROP CONSTRAINT "manufacturing_mrp_proposal_company_id_product_id_catalog_product_company_id_id_fk";
--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_proposal" DROP CONSTRAINT "manufacturing_mrp_proposal_company_id_warehouse_id_inventory_warehouse_company_id_id_fk";
--> statement-breakpoint
DROP INDEX "manufacturing_mrp_proposal_run_idx";--> statement-breakpoint
DROP INDEX "manufacturing_mrp_proposal_open_idx";--> statement-breakpoint
ALTER TABLE "accounting_collection_plan" ADD CONSTRAINT "accounting_collection_plan_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_collection_plan" ADD CONSTRAINT "accounting_collection_plan_company_id_customer_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","customer_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_collection_plan" ADD CONSTRAINT "accounting_collection_plan_company_id_owner_user_id_platform_membership_company_id_user_id_fk" FOREIGN KEY ("company_id","owner_user_id") REFERENCES "public"."platform_membership"("company_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_collection_plan_line" ADD CONSTRAINT "accounting_collection_plan_line_company_id_plan_id_accounting_collection_plan_company_id_id_fk" FOREIGN KEY ("company_id","plan_id") REFERENCES "public"."accounting_collection_plan"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_run_item" ADD CONSTRAINT "manufacturing_mrp_run_item_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_run_item" ADD CONSTRAINT "manufacturing_mrp_run_item_company_id_run_id_manufacturing_mrp_run_company_id_id_fk" FOREIGN KEY ("company_id","run_id") REFERENCES "public"."manufacturing_mrp_run"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_run_item" ADD CONSTRAINT "manufacturing_mrp_run_item_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturing_mrp_run_item" ADD CONSTRAINT "manufacturing_mrp_run_item_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounting_collection_plan_customer_idx" ON "accounting_collection_plan" USING btree ("company_id","customer_id","state");--> statement-breakpoint
CREATE INDEX "accounting_collection_plan_origin_idx" ON "accounting_collection_plan" USING btree ("company_id","origin_type","origin_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_collection_plan_line_pos_uq" ON "accounting_collection_plan_line" USING btree ("company_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "accounting_collection_plan_line_due_idx" ON "accounting_collection_plan_line" USING btree ("company_id","due_date");--> statement-breakpoint
CREATE INDEX "manufacturing_mrp_proposal_item_idx" ON "manufacturing_mrp_proposal" USING btree ("company_id","run_id","product_id","warehouse_id");