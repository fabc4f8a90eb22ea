CREATE TABLE "accounting_bank_statement_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"line_date" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"currency" text NOT NULL,
	"counterparty" text DEFAULT '' NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'unmatched' NOT NULL,
	"payment_id" uuid,
	"batch_id" uuid,
	"matched_at" timestamp with time zone,
	"matched_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_bank_statement_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_bank_statement_line_state_ck" CHECK ("accounting_bank_statement_line"."state" in ('unmatched', 'matched')),
	CONSTRAINT "accounting_bank_statement_line_amount_ck" CHECK ("accounting_bank_statement_line"."amount" <> 0),
	CONSTRAINT "accounting_bank_statement_line_match_ck" CHECK (("accounting_bank_statement_line"."state" = 'matched') = ("accounting_bank_statement_line"."payment_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "accounting_account" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"type" text NOT NULL,
	"parent_id" uuid,
	"reconcilable" boolean DEFAULT false NOT NULL,
	"currency" text,
	"role" text,
	"cash_flow" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_account_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_account_type_ck" CHECK ("accounting_account"."type" in ('asset', 'liability', 'equity', 'income', 'expense'))
);
--> statement-breakpoint
CREATE TABLE "accounting_journal" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"voucher_word" text DEFAULT '记' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_journal_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_journal_code_ck" CHECK ("accounting_journal"."code" in ('general', 'sales', 'purchase', 'bank', 'cash', 'stock')),
	CONSTRAINT "accounting_journal_word_ck" CHECK ("accounting_journal"."voucher_word" in ('记', '收', '付', '转'))
);
--> statement-breakpoint
CREATE TABLE "accounting_invoice" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"partner_id" uuid NOT NULL,
	"invoice_date" date NOT NULL,
	"due_date" date NOT NULL,
	"payment_term_code" text,
	"currency" text NOT NULL,
	"rate" numeric(20, 10) DEFAULT '1' NOT NULL,
	"untaxed" numeric(18, 2) DEFAULT '0' NOT NULL,
	"tax" numeric(18, 2) DEFAULT '0' NOT NULL,
	"total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"untaxed_company" numeric(18, 2) DEFAULT '0' NOT NULL,
	"tax_company" numeric(18, 2) DEFAULT '0' NOT NULL,
	"total_company" numeric(18, 2) DEFAULT '0' NOT NULL,
	"residual" numeric(18, 2) DEFAULT '0' NOT NULL,
	"residual_company" numeric(18, 2) DEFAULT '0' NOT NULL,
	"payment_state" text DEFAULT 'not_paid' NOT NULL,
	"credit_note_of" uuid,
	"e_invoice_number" text,
	"e_invoice_date" date,
	"origin_type" text,
	"origin_id" uuid,
	"origin_number" text,
	"reference" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"entry_id" uuid,
	"reversal_entry_id" uuid,
	"posted_at" timestamp with time zone,
	"posted_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_invoice_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_invoice_kind_ck" CHECK ("accounting_invoice"."kind" in ('customer_invoice', 'customer_credit_note', 'supplier_bill', 'supplier_credit_note')),
	CONSTRAINT "accounting_invoice_state_ck" CHECK ("accounting_invoice"."state" in ('draft', 'posted', 'cancelled')),
	CONSTRAINT "accounting_invoice_payment_state_ck" CHECK ("accounting_invoice"."payment_state" in ('not_paid', 'partial', 'paid')),
	CONSTRAINT "accounting_invoice_rate_ck" CHECK ("accounting_invoice"."rate" > 0),
	CONSTRAINT "accounting_invoice_number_ck" CHECK ("accounting_invoice"."state" <> 'posted' or "accounting_invoice"."number" is not null),
	CONSTRAINT "accounting_invoice_due_ck" CHECK ("accounting_invoice"."due_date" >= "accounting_invoice"."invoice_date"),
	CONSTRAINT "accounting_invoice_residual_ck" CHECK ("accounting_invoice"."residual" >= 0 and "accounting_invoice"."residual" <= "accounting_invoice"."total" and "accounting_invoice"."residual_company" >= 0),
	CONSTRAINT "accounting_invoice_credit_note_ck" CHECK ("accounting_invoice"."credit_note_of" is null or "accounting_invoice"."kind" in ('customer_credit_note', 'supplier_credit_note'))
);
--> statement-breakpoint
CREATE TABLE "accounting_invoice_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"quantity" numeric(18, 4) NOT NULL,
	"unit_price" numeric(18, 4) NOT NULL,
	"discount_percent" numeric(7, 4) DEFAULT '0' NOT NULL,
	"tax_code" text,
	"tax_rate" numeric(9, 6) DEFAULT '0' NOT NULL,
	"tax_included" boolean DEFAULT false NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"tax" numeric(18, 2) NOT NULL,
	"total" numeric(18, 2) NOT NULL,
	"net_company" numeric(18, 2) NOT NULL,
	"tax_company" numeric(18, 2) NOT NULL,
	"account_id" uuid,
	"origin_line_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_invoice_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_invoice_line_qty_ck" CHECK ("accounting_invoice_line"."quantity" > 0),
	CONSTRAINT "accounting_invoice_line_price_ck" CHECK ("accounting_invoice_line"."unit_price" >= 0),
	CONSTRAINT "accounting_invoice_line_discount_ck" CHECK ("accounting_invoice_line"."discount_percent" between 0 and 100),
	CONSTRAINT "accounting_invoice_line_sum_ck" CHECK ("accounting_invoice_line"."net" + "accounting_invoice_line"."tax" = "accounting_invoice_line"."total")
);
--> statement-breakpoint
CREATE TABLE "accounting_balance" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"closing" boolean DEFAULT false NOT NULL,
	"debit" numeric(18, 2) DEFAULT '0' NOT NULL,
	"credit" numeric(18, 2) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_balance_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "accounting_balance_delta" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"closing" boolean DEFAULT false NOT NULL,
	"debit" numeric(18, 2) NOT NULL,
	"credit" numeric(18, 2) NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_balance_delta_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "accounting_entry" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"journal_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"period_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"voucher_word" text DEFAULT '记' NOT NULL,
	"voucher_number" integer,
	"memo" text DEFAULT '' NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"reversal_of" uuid,
	"preparer_id" uuid,
	"reviewer_id" uuid,
	"poster_id" uuid,
	"reviewed_at" timestamp with time zone,
	"posted_at" timestamp with time zone,
	"attachments_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_entry_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_entry_state_ck" CHECK ("accounting_entry"."state" in ('draft', 'posted')),
	CONSTRAINT "accounting_entry_word_ck" CHECK ("accounting_entry"."voucher_word" in ('记', '收', '付', '转')),
	CONSTRAINT "accounting_entry_posted_ck" CHECK ("accounting_entry"."state" = 'draft' or ("accounting_entry"."voucher_number" is not null and "accounting_entry"."posted_at" is not null)),
	CONSTRAINT "accounting_entry_source_ck" CHECK (("accounting_entry"."source_type" is null) = ("accounting_entry"."source_id" is null))
);
--> statement-breakpoint
CREATE TABLE "accounting_entry_line" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"debit" numeric(18, 2) DEFAULT '0' NOT NULL,
	"credit" numeric(18, 2) DEFAULT '0' NOT NULL,
	"currency" text NOT NULL,
	"amount_currency" numeric(18, 2) NOT NULL,
	"rate" numeric(18, 8) DEFAULT '1' NOT NULL,
	"partner_id" uuid,
	"department_id" uuid,
	"project" text,
	"description" text DEFAULT '' NOT NULL,
	"entry_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_entry_line_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_entry_line_amounts_ck" CHECK ("accounting_entry_line"."debit" >= 0 and "accounting_entry_line"."credit" >= 0),
	CONSTRAINT "accounting_entry_line_side_ck" CHECK (("accounting_entry_line"."debit" > 0 and "accounting_entry_line"."credit" = 0) or ("accounting_entry_line"."credit" > 0 and "accounting_entry_line"."debit" = 0)),
	CONSTRAINT "accounting_entry_line_sign_ck" CHECK (("accounting_entry_line"."debit" > 0 and "accounting_entry_line"."amount_currency" >= 0) or ("accounting_entry_line"."credit" > 0 and "accounting_entry_line"."amount_currency" <= 0)),
	CONSTRAINT "accounting_entry_line_rate_ck" CHECK ("accounting_entry_line"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "accounting_payment_allocation" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"payment_id" uuid,
	"credit_note_id" uuid,
	"invoice_id" uuid NOT NULL,
	"allocation_date" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"invoice_amount_company" numeric(18, 2) NOT NULL,
	"payment_amount_company" numeric(18, 2) NOT NULL,
	"fx_difference" numeric(18, 2) DEFAULT '0' NOT NULL,
	"entry_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_payment_allocation_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_payment_allocation_source_ck" CHECK (("accounting_payment_allocation"."payment_id" is null) <> ("accounting_payment_allocation"."credit_note_id" is null)),
	CONSTRAINT "accounting_payment_allocation_amount_ck" CHECK ("accounting_payment_allocation"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "accounting_payment" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"direction" text NOT NULL,
	"number" text NOT NULL,
	"state" text DEFAULT 'posted' NOT NULL,
	"partner_id" uuid NOT NULL,
	"payment_date" date NOT NULL,
	"account_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric(20, 10) DEFAULT '1' NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"amount_company" numeric(18, 2) NOT NULL,
	"unallocated" numeric(18, 2) NOT NULL,
	"unallocated_company" numeric(18, 2) NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"memo" text DEFAULT '' NOT NULL,
	"entry_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_payment_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_payment_direction_ck" CHECK ("accounting_payment"."direction" in ('inbound', 'outbound')),
	CONSTRAINT "accounting_payment_state_ck" CHECK ("accounting_payment"."state" in ('posted', 'cancelled')),
	CONSTRAINT "accounting_payment_amount_ck" CHECK ("accounting_payment"."amount" > 0 and "accounting_payment"."amount_company" > 0),
	CONSTRAINT "accounting_payment_rate_ck" CHECK ("accounting_payment"."rate" > 0),
	CONSTRAINT "accounting_payment_unallocated_ck" CHECK ("accounting_payment"."unallocated" >= 0 and "accounting_payment"."unallocated" <= "accounting_payment"."amount" and "accounting_payment"."unallocated_company" >= 0)
);
--> statement-breakpoint
CREATE TABLE "accounting_fiscal_year" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closing_entry_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_fiscal_year_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_fiscal_year_state_ck" CHECK ("accounting_fiscal_year"."state" in ('open', 'closed')),
	CONSTRAINT "accounting_fiscal_year_dates_ck" CHECK ("accounting_fiscal_year"."start_date" <= "accounting_fiscal_year"."end_date")
);
--> statement-breakpoint
CREATE TABLE "accounting_period" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fiscal_year_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_period_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_period_state_ck" CHECK ("accounting_period"."state" in ('open', 'closed')),
	CONSTRAINT "accounting_period_month_ck" CHECK ("accounting_period"."month" between 1 and 12),
	CONSTRAINT "accounting_period_dates_ck" CHECK ("accounting_period"."start_date" <= "accounting_period"."end_date")
);
--> statement-breakpoint
CREATE TABLE "accounting_revaluation" (
	"company_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"month" text NOT NULL,
	"revaluation_date" date NOT NULL,
	"entry_id" uuid,
	"reversal_entry_id" uuid,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_revaluation_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "accounting_revaluation_month_ck" CHECK ("accounting_revaluation"."month" ~ '^[0-9]{4}-[0-9]{2}$')
);
--> statement-breakpoint
ALTER TABLE "accounting_bank_statement_line" ADD CONSTRAINT "accounting_bank_statement_line_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_bank_statement_line" ADD CONSTRAINT "accounting_bank_statement_line_company_id_account_id_accounting_account_company_id_id_fk" FOREIGN KEY ("company_id","account_id") REFERENCES "public"."accounting_account"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_bank_statement_line" ADD CONSTRAINT "accounting_bank_statement_line_company_id_payment_id_accounting_payment_company_id_id_fk" FOREIGN KEY ("company_id","payment_id") REFERENCES "public"."accounting_payment"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_account" ADD CONSTRAINT "accounting_account_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_account" ADD CONSTRAINT "accounting_account_company_id_parent_id_accounting_account_company_id_id_fk" FOREIGN KEY ("company_id","parent_id") REFERENCES "public"."accounting_account"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_journal" ADD CONSTRAINT "accounting_journal_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_invoice" ADD CONSTRAINT "accounting_invoice_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_invoice" ADD CONSTRAINT "accounting_invoice_company_id_partner_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","partner_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_invoice" ADD CONSTRAINT "accounting_invoice_company_id_credit_note_of_accounting_invoice_company_id_id_fk" FOREIGN KEY ("company_id","credit_note_of") REFERENCES "public"."accounting_invoice"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_invoice" ADD CONSTRAINT "accounting_invoice_company_id_entry_id_accounting_entry_company_id_id_fk" FOREIGN KEY ("company_id","entry_id") REFERENCES "public"."accounting_entry"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_invoice" ADD CONSTRAINT "accounting_invoice_company_id_reversal_entry_id_accounting_entry_company_id_id_fk" FOREIGN KEY ("company_id","reversal_entry_id") REFERENCES "public"."accounting_entry"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_invoice_line" ADD CONSTRAINT "accounting_invoice_line_company_id_invoice_id_accounting_invoice_company_id_id_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."accounting_invoice"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_invoice_line" ADD CONSTRAINT "accounting_invoice_line_company_id_product_id_catalog_product_company_id_id_fk" FOREIGN KEY ("company_id","product_id") REFERENCES "public"."catalog_product"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_invoice_line" ADD CONSTRAINT "accounting_invoice_line_company_id_tax_code_platform_tax_code_company_id_code_fk" FOREIGN KEY ("company_id","tax_code") REFERENCES "public"."platform_tax_code"("company_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_invoice_line" ADD CONSTRAINT "accounting_invoice_line_company_id_account_id_accounting_account_company_id_id_fk" FOREIGN KEY ("company_id","account_id") REFERENCES "public"."accounting_account"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_balance" ADD CONSTRAINT "accounting_balance_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_balance" ADD CONSTRAINT "accounting_balance_company_id_account_id_accounting_account_company_id_id_fk" FOREIGN KEY ("company_id","account_id") REFERENCES "public"."accounting_account"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_balance" ADD CONSTRAINT "accounting_balance_company_id_period_id_accounting_period_company_id_id_fk" FOREIGN KEY ("company_id","period_id") REFERENCES "public"."accounting_period"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_balance_delta" ADD CONSTRAINT "accounting_balance_delta_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_balance_delta" ADD CONSTRAINT "accounting_balance_delta_company_id_account_id_accounting_account_company_id_id_fk" FOREIGN KEY ("company_id","account_id") REFERENCES "public"."accounting_account"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_balance_delta" ADD CONSTRAINT "accounting_balance_delta_company_id_period_id_accounting_period_company_id_id_fk" FOREIGN KEY ("company_id","period_id") REFERENCES "public"."accounting_period"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_entry" ADD CONSTRAINT "accounting_entry_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_entry" ADD CONSTRAINT "accounting_entry_company_id_journal_id_accounting_journal_company_id_id_fk" FOREIGN KEY ("company_id","journal_id") REFERENCES "public"."accounting_journal"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_entry" ADD CONSTRAINT "accounting_entry_company_id_period_id_accounting_period_company_id_id_fk" FOREIGN KEY ("company_id","period_id") REFERENCES "public"."accounting_period"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_entry" ADD CONSTRAINT "accounting_entry_company_id_reversal_of_accounting_entry_company_id_id_fk" FOREIGN KEY ("company_id","reversal_of") REFERENCES "public"."accounting_entry"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_entry_line" ADD CONSTRAINT "accounting_entry_line_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_entry_line" ADD CONSTRAINT "accounting_entry_line_company_id_entry_id_accounting_entry_company_id_id_fk" FOREIGN KEY ("company_id","entry_id") REFERENCES "public"."accounting_entry"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_entry_line" ADD CONSTRAINT "accounting_entry_line_company_id_account_id_accounting_account_company_id_id_fk" FOREIGN KEY ("company_id","account_id") REFERENCES "public"."accounting_account"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_entry_line" ADD CONSTRAINT "accounting_entry_line_company_id_partner_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","partner_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_entry_line" ADD CONSTRAINT "accounting_entry_line_company_id_department_id_platform_department_company_id_id_fk" FOREIGN KEY ("company_id","department_id") REFERENCES "public"."platform_department"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_payment_allocation" ADD CONSTRAINT "accounting_payment_allocation_company_id_payment_id_accounting_payment_company_id_id_fk" FOREIGN KEY ("company_id","payment_id") REFERENCES "public"."accounting_payment"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_payment_allocation" ADD CONSTRAINT "accounting_payment_allocation_company_id_credit_note_id_accounting_invoice_company_id_id_fk" FOREIGN KEY ("company_id","credit_note_id") REFERENCES "public"."accounting_invoice"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_payment_allocation" ADD CONSTRAINT "accounting_payment_allocation_company_id_invoice_id_accounting_invoice_company_id_id_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."accounting_invoice"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_payment_allocation" ADD CONSTRAINT "accounting_payment_allocation_company_id_entry_id_accounting_entry_company_id_id_fk" FOREIGN KEY ("company_id","entry_id") REFERENCES "public"."accounting_entry"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_payment" ADD CONSTRAINT "accounting_payment_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_payment" ADD CONSTRAINT "accounting_payment_company_id_partner_id_crm_customer_company_id_id_fk" FOREIGN KEY ("company_id","partner_id") REFERENCES "public"."crm_customer"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_payment" ADD CONSTRAINT "accounting_payment_company_id_account_id_accounting_account_company_id_id_fk" FOREIGN KEY ("company_id","account_id") REFERENCES "public"."accounting_account"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_payment" ADD CONSTRAINT "accounting_payment_company_id_entry_id_accounting_entry_company_id_id_fk" FOREIGN KEY ("company_id","entry_id") REFERENCES "public"."accounting_entry"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_fiscal_year" ADD CONSTRAINT "accounting_fiscal_year_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_period" ADD CONSTRAINT "accounting_period_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_period" ADD CONSTRAINT "accounting_period_company_id_fiscal_year_id_accounting_fiscal_year_company_id_id_fk" FOREIGN KEY ("company_id","fiscal_year_id") REFERENCES "public"."accounting_fiscal_year"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_revaluation" ADD CONSTRAINT "accounting_revaluation_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_revaluation" ADD CONSTRAINT "accounting_revaluation_company_id_entry_id_accounting_entry_company_id_id_fk" FOREIGN KEY ("company_id","entry_id") REFERENCES "public"."accounting_entry"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_revaluation" ADD CONSTRAINT "accounting_revaluation_company_id_reversal_entry_id_accounting_entry_company_id_id_fk" FOREIGN KEY ("company_id","reversal_entry_id") REFERENCES "public"."accounting_entry"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounting_bank_statement_line_state_idx" ON "accounting_bank_statement_line" USING btree ("company_id","state","line_date");--> statement-breakpoint
CREATE INDEX "accounting_bank_statement_line_batch_idx" ON "accounting_bank_statement_line" USING btree ("company_id","batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_account_code_uq" ON "accounting_account" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_account_role_uq" ON "accounting_account" USING btree ("company_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_journal_code_uq" ON "accounting_journal" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_invoice_number_uq" ON "accounting_invoice" USING btree ("company_id","number") WHERE "accounting_invoice"."number" is not null;--> statement-breakpoint
CREATE INDEX "accounting_invoice_partner_idx" ON "accounting_invoice" USING btree ("company_id","partner_id","state");--> statement-breakpoint
CREATE INDEX "accounting_invoice_open_idx" ON "accounting_invoice" USING btree ("company_id","kind","due_date") WHERE "accounting_invoice"."state" = 'posted' and "accounting_invoice"."residual" <> 0;--> statement-breakpoint
CREATE INDEX "accounting_invoice_origin_idx" ON "accounting_invoice" USING btree ("company_id","origin_type","origin_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_invoice_line_no_uq" ON "accounting_invoice_line" USING btree ("company_id","invoice_id","line_no");--> statement-breakpoint
CREATE INDEX "accounting_invoice_line_origin_idx" ON "accounting_invoice_line" USING btree ("company_id","origin_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_balance_key_uq" ON "accounting_balance" USING btree ("company_id","account_id","period_id","closing");--> statement-breakpoint
CREATE INDEX "accounting_balance_delta_period_idx" ON "accounting_balance_delta" USING btree ("company_id","period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_entry_voucher_uq" ON "accounting_entry" USING btree ("company_id","period_id","voucher_word","voucher_number");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_entry_reversal_uq" ON "accounting_entry" USING btree ("company_id","reversal_of");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_entry_source_uq" ON "accounting_entry" USING btree ("company_id","source_type","source_id") WHERE "accounting_entry"."reversal_of" is null and "accounting_entry"."source_type" is not null;--> statement-breakpoint
CREATE INDEX "accounting_entry_date_idx" ON "accounting_entry" USING btree ("company_id","entry_date");--> statement-breakpoint
CREATE INDEX "accounting_entry_period_idx" ON "accounting_entry" USING btree ("company_id","period_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_entry_line_no_uq" ON "accounting_entry_line" USING btree ("company_id","entry_id","line_no");--> statement-breakpoint
CREATE INDEX "accounting_entry_line_account_idx" ON "accounting_entry_line" USING btree ("company_id","account_id","entry_date");--> statement-breakpoint
CREATE INDEX "accounting_entry_line_partner_idx" ON "accounting_entry_line" USING btree ("company_id","partner_id");--> statement-breakpoint
CREATE INDEX "accounting_entry_line_date_idx" ON "accounting_entry_line" USING btree ("company_id","entry_date");--> statement-breakpoint
CREATE INDEX "accounting_payment_allocation_payment_idx" ON "accounting_payment_allocation" USING btree ("company_id","payment_id");--> statement-breakpoint
CREATE INDEX "accounting_payment_allocation_invoice_idx" ON "accounting_payment_allocation" USING btree ("company_id","invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_payment_number_uq" ON "accounting_payment" USING btree ("company_id","number");--> statement-breakpoint
CREATE INDEX "accounting_payment_partner_idx" ON "accounting_payment" USING btree ("company_id","partner_id","payment_date");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_fiscal_year_uq" ON "accounting_fiscal_year" USING btree ("company_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_period_month_uq" ON "accounting_period" USING btree ("company_id","year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_period_start_uq" ON "accounting_period" USING btree ("company_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_revaluation_month_uq" ON "accounting_revaluation" USING btree ("company_id","month");