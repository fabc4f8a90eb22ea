CREATE TABLE "platform_sequence" (
	"company_id" uuid NOT NULL,
	"key" text NOT NULL,
	"last_value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "platform_sequence_company_id_key_pk" PRIMARY KEY("company_id","key")
);
--> statement-breakpoint
ALTER TABLE "platform_sequence" ADD CONSTRAINT "platform_sequence_company_id_platform_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."platform_company"("id") ON DELETE no action ON UPDATE no action;