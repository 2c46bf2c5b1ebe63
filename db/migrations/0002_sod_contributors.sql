-- Existing revisions carry only their author's text as far as anyone can tell; approvals are read
-- back from the audit trail (every approval names its revision), and a revision a case still
-- points to as approved or published counts as reviewed even where no trail entry survives.
ALTER TABLE "case_revisions" ADD COLUMN "contributor_ids" integer[];--> statement-breakpoint
UPDATE "case_revisions" SET "contributor_ids" = ARRAY["author_id"];--> statement-breakpoint
ALTER TABLE "case_revisions" ALTER COLUMN "contributor_ids" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_revisions" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_revisions" ADD COLUMN "approved_by_id" integer;--> statement-breakpoint
UPDATE "case_revisions" AS r SET "approved_at" = a."at", "approved_by_id" = a."actor_id"
FROM (
	SELECT DISTINCT ON ("target_id", "after" ->> 'revision') "target_id", "after" ->> 'revision' AS "revision", "actor_id", "at"
	FROM "audit_log"
	WHERE "action" = 'case.approve' AND "target_type" = 'case' AND jsonb_typeof("after" -> 'revision') = 'number'
	ORDER BY "target_id", "after" ->> 'revision', "at" DESC
) AS a
WHERE a."target_id" = r."case_id"::text AND a."revision" = r."number"::text
	AND (a."actor_id" IS NULL OR EXISTS (SELECT 1 FROM "users" AS u WHERE u."id" = a."actor_id"));--> statement-breakpoint
UPDATE "case_revisions" AS r SET "approved_at" = now()
WHERE r."approved_at" IS NULL AND (
	EXISTS (SELECT 1 FROM "cases" AS c WHERE c."approved_revision_id" = r."id" OR c."published_revision_id" = r."id")
	OR EXISTS (SELECT 1 FROM "published_cases" AS p WHERE p."revision_id" = r."id")
);--> statement-breakpoint
ALTER TABLE "case_revisions" ADD CONSTRAINT "case_revisions_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_revisions" ADD CONSTRAINT "case_revisions_author_contributes" CHECK ("case_revisions"."author_id" = ANY("case_revisions"."contributor_ids"));--> statement-breakpoint
ALTER TABLE "case_revisions" ADD CONSTRAINT "case_revisions_approver_has_time" CHECK ("case_revisions"."approved_by_id" IS NULL OR "case_revisions"."approved_at" IS NOT NULL);
