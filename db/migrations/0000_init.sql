CREATE TYPE "public"."case_status" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');--> statement-breakpoint
CREATE TYPE "public"."issue_status" AS ENUM('draft', 'scheduled', 'published');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'editor', 'reviewer');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"client_address" text
);
--> statement-breakpoint
CREATE TABLE "case_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"number" integer NOT NULL,
	"author_id" integer NOT NULL,
	"content" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_revisions_case_number_key" UNIQUE("case_id","number"),
	CONSTRAINT "case_revisions_number_positive" CHECK ("case_revisions"."number" > 0),
	CONSTRAINT "case_revisions_urbanization_range" CHECK (("case_revisions"."content" -> 'profile' -> 'urbanizationRatePct') IS NULL OR jsonb_typeof("case_revisions"."content" -> 'profile' -> 'urbanizationRatePct') <> 'number' OR (("case_revisions"."content" -> 'profile' ->> 'urbanizationRatePct')::numeric BETWEEN 0 AND 100)),
	CONSTRAINT "case_revisions_area_positive" CHECK (("case_revisions"."content" -> 'profile' -> 'landAreaKm2') IS NULL OR jsonb_typeof("case_revisions"."content" -> 'profile' -> 'landAreaKm2') <> 'number' OR ("case_revisions"."content" -> 'profile' ->> 'landAreaKm2')::numeric > 0)
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"issue_id" integer,
	"position" integer,
	"status" "case_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"current_revision_id" integer,
	"published_revision_id" integer,
	"approved_revision_id" integer,
	"created_by_id" integer NOT NULL,
	"updated_by_id" integer NOT NULL,
	"last_reviewer_id" integer,
	"title" text NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"provinces" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"import_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_issue_position_key" UNIQUE("issue_id","position"),
	CONSTRAINT "cases_position_positive" CHECK ("cases"."position" IS NULL OR "cases"."position" > 0),
	CONSTRAINT "cases_position_needs_issue" CHECK (("cases"."position" IS NULL) = ("cases"."issue_id" IS NULL)),
	CONSTRAINT "cases_title_not_blank" CHECK (length(trim("cases"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "issue_number_redirects" (
	"old_number" integer PRIMARY KEY NOT NULL,
	"issue_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issues" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"foreword" text DEFAULT '' NOT NULL,
	"status" "issue_status" DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issues_number_key" UNIQUE("number"),
	CONSTRAINT "issues_number_positive" CHECK ("issues"."number" > 0),
	CONSTRAINT "issues_title_not_blank" CHECK (length(trim("issues"."title")) > 0),
	CONSTRAINT "issues_scheduled_has_time" CHECK ("issues"."status" <> 'scheduled' OR "issues"."scheduled_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "published_cases" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"issue_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"regions" text[] NOT NULL,
	"provinces" text[] NOT NULL,
	"tags" text[] NOT NULL,
	"profile" jsonb,
	"lead" text DEFAULT '' NOT NULL,
	"sections" jsonb NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"title_vector" "tsvector" NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "published_cases_issue_position_key" UNIQUE("issue_id","position")
);
--> statement-breakpoint
CREATE TABLE "published_issues" (
	"issue_id" integer PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"foreword" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "published_issues_number_key" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "review_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"section_index" integer,
	"parent_id" integer,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_comments_body_not_blank" CHECK (length(trim("review_comments"."body")) > 0),
	CONSTRAINT "review_comments_section_index" CHECK ("review_comments"."section_index" IS NULL OR "review_comments"."section_index" >= -1)
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_name_not_blank" CHECK (length(trim("users"."name")) > 0)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_revisions" ADD CONSTRAINT "case_revisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_revisions" ADD CONSTRAINT "case_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_current_revision_id_case_revisions_id_fk" FOREIGN KEY ("current_revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_published_revision_id_case_revisions_id_fk" FOREIGN KEY ("published_revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_approved_revision_id_case_revisions_id_fk" FOREIGN KEY ("approved_revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_last_reviewer_id_users_id_fk" FOREIGN KEY ("last_reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_number_redirects" ADD CONSTRAINT "issue_number_redirects_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_cases" ADD CONSTRAINT "published_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_cases" ADD CONSTRAINT "published_cases_issue_id_published_issues_issue_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."published_issues"("issue_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_cases" ADD CONSTRAINT "published_cases_revision_id_case_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_issues" ADD CONSTRAINT "published_issues_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_revision_id_case_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_parent_id_review_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."review_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "cases_import_key" ON "cases" USING btree ("import_key");--> statement-breakpoint
CREATE INDEX "cases_status_updated_idx" ON "cases" USING btree ("status","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_issue_idx" ON "cases" USING btree ("issue_id","position");--> statement-breakpoint
CREATE INDEX "cases_created_by_idx" ON "cases" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "cases_reviewer_idx" ON "cases" USING btree ("last_reviewer_id");--> statement-breakpoint
CREATE INDEX "cases_provinces_idx" ON "cases" USING gin ("provinces");--> statement-breakpoint
CREATE INDEX "cases_tags_idx" ON "cases" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "issues_due_idx" ON "issues" USING btree ("scheduled_at") WHERE "issues"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "published_cases_provinces_idx" ON "published_cases" USING gin ("provinces");--> statement-breakpoint
CREATE INDEX "published_cases_tags_idx" ON "published_cases" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "published_cases_search_idx" ON "published_cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "review_comments_case_idx" ON "review_comments" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");