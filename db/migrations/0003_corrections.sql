-- Corrections of published cases (更正说明), and the count of proofreading errors in each case's
-- public text (待更正). The count needs the proofreader, which SQL cannot run, so cases already
-- public are left NULL (not checked yet) and counted by the demo bootstrap: the demo is the only way
-- text with errors was published before; anything else passed the publish gate, which refuses errors,
-- and is counted again whenever it is next published.
CREATE TABLE "case_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"from_revision_id" integer NOT NULL,
	"to_revision_id" integer NOT NULL,
	"note" text NOT NULL,
	"published_by_id" integer,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_corrections_to_revision_key" UNIQUE("to_revision_id"),
	CONSTRAINT "case_corrections_note_not_blank" CHECK (length(trim("case_corrections"."note")) > 0),
	CONSTRAINT "case_corrections_revisions_differ" CHECK ("case_corrections"."from_revision_id" <> "case_corrections"."to_revision_id")
);
--> statement-breakpoint
CREATE TABLE "published_case_corrections" (
	"correction_id" integer PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"note" text NOT NULL,
	"corrected_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "published_errors" integer DEFAULT 0;--> statement-breakpoint
UPDATE "cases" SET "published_errors" = NULL WHERE "published_revision_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "case_corrections" ADD CONSTRAINT "case_corrections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_corrections" ADD CONSTRAINT "case_corrections_from_revision_id_case_revisions_id_fk" FOREIGN KEY ("from_revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_corrections" ADD CONSTRAINT "case_corrections_to_revision_id_case_revisions_id_fk" FOREIGN KEY ("to_revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_corrections" ADD CONSTRAINT "case_corrections_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_case_corrections" ADD CONSTRAINT "published_case_corrections_correction_id_case_corrections_id_fk" FOREIGN KEY ("correction_id") REFERENCES "public"."case_corrections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_case_corrections" ADD CONSTRAINT "published_case_corrections_case_id_published_cases_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."published_cases"("case_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_corrections_case_idx" ON "case_corrections" USING btree ("case_id","published_at");--> statement-breakpoint
CREATE INDEX "published_case_corrections_case_idx" ON "published_case_corrections" USING btree ("case_id","corrected_at");--> statement-breakpoint
CREATE INDEX "cases_published_errors_idx" ON "cases" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "cases"."published_errors" > 0;