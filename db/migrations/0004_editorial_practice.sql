-- Chinese editorial practice: review stages (三审), proofreading rounds (三校), stock return reasons,
-- everyone's 待办 with notifications and an email outbox, the issue as a serial (year, number within
-- the year, 总第N期) with 栏目 and a colophon, and the PDF editions of published issues.
-- Existing data: a case approved or published today counts as having passed every stage (its status
-- says so); a case in review waits at the first stage; published issues get their serial year from
-- their publication date (China's calendar) and their number within it from their overall number.
CREATE TABLE "case_stage_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"stage" integer NOT NULL,
	"stage_name" text NOT NULL,
	"decision" text NOT NULL,
	"actor_id" integer NOT NULL,
	"reason_id" integer,
	"reason_label" text DEFAULT '' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_stage_decisions_stage_range" CHECK ("case_stage_decisions"."stage" BETWEEN 1 AND 3),
	CONSTRAINT "case_stage_decisions_return_has_reason" CHECK ("case_stage_decisions"."decision" = 'pass' OR length(trim("case_stage_decisions"."reason_label")) > 0)
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notification_id" bigint,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "issue_sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"issue_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "issue_sections_issue_position_key" UNIQUE("issue_id","position"),
	CONSTRAINT "issue_sections_position_positive" CHECK ("issue_sections"."position" > 0),
	CONSTRAINT "issue_sections_title_not_blank" CHECK (length(trim("issue_sections"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"case_id" integer,
	"issue_id" integer,
	"actor_id" integer,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proofreading_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"round" integer NOT NULL,
	"actor_id" integer NOT NULL,
	"errors" integer NOT NULL,
	"warnings" integer NOT NULL,
	"findings" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proofreading_rounds_revision_round_key" UNIQUE("revision_id","round"),
	CONSTRAINT "proofreading_rounds_round_range" CHECK ("proofreading_rounds"."round" BETWEEN 1 AND 9)
);
--> statement-breakpoint
CREATE TABLE "published_pdfs" (
	"id" serial PRIMARY KEY NOT NULL,
	"issue_id" integer NOT NULL,
	"case_id" integer,
	"fingerprint" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"pages" integer NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "published_pdfs_issue_case_key" UNIQUE NULLS NOT DISTINCT("issue_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "return_reasons" (
	"id" serial PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "return_reasons_label_not_blank" CHECK (length(trim("return_reasons"."label")) > 0)
);
--> statement-breakpoint
CREATE TABLE "review_stages" (
	"position" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"roles" "role"[] NOT NULL,
	"user_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"required_rounds" integer DEFAULT 0 NOT NULL,
	"return_restarts" boolean DEFAULT true NOT NULL,
	CONSTRAINT "review_stages_position_range" CHECK ("review_stages"."position" BETWEEN 1 AND 3),
	CONSTRAINT "review_stages_name_not_blank" CHECK (length(trim("review_stages"."name")) > 0),
	CONSTRAINT "review_stages_rounds_range" CHECK ("review_stages"."required_rounds" BETWEEN 0 AND 3)
);
--> statement-breakpoint
CREATE TABLE "site_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"issue_label_format" text DEFAULT '{year}年第{yearNumber}期（总第{number}期）' NOT NULL,
	"show_colophon" boolean DEFAULT true NOT NULL,
	"publisher_name" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_settings_single_row" CHECK ("site_settings"."id" = 1),
	CONSTRAINT "site_settings_format_not_blank" CHECK (length(trim("site_settings"."issue_label_format")) > 0)
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "review_stage" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "resume_stage" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "submitted_by_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "section_id" integer;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "scheduled_by_id" integer;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "responsible_editor_id" integer;--> statement-breakpoint
ALTER TABLE "published_cases" ADD COLUMN "section_title" text;--> statement-breakpoint
ALTER TABLE "published_issues" ADD COLUMN "year" integer;--> statement-breakpoint
ALTER TABLE "published_issues" ADD COLUMN "year_number" integer;--> statement-breakpoint
UPDATE "published_issues" SET "year" = extract(year from ("published_at" at time zone 'Asia/Shanghai'))::integer;--> statement-breakpoint
UPDATE "published_issues" p SET "year_number" = r.n FROM (
  SELECT "issue_id", row_number() OVER (PARTITION BY "year" ORDER BY "number") AS n FROM "published_issues"
) r WHERE r."issue_id" = p."issue_id";--> statement-breakpoint
ALTER TABLE "published_issues" ALTER COLUMN "year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "published_issues" ALTER COLUMN "year_number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "published_issues" ADD COLUMN "colophon" jsonb;--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "addressee_id" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_notifications" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "case_stage_decisions" ADD CONSTRAINT "case_stage_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stage_decisions" ADD CONSTRAINT "case_stage_decisions_revision_id_case_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stage_decisions" ADD CONSTRAINT "case_stage_decisions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stage_decisions" ADD CONSTRAINT "case_stage_decisions_reason_id_return_reasons_id_fk" FOREIGN KEY ("reason_id") REFERENCES "public"."return_reasons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_sections" ADD CONSTRAINT "issue_sections_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proofreading_rounds" ADD CONSTRAINT "proofreading_rounds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proofreading_rounds" ADD CONSTRAINT "proofreading_rounds_revision_id_case_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proofreading_rounds" ADD CONSTRAINT "proofreading_rounds_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_pdfs" ADD CONSTRAINT "published_pdfs_issue_id_published_issues_issue_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."published_issues"("issue_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_pdfs" ADD CONSTRAINT "published_pdfs_case_id_published_cases_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."published_cases"("case_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_stage_decisions_case_idx" ON "case_stage_decisions" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_stage_decisions_revision_actor_idx" ON "case_stage_decisions" USING btree ("revision_id","actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_stage_decisions_pass_key" ON "case_stage_decisions" USING btree ("revision_id","stage") WHERE "case_stage_decisions"."decision" = 'pass';--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."sent_at" IS NULL;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" IS NULL;--> statement-breakpoint
CREATE INDEX "published_pdfs_case_idx" ON "published_pdfs" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "proofreading_rounds_case_idx" ON "proofreading_rounds" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "return_reasons_label_key" ON "return_reasons" USING btree ("label");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_section_id_issue_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."issue_sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_scheduled_by_id_users_id_fk" FOREIGN KEY ("scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_responsible_editor_id_users_id_fk" FOREIGN KEY ("responsible_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_addressee_id_users_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_stage_queue_idx" ON "cases" USING btree ("review_stage","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "cases"."status" = 'in_review';--> statement-breakpoint
CREATE INDEX "cases_returned_idx" ON "cases" USING btree ("submitted_by_id","updated_at" DESC NULLS LAST) WHERE "cases"."status" = 'changes_requested';--> statement-breakpoint
CREATE INDEX "cases_section_idx" ON "cases" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "issues_scheduled_by_idx" ON "issues" USING btree ("scheduled_by_id") WHERE "issues"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "review_comments_addressee_idx" ON "review_comments" USING btree ("addressee_id","created_at" DESC NULLS LAST) WHERE "review_comments"."resolved_at" IS NULL;--> statement-breakpoint
UPDATE "cases" SET "review_stage" = 1, "submitted_by_id" = "updated_by_id" WHERE "status" = 'in_review';--> statement-breakpoint
UPDATE "cases" SET "submitted_by_id" = "updated_by_id" WHERE "status" = 'changes_requested';--> statement-breakpoint
INSERT INTO "site_settings" ("id") VALUES (1);--> statement-breakpoint
INSERT INTO "review_stages" ("position", "name", "roles", "required_rounds") VALUES
  (1, '初审', '{reviewer,admin}', 0),
  (2, '复审', '{reviewer,admin}', 0),
  (3, '终审', '{reviewer,admin}', 1);--> statement-breakpoint
INSERT INTO "return_reasons" ("label", "position") VALUES
  ('数据缺失', 1), ('表述不规范', 2), ('与事实不符', 3), ('格式问题', 4), ('其他', 5);--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_review_stage_iff_in_review" CHECK (("cases"."status" = 'in_review') = ("cases"."review_stage" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_review_stage_range" CHECK ("cases"."review_stage" IS NULL OR "cases"."review_stage" BETWEEN 1 AND 3);--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_resume_stage_range" CHECK ("cases"."resume_stage" IS NULL OR "cases"."resume_stage" BETWEEN 1 AND 3);