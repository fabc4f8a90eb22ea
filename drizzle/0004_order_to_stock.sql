CREATE TABLE "catalog_category" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"parent_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_category_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalog_price_list" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"customer_id" uuid,
	"customer_group" text,
	"priority" integer DEFAULT 0 NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_price_list_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "catalog_price_list_target_ck" CHECK ("catalog_price_list"."customer_id" is null or "catalog_price_list"."customer_group" is null),
	CONSTRAINT "catalog_price_list_dates_ck" CHECK ("catalog_price_list"."valid_to" is null or "catalog_price_list"."valid_from" is null or "catalog_price_list"."valid_to" >= "catalog_price_list"."valid_from"),
	CONSTRAINT "catalog_price_list_currency_ck" CHECK ("catalog_price_list"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "catalog_price_rule" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"price_list_id" uuid NOT NULL,
	"product_id" uuid,
	"category_id" uuid,
	"min_qty" numeric(18, 4) DEFAULT '0' NOT NULL,
	"price" numeric(18, 4),
	"discount_percent" numeric(7, 4),
	"valid_from" date,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_price_rule_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "catalog_price_rule_min_qty_ck" CHECK ("catalog_price_rule"."min_qty" >= 0),
	CONSTRAINT "catalog_price_rule_kind_ck" CHECK (("catalog_price_rule"."price" is not null and "catalog_price_rule"."discount_percent" is null and "catalog_price_rule"."price" >= 0) or ("catalog_price_rule"."price" is null and "catalog_price_rule"."discount_percent" is not null and "catalog_price_rule"."discount_percent" >= 0 and "catalog_price_rule"."discount_percent" <= 100)),
	CONSTRAINT "catalog_price_rule_target_ck" CHECK ("catalog_price_rule"."product_id" is null or "catalog_price_rule"."category_id" is null),
	CONSTRAINT "catalog_price_rule_dates_ck" CHECK ("catalog_price_rule"."valid_to" is null or "catalog_price_rule"."valid_from" is null or "catalog_price_rule"."valid_to" >= "catalog_price_rule"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "catalog_product" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_id" uuid,
	"kind" text DEFAULT 'stocked' NOT NULL,
	"uom_code" text NOT NULL,
	"sale_uom_code" text,
	"barcode" text,
	"sale_price" numeric(18, 4) DEFAULT '0' NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"tax_code" text,
	"procure_method" text DEFAULT 'buy' NOT NULL,
	"lot_tracked" boolean DEFAULT false NOT NULL,
	"expiry_tracked" boolean DEFAULT false NOT NULL,
	"weight_kg" numeric(18, 4),
	"volume_m3" numeric(18, 6),
	"image_attachment_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_product_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "catalog_product_kind_ck" CHECK ("catalog_product"."kind" in ('stocked', 'consumable', 'service')),
	CONSTRAINT "catalog_product_procure_ck" CHECK ("catalog_product"."procure_method" in ('buy', 'make')),
	CONSTRAINT "catalog_product_price_ck" CHECK ("catalog_product"."sale_price" >= 0),
	CONSTRAINT "catalog_product_expiry_ck" CHECK (not "catalog_product"."expiry_tracked" or "catalog_product"."lot_tracked"),
	CONSTRAINT "catalog_product_measures_ck" CHECK (coalesce("catalog_product"."weight_kg", 0) >= 0 and coalesce("catalog_product"."volume_m3", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "catalog_product_unit" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"uom_code" text NOT NULL,
	"factor" numeric(20, 10) NOT NULL,
	"barcode" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_product_unit_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "catalog_product_unit_factor_ck" CHECK ("catalog_product_unit"."factor" > 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_balance" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"lot_id" uuid,
	"on_hand" numeric(18, 4) DEFAULT '0' NOT NULL,
	"reserved" numeric(18, 4) DEFAULT '0' NOT NULL,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_balance_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_balance_key_uq" UNIQUE NULLS NOT DISTINCT("company_id","product_id","location_id","lot_id"),
	CONSTRAINT "inventory_balance_qty_ck" CHECK ("inventory_balance"."reserved" >= 0 and ("inventory_balance"."allow_negative" or ("inventory_balance"."on_hand" >= 0 and "inventory_balance"."reserved" <= "inventory_balance"."on_hand")))
);
--> statement-breakpoint
CREATE TABLE "inventory_cost" (
	"company_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"qty" numeric(18, 4) DEFAULT '0' NOT NULL,
	"value" numeric(18, 2) DEFAULT '0' NOT NULL,
	"avg_cost" numeric(18, 6) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_cost_company_id_product_id_pk" PRIMARY KEY("company_id","product_id"),
	CONSTRAINT "inventory_cost_avg_ck" CHECK ("inventory_cost"."avg_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_cost_period" (
	"company_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"period" text NOT NULL,
	"opening_qty" numeric(18, 4) NOT NULL,
	"opening_value" numeric(18, 2) NOT NULL,
	"in_qty" numeric(18, 4) NOT NULL,
	"in_value" numeric(18, 2) NOT NULL,
	"out_qty" numeric(18, 4) NOT NULL,
	"out_value" numeric(18, 2) NOT NULL,
	"avg_cost" numeric(18, 6) NOT NULL,
	"adjustment" numeric(18, 2) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_cost_period_company_id_product_id_period_pk" PRIMARY KEY("company_id","product_id","period"),
	CONSTRAINT "inventory_cost_period_ck" CHECK ("inventory_cost_period"."period" ~ '^[0-9]{4}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "inventory_location" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_location_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_location_kind_ck" CHECK ("inventory_location"."kind" in ('stock', 'input', 'output', 'quality', 'scrap', 'customer', 'supplier', 'adjustment', 'production')),
	CONSTRAINT "inventory_location_internal_ck" CHECK (("inventory_location"."kind" in ('stock', 'input', 'output', 'quality')) = ("inventory_location"."warehouse_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "inventory_lot" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_no" text NOT NULL,
	"expiry_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_lot_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "inventory_move" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"product_id" uuid NOT NULL,
	"from_location_id" uuid NOT NULL,
	"to_location_id" uuid NOT NULL,
	"lot_id" uuid,
	"qty" numeric(18, 4) NOT NULL,
	"unit_cost" numeric(18, 6) DEFAULT '0' NOT NULL,
	"value" numeric(18, 2) DEFAULT '0' NOT NULL,
	"move_date" date NOT NULL,
	"picking_id" uuid,
	"picking_line_id" uuid,
	"count_id" uuid,
	"origin_type" text,
	"origin_id" uuid,
	"origin_line_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_move_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_move_kind_ck" CHECK ("inventory_move"."kind" in ('receipt', 'delivery', 'transfer', 'adjustment', 'scrap', 'production_in', 'production_out', 'return_in', 'return_out')),
	CONSTRAINT "inventory_move_qty_ck" CHECK ("inventory_move"."qty" > 0),
	CONSTRAINT "inventory_move_cost_ck" CHECK ("inventory_move"."unit_cost" >= 0),
	CONSTRAINT "inventory_move_locations_ck" CHECK ("inventory_move"."from_location_id" <> "inventory_move"."to_location_id")
);
--> statement-breakpoint
CREATE TABLE "inventory_picking" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"party_id" uuid,
	"origin_type" text,
	"origin_id" uuid,
	"origin_number" text,
	"scheduled_date" date,
	"ship_to" jsonb,
	"carrier" text DEFAULT '' NOT NULL,
	"tracking_no" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"backorder_of_id" uuid,
	"return_of_id" uuid,
	"picked_at" timestamp with time zone,
	"packed_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_picking_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_picking_kind_ck" CHECK ("inventory_picking"."kind" in ('delivery', 'receipt', 'internal', 'return_in', 'return_out')),
	CONSTRAINT "inventory_picking_state_ck" CHECK ("inventory_picking"."state" in ('draft', 'waiting', 'ready', 'picked', 'packed', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "inventory_picking_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"picking_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"qty_done" numeric(18, 4) DEFAULT '0' NOT NULL,
	"location_id" uuid,
	"lot_no" text,
	"expiry_date" date,
	"quality" text,
	"origin_line_id" uuid,
	"return_of_line_id" uuid,
	"unit_cost" numeric(18, 6),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_picking_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_picking_line_qty_ck" CHECK ("inventory_picking_line"."qty" > 0 and "inventory_picking_line"."qty_done" >= 0 and "inventory_picking_line"."qty_done" <= "inventory_picking_line"."qty"),
	CONSTRAINT "inventory_picking_line_quality_ck" CHECK ("inventory_picking_line"."quality" is null or "inventory_picking_line"."quality" in ('ok', 'hold', 'scrap'))
);
--> statement-breakpoint
CREATE TABLE "inventory_procurement_need" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"qty_filled" numeric(18, 4) DEFAULT '0' NOT NULL,
	"method" text NOT NULL,
	"needed_by" date,
	"state" text DEFAULT 'open' NOT NULL,
	"origin_type" text NOT NULL,
	"origin_id" uuid NOT NULL,
	"origin_line_id" uuid,
	"origin_number" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_procurement_need_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_procurement_need_qty_ck" CHECK ("inventory_procurement_need"."qty" > 0 and "inventory_procurement_need"."qty_filled" >= 0),
	CONSTRAINT "inventory_procurement_need_method_ck" CHECK ("inventory_procurement_need"."method" in ('buy', 'make')),
	CONSTRAINT "inventory_procurement_need_state_ck" CHECK ("inventory_procurement_need"."state" in ('open', 'planned', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "inventory_reservation" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"balance_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"origin_type" text NOT NULL,
	"origin_id" uuid NOT NULL,
	"origin_line_id" uuid NOT NULL,
	"picking_line_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_reservation_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_reservation_qty_ck" CHECK ("inventory_reservation"."qty" >= 0 and ("inventory_reservation"."state" <> 'active' or "inventory_reservation"."qty" > 0)),
	CONSTRAINT "inventory_reservation_state_ck" CHECK ("inventory_reservation"."state" in ('active', 'done', 'released'))
);
--> statement-breakpoint
CREATE TABLE "inventory_safety_level" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"safety_qty" numeric(18, 4) NOT NULL,
	"below_since" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_safety_level_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_safety_level_qty_ck" CHECK ("inventory_safety_level"."safety_qty" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_count" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"state" text DEFAULT 'counting' NOT NULL,
	"count_date" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"posted_at" timestamp with time zone,
	"posted_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_count_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_count_state_ck" CHECK ("inventory_count"."state" in ('counting', 'posted', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "inventory_count_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"count_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"lot_id" uuid,
	"expected_qty" numeric(18, 4) NOT NULL,
	"counted_qty" numeric(18, 4),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_count_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "inventory_count_line_uq" UNIQUE NULLS NOT DISTINCT("company_id","count_id","product_id","location_id","lot_id"),
	CONSTRAINT "inventory_count_line_qty_ck" CHECK ("inventory_count_line"."counted_qty" is null or "inventory_count_line"."counted_qty" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_warehouse" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_warehouse_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_order" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"order_date" date NOT NULL,
	"requested_date" date,
	"quote_id" uuid,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"price_list_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"exchange_rate" numeric(20, 10) DEFAULT '1' NOT NULL,
	"owner_user_id" uuid,
	"team_id" uuid,
	"ship_to" jsonb,
	"notes" text DEFAULT '' NOT NULL,
	"subtotal" numeric(18, 2) DEFAULT '0' NOT NULL,
	"tax_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"total_company" numeric(18, 2) DEFAULT '0' NOT NULL,
	"payment_term_code" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_order_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "sales_order_state_ck" CHECK ("sales_order"."state" in ('draft', 'awaiting_approval', 'confirmed', 'partly_delivered', 'delivered', 'closed', 'cancelled')),
	CONSTRAINT "sales_order_rate_ck" CHECK ("sales_order"."exchange_rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "sales_order_history" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_order_history_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_order_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"uom_code" text NOT NULL,
	"qty_base" numeric(18, 4) NOT NULL,
	"unit_price" numeric(18, 4) NOT NULL,
	"price_source" jsonb NOT NULL,
	"discount_percent" numeric(7, 4) DEFAULT '0' NOT NULL,
	"tax_code" text,
	"tax_rate" numeric(9, 6) DEFAULT '0' NOT NULL,
	"tax_included" boolean DEFAULT false NOT NULL,
	"subtotal" numeric(18, 2) NOT NULL,
	"tax" numeric(18, 2) NOT NULL,
	"total" numeric(18, 2) NOT NULL,
	"qty_reserved" numeric(18, 4) DEFAULT '0' NOT NULL,
	"qty_delivered" numeric(18, 4) DEFAULT '0' NOT NULL,
	"qty_invoiced" numeric(18, 4) DEFAULT '0' NOT NULL,
	"expected_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_order_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "sales_order_line_qty_ck" CHECK ("sales_order_line"."qty" > 0 and "sales_order_line"."qty_base" > 0),
	CONSTRAINT "sales_order_line_price_ck" CHECK ("sales_order_line"."unit_price" >= 0),
	CONSTRAINT "sales_order_line_discount_ck" CHECK ("sales_order_line"."discount_percent" between 0 and 100),
	CONSTRAINT "sales_order_line_progress_ck" CHECK ("sales_order_line"."qty_reserved" >= 0 and "sales_order_line"."qty_delivered" >= 0 and "sales_order_line"."qty_invoiced" >= 0 and "sales_order_line"."qty_reserved" + "sales_order_line"."qty_delivered" <= "sales_order_line"."qty_base")
);
--> statement-breakpoint
CREATE TABLE "sales_quote" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"quote_date" date NOT NULL,
	"valid_until" date,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"price_list_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"exchange_rate" numeric(20, 10) DEFAULT '1' NOT NULL,
	"owner_user_id" uuid,
	"team_id" uuid,
	"ship_to" jsonb,
	"notes" text DEFAULT '' NOT NULL,
	"subtotal" numeric(18, 2) DEFAULT '0' NOT NULL,
	"tax_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"total_company" numeric(18, 2) DEFAULT '0' NOT NULL,
	"sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_quote_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "sales_quote_state_ck" CHECK ("sales_quote"."state" in ('draft', 'sent', 'accepted', 'rejected', 'expired', 'superseded', 'cancelled')),
	CONSTRAINT "sales_quote_revision_ck" CHECK ("sales_quote"."revision" >= 1),
	CONSTRAINT "sales_quote_rate_ck" CHECK ("sales_quote"."exchange_rate" > 0),
	CONSTRAINT "sales_quote_valid_ck" CHECK ("sales_quote"."valid_until" is null or "sales_quote"."valid_until" >= "sales_quote"."quote_date")
);
--> statement-breakpoint
CREATE TABLE "sales_quote_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"qty" numeric(18, 4) NOT NULL,
	"uom_code" text NOT NULL,
	"qty_base" numeric(18, 4) NOT NULL,
	"unit_price" numeric(18, 4) NOT NULL,
	"price_source" jsonb NOT NULL,
	"discount_percent" numeric(7, 4) DEFAULT '0' NOT NULL,
	"tax_code" text,
	"tax_rate" numeric(9, 6) DEFAULT '0' NOT NULL,
	"tax_included" boolean DEFAULT false NOT NULL,
	"subtotal" numeric(18, 2) NOT NULL,
	"tax" numeric(18, 2) NOT NULL,
	"total" numeric(18, 2) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_quote_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "sales_quote_line_qty_ck" CHECK ("sales_quote_line"."qty" > 0 and "sales_quote_line"."qty_base" > 0),
	CONSTRAINT "sales_quote_line_price_ck" CHECK ("sales_quote_line"."unit_price" >= 0),
	CONSTRAINT "sales_quote_line_discount_ck" CHECK ("sales_quote_line"."discount_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "catalog_category" ADD CONSTRAINT "catalog_category_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_category" ADD CONSTRAINT "catalog_category_company_id_parent_id_catalog_category_company_id_id_fk" FOREIGN KEY ("company_id","parent_id") REFERENCES "public"."catalog_category"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_price_list" ADD CONSTRAINT "catalog_price_list_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_price_rule" ADD CONSTRAINT "catalog_price_rule_company_id_price_list_id_catalog_price_list_company_id_id_fk" FOREIGN KEY ("company_id","price_list_id") REFERENCES "public"."catalog_price_list"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_price_rule" ADD CONSTRAINT "catalog_price_rule_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_price_rule" ADD CONSTRAINT "catalog_price_rule_company_id_category_id_catalog_category_company_id_id_fk" FOREIGN KEY ("company_id","category_id") REFERENCES "public"."catalog_category"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_product" ADD CONSTRAINT "catalog_product_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_product" ADD CONSTRAINT "catalog_product_company_id_category_id_catalog_category_company_id_id_fk" FOREIGN KEY ("company_id","category_id") REFERENCES "public"."catalog_category"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_product" ADD CONSTRAINT "catalog_product_company_id_uom_code_platform_uom_company_id_code_fk" FOREIGN KEY ("company_id","uom_code") REFERENCES "public"."platform_uom"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_product" ADD CONSTRAINT "catalog_product_company_id_sale_uom_code_platform_uom_company_id_code_fk" FOREIGN KEY ("company_id","sale_uom_code") REFERENCES "public"."platform_uom"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_product" ADD CONSTRAINT "catalog_product_company_id_tax_code_platform_tax_code_company_id_code_fk" FOREIGN KEY ("company_id","tax_code") REFERENCES "public"."platform_tax_code"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_product_unit" ADD CONSTRAINT "catalog_product_unit_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_product_unit" ADD CONSTRAINT "catalog_product_unit_company_id_uom_code_platform_uom_company_id_code_fk" FOREIGN KEY ("company_id","uom_code") REFERENCES "public"."platform_uom"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_balance" ADD CONSTRAINT "inventory_balance_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_balance" ADD CONSTRAINT "inventory_balance_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_balance" ADD CONSTRAINT "inventory_balance_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_balance" ADD CONSTRAINT "inventory_balance_company_id_location_id_inventory_location_company_id_id_fk" FOREIGN KEY ("company_id","location_id") REFERENCES "public"."inventory_location"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_balance" ADD CONSTRAINT "inventory_balance_company_id_lot_id_inventory_lot_company_id_id_fk" FOREIGN KEY ("company_id","lot_id") REFERENCES "public"."inventory_lot"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_cost" ADD CONSTRAINT "inventory_cost_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_cost" ADD CONSTRAINT "inventory_cost_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_cost_period" ADD CONSTRAINT "inventory_cost_period_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_cost_period" ADD CONSTRAINT "inventory_cost_period_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_location" ADD CONSTRAINT "inventory_location_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_location" ADD CONSTRAINT "inventory_location_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_lot" ADD CONSTRAINT "inventory_lot_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_lot" ADD CONSTRAINT "inventory_lot_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_move" ADD CONSTRAINT "inventory_move_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_move" ADD CONSTRAINT "inventory_move_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_move" ADD CONSTRAINT "inventory_move_company_id_from_location_id_inventory_location_company_id_id_fk" FOREIGN KEY ("company_id","from_location_id") REFERENCES "public"."inventory_location"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_move" ADD CONSTRAINT "inventory_move_company_id_to_location_id_inventory_location_company_id_id_fk" FOREIGN KEY ("company_id","to_location_id") REFERENCES "public"."inventory_location"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_move" ADD CONSTRAINT "inventory_move_company_id_lot_id_inventory_lot_company_id_id_fk" FOREIGN KEY ("company_id","lot_id") REFERENCES "public"."inventory_lot"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_move" ADD CONSTRAINT "inventory_move_company_id_picking_id_inventory_picking_company_id_id_fk" FOREIGN KEY ("company_id","picking_id") REFERENCES "public"."inventory_picking"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_move" ADD CONSTRAINT "inventory_move_company_id_picking_line_id_inventory_picking_line_company_id_id_fk" FOREIGN KEY ("company_id","picking_line_id") REFERENCES "public"."inventory_picking_line"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_picking" ADD CONSTRAINT "inventory_picking_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_picking" ADD CONSTRAINT "inventory_picking_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_picking" ADD CONSTRAINT "inventory_picking_company_id_party_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","party_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_picking" ADD CONSTRAINT "inventory_picking_company_id_backorder_of_id_inventory_picking_company_id_id_fk" FOREIGN KEY ("company_id","backorder_of_id") REFERENCES "public"."inventory_picking"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_picking" ADD CONSTRAINT "inventory_picking_company_id_return_of_id_inventory_picking_company_id_id_fk" FOREIGN KEY ("company_id","return_of_id") REFERENCES "public"."inventory_picking"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_picking_line" ADD CONSTRAINT "inventory_picking_line_company_id_picking_id_inventory_picking_company_id_id_fk" FOREIGN KEY ("company_id","picking_id") REFERENCES "public"."inventory_picking"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_picking_line" ADD CONSTRAINT "inventory_picking_line_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_picking_line" ADD CONSTRAINT "inventory_picking_line_company_id_location_id_inventory_location_company_id_id_fk" FOREIGN KEY ("company_id","location_id") REFERENCES "public"."inventory_location"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_picking_line" ADD CONSTRAINT "inventory_picking_line_company_id_return_of_line_id_inventory_picking_line_company_id_id_fk" FOREIGN KEY ("company_id","return_of_line_id") REFERENCES "public"."inventory_picking_line"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_procurement_need" ADD CONSTRAINT "inventory_procurement_need_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_procurement_need" ADD CONSTRAINT "inventory_procurement_need_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_procurement_need" ADD CONSTRAINT "inventory_procurement_need_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_reservation" ADD CONSTRAINT "inventory_reservation_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_reservation" ADD CONSTRAINT "inventory_reservation_company_id_balance_id_inventory_balance_company_id_id_fk" FOREIGN KEY ("company_id","balance_id") REFERENCES "public"."inventory_balance"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_reservation" ADD CONSTRAINT "inventory_reservation_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_reservation" ADD CONSTRAINT "inventory_reservation_company_id_picking_line_id_inventory_picking_line_company_id_id_fk" FOREIGN KEY ("company_id","picking_line_id") REFERENCES "public"."inventory_picking_line"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_safety_level" ADD CONSTRAINT "inventory_safety_level_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_safety_level" ADD CONSTRAINT "inventory_safety_level_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_safety_level" ADD CONSTRAINT "inventory_safety_level_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_count" ADD CONSTRAINT "inventory_count_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_count" ADD CONSTRAINT "inventory_count_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_count_line" ADD CONSTRAINT "inventory_count_line_company_id_count_id_inventory_count_company_id_id_fk" FOREIGN KEY ("company_id","count_id") REFERENCES "public"."inventory_count"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_count_line" ADD CONSTRAINT "inventory_count_line_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_count_line" ADD CONSTRAINT "inventory_count_line_company_id_location_id_inventory_location_company_id_id_fk" FOREIGN KEY ("company_id","location_id") REFERENCES "public"."inventory_location"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_count_line" ADD CONSTRAINT "inventory_count_line_company_id_lot_id_inventory_lot_company_id_id_fk" FOREIGN KEY ("company_id","lot_id") REFERENCES "public"."inventory_lot"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_warehouse" ADD CONSTRAINT "inventory_warehouse_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_company_id_quote_id_sales_quote_company_id_id_fk" FOREIGN KEY ("company_id","quote_id") REFERENCES "public"."sales_quote"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_company_id_customer_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","customer_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_company_id_contact_id_crm_contact_company_id_id_fk" FOREIGN KEY ("company_id","contact_id") REFERENCES "public"."crm_contact"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_company_id_opportunity_id_crm_opportunity_company_id_id_fk" FOREIGN KEY ("company_id","opportunity_id") REFERENCES "public"."crm_opportunity"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_company_id_price_list_id_catalog_price_list_company_id_id_fk" FOREIGN KEY ("company_id","price_list_id") REFERENCES "public"."catalog_price_list"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_history" ADD CONSTRAINT "sales_order_history_company_id_order_id_sales_order_company_id_id_fk" FOREIGN KEY ("company_id","order_id") REFERENCES "public"."sales_order"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_company_id_order_id_sales_order_company_id_id_fk" FOREIGN KEY ("company_id","order_id") REFERENCES "public"."sales_order"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_company_id_uom_code_platform_uom_company_id_code_fk" FOREIGN KEY ("company_id","uom_code") REFERENCES "public"."platform_uom"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_company_id_tax_code_platform_tax_code_company_id_code_fk" FOREIGN KEY ("company_id","tax_code") REFERENCES "public"."platform_tax_code"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_company_id_previous_id_sales_quote_company_id_id_fk" FOREIGN KEY ("company_id","previous_id") REFERENCES "public"."sales_quote"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_company_id_customer_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","customer_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_company_id_contact_id_crm_contact_company_id_id_fk" FOREIGN KEY ("company_id","contact_id") REFERENCES "public"."crm_contact"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_company_id_opportunity_id_crm_opportunity_company_id_id_fk" FOREIGN KEY ("company_id","opportunity_id") REFERENCES "public"."crm_opportunity"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_company_id_price_list_id_catalog_price_list_company_id_id_fk" FOREIGN KEY ("company_id","price_list_id") REFERENCES "public"."catalog_price_list"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_company_id_warehouse_id_inventory_warehouse_company_id_id_fk" FOREIGN KEY ("company_id","warehouse_id") REFERENCES "public"."inventory_warehouse"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote_line" ADD CONSTRAINT "sales_quote_line_company_id_quote_id_sales_quote_company_id_id_fk" FOREIGN KEY ("company_id","quote_id") REFERENCES "public"."sales_quote"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote_line" ADD CONSTRAINT "sales_quote_line_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote_line" ADD CONSTRAINT "sales_quote_line_company_id_uom_code_platform_uom_company_id_code_fk" FOREIGN KEY ("company_id","uom_code") REFERENCES "public"."platform_uom"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_quote_line" ADD CONSTRAINT "sales_quote_line_company_id_tax_code_platform_tax_code_company_id_code_fk" FOREIGN KEY ("company_id","tax_code") REFERENCES "public"."platform_tax_code"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_category_code_uq" ON "catalog_category" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_price_list_code_uq" ON "catalog_price_list" USING btree ("company_id","code");--> statement-breakpoint
CREATE INDEX "catalog_price_rule_list_idx" ON "catalog_price_rule" USING btree ("company_id","price_list_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_product_sku_uq" ON "catalog_product" USING btree ("company_id","sku");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_product_barcode_uq" ON "catalog_product" USING btree ("company_id","barcode") WHERE "catalog_product"."barcode" is not null;--> statement-breakpoint
CREATE INDEX "catalog_product_search_idx" ON "catalog_product" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_product_unit_uq" ON "catalog_product_unit" USING btree ("company_id","product_id","uom_code");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_product_unit_barcode_uq" ON "catalog_product_unit" USING btree ("company_id","barcode") WHERE "catalog_product_unit"."barcode" is not null;--> statement-breakpoint
CREATE INDEX "inventory_balance_wh_idx" ON "inventory_balance" USING btree ("company_id","product_id","warehouse_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_location_code_uq" ON "inventory_location" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_lot_no_uq" ON "inventory_lot" USING btree ("company_id","product_id","lot_no");--> statement-breakpoint
CREATE INDEX "inventory_move_product_idx" ON "inventory_move" USING btree ("company_id","product_id","created_at");--> statement-breakpoint
CREATE INDEX "inventory_move_picking_idx" ON "inventory_move" USING btree ("company_id","picking_id");--> statement-breakpoint
CREATE INDEX "inventory_move_origin_idx" ON "inventory_move" USING btree ("company_id","origin_type","origin_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_picking_number_uq" ON "inventory_picking" USING btree ("company_id","number");--> statement-breakpoint
CREATE INDEX "inventory_picking_origin_idx" ON "inventory_picking" USING btree ("company_id","origin_type","origin_id");--> statement-breakpoint
CREATE INDEX "inventory_picking_open_idx" ON "inventory_picking" USING btree ("company_id","warehouse_id","kind","state");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_picking_line_no_uq" ON "inventory_picking_line" USING btree ("company_id","picking_id","line_no");--> statement-breakpoint
CREATE INDEX "inventory_picking_line_origin_idx" ON "inventory_picking_line" USING btree ("company_id","origin_line_id");--> statement-breakpoint
CREATE INDEX "inventory_procurement_need_open_idx" ON "inventory_procurement_need" USING btree ("company_id","state","product_id");--> statement-breakpoint
CREATE INDEX "inventory_procurement_need_origin_idx" ON "inventory_procurement_need" USING btree ("company_id","origin_type","origin_id");--> statement-breakpoint
CREATE INDEX "inventory_reservation_origin_idx" ON "inventory_reservation" USING btree ("company_id","origin_type","origin_id");--> statement-breakpoint
CREATE INDEX "inventory_reservation_balance_idx" ON "inventory_reservation" USING btree ("company_id","balance_id") WHERE "inventory_reservation"."state" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_safety_level_uq" ON "inventory_safety_level" USING btree ("company_id","product_id","warehouse_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_count_number_uq" ON "inventory_count" USING btree ("company_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_warehouse_code_uq" ON "inventory_warehouse" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_warehouse_default_uq" ON "inventory_warehouse" USING btree ("company_id") WHERE "inventory_warehouse"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "sales_order_number_uq" ON "sales_order" USING btree ("company_id","number");--> statement-breakpoint
CREATE INDEX "sales_order_customer_idx" ON "sales_order" USING btree ("company_id","customer_id");--> statement-breakpoint
CREATE INDEX "sales_order_state_idx" ON "sales_order" USING btree ("company_id","state");--> statement-breakpoint
CREATE INDEX "sales_order_history_order_idx" ON "sales_order_history" USING btree ("company_id","order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_order_line_no_uq" ON "sales_order_line" USING btree ("company_id","order_id","line_no");--> statement-breakpoint
CREATE INDEX "sales_order_line_product_idx" ON "sales_order_line" USING btree ("company_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_quote_number_uq" ON "sales_quote" USING btree ("company_id","number","revision");--> statement-breakpoint
CREATE INDEX "sales_quote_customer_idx" ON "sales_quote" USING btree ("company_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_quote_line_no_uq" ON "sales_quote_line" USING btree ("company_id","quote_id","line_no");