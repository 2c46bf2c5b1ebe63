import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { CASE_STATUSES, ISSUE_STATUSES, ROLES, type CaseContent, type CaseSection, type Profile } from '@/lib/content/model';

/** Postgres full-text vector; filled from lib/search tokens (bigrams), so Chinese needs no parser extension. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const roleEnum = pgEnum('role', ROLES);
export const caseStatusEnum = pgEnum('case_status', CASE_STATUSES);
export const issueStatusEnum = pgEnum('issue_status', ISSUE_STATUSES);

// ---------------------------------------------------------------- accounts

export const users = pgTable(
  'users',
  {
    id: serial().primaryKey(),
    /** Stored lower-cased; the unique index makes one account per address. */
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    /** Bumped on role change, deactivation and password reset so that existing sessions end. */
    sessionVersion: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_name_not_blank', sql`length(trim(${t.name})) > 0`),
  ],
);

/** Failed sign-in counters per account and per client address, shared by every app instance. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

// ---------------------------------------------------------------- working content

export const issues = pgTable(
  'issues',
  {
    id: serial().primaryKey(),
    number: integer().notNull(),
    title: text().notNull(),
    foreword: text().notNull().default(''),
    status: issueStatusEnum().notNull().default('draft'),
    scheduledAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    /** Optimistic concurrency: a save names the version it was based on. */
    version: integer().notNull().default(1),
    createdById: integer().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('issues_number_key').on(t.number),
    check('issues_number_positive', sql`${t.number} > 0`),
    check('issues_title_not_blank', sql`length(trim(${t.title})) > 0`),
    check('issues_scheduled_has_time', sql`${t.status} <> 'scheduled' OR ${t.scheduledAt} IS NOT NULL`),
    index('issues_due_idx').on(t.scheduledAt).where(sql`${t.status} = 'scheduled'`),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: serial().primaryKey(),
    issueId: integer().references(() => issues.id, { onDelete: 'set null' }),
    /** 1-based place in its issue; 典型做法之N is derived from it. */
    position: integer(),
    status: caseStatusEnum().notNull().default('draft'),
    version: integer().notNull().default(1),
    currentRevisionId: integer().references((): AnyPgColumn => caseRevisions.id),
    /** The revision the public sees, if any; set only by publishing. */
    publishedRevisionId: integer().references((): AnyPgColumn => caseRevisions.id),
    approvedRevisionId: integer().references((): AnyPgColumn => caseRevisions.id),
    createdById: integer()
      .notNull()
      .references(() => users.id),
    updatedById: integer()
      .notNull()
      .references(() => users.id),
    lastReviewerId: integer().references(() => users.id),
    // Denormalized from the current revision so that lists filter, sort and search at scale.
    title: text().notNull(),
    regions: text().array().notNull().default(sql`'{}'::text[]`),
    provinces: text().array().notNull().default(sql`'{}'::text[]`),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    searchVector: tsvector().notNull(),
    /** Stable key for imports, so importing the same file twice changes nothing. */
    importKey: text(),
    /**
     * Blocking proofreading errors in the published revision (待更正), counted when it goes public so
     * the list can filter on it at scale. 0 when nothing is public; null only for a case published
     * before the count existed and not yet checked (the demo bootstrap checks those).
     */
    publishedErrors: integer().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('cases_issue_position_key').on(t.issueId, t.position),
    uniqueIndex('cases_import_key').on(t.importKey),
    check('cases_position_positive', sql`${t.position} IS NULL OR ${t.position} > 0`),
    check('cases_position_needs_issue', sql`(${t.position} IS NULL) = (${t.issueId} IS NULL)`),
    check('cases_title_not_blank', sql`length(trim(${t.title})) > 0`),
    index('cases_status_updated_idx').on(t.status, t.updatedAt.desc()),
    index('cases_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    // The cases list sorts titles in byte order (lib/admin/case-list.ts), alone or within a status.
    index('cases_title_idx').on(sql`${t.title} collate "C"`, t.id),
    index('cases_status_title_idx').on(t.status, sql`${t.title} collate "C"`, t.id),
    index('cases_issue_idx').on(t.issueId, t.position),
    index('cases_created_by_idx').on(t.createdById),
    index('cases_reviewer_idx').on(t.lastReviewerId),
    index('cases_provinces_idx').using('gin', t.provinces),
    index('cases_tags_idx').using('gin', t.tags),
    index('cases_search_idx').using('gin', t.searchVector),
    // The 待更正 filter: few rows, walked in the list's default order.
    index('cases_published_errors_idx').on(t.updatedAt.desc(), t.id.desc()).where(sql`${t.publishedErrors} > 0`),
  ],
);

/** Every save is a revision: a full snapshot of the content, never changed afterwards. */
export const caseRevisions = pgTable(
  'case_revisions',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… within the case. */
    number: integer().notNull(),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    content: jsonb().$type<CaseContent>().notNull(),
    /** Why this revision exists beyond an ordinary save, e.g. 恢复自第3版, 导入. */
    note: text().notNull().default(''),
    /**
     * Everyone whose text in this revision nobody else has reviewed yet (lib/workflow/contributors.ts);
     * none of them may approve it. No default: every writer of a revision must say who it carries.
     */
    contributorIds: integer().array().notNull(),
    /** Set when this revision is approved; its text then counts as reviewed for later revisions. */
    approvedAt: timestamp({ withTimezone: true }),
    approvedById: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('case_revisions_case_number_key').on(t.caseId, t.number),
    check('case_revisions_number_positive', sql`${t.number} > 0`),
    check('case_revisions_author_contributes', sql`${t.authorId} = ANY(${t.contributorIds})`),
    check('case_revisions_approver_has_time', sql`${t.approvedById} IS NULL OR ${t.approvedAt} IS NOT NULL`),
    check(
      'case_revisions_urbanization_range',
      sql`(${t.content} -> 'profile' -> 'urbanizationRatePct') IS NULL OR jsonb_typeof(${t.content} -> 'profile' -> 'urbanizationRatePct') <> 'number' OR ((${t.content} -> 'profile' ->> 'urbanizationRatePct')::numeric BETWEEN 0 AND 100)`,
    ),
    check(
      'case_revisions_area_positive',
      sql`(${t.content} -> 'profile' -> 'landAreaKm2') IS NULL OR jsonb_typeof(${t.content} -> 'profile' -> 'landAreaKm2') <> 'number' OR (${t.content} -> 'profile' ->> 'landAreaKm2')::numeric > 0`,
    ),
  ],
);

/** Review comments anchor to a section (or the case as a whole) of one revision. */
export const reviewComments = pgTable(
  'review_comments',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    revisionId: integer()
      .notNull()
      .references(() => caseRevisions.id, { onDelete: 'cascade' }),
    /** null: the case as a whole; -1: the profile/lead; otherwise the section's index in that revision. */
    sectionIndex: integer(),
    parentId: integer().references((): AnyPgColumn => reviewComments.id, { onDelete: 'cascade' }),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedById: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('review_comments_case_idx').on(t.caseId, t.createdAt),
    check('review_comments_body_not_blank', sql`length(trim(${t.body})) > 0`),
    check('review_comments_section_index', sql`${t.sectionIndex} IS NULL OR ${t.sectionIndex} >= -1`),
  ],
);

/**
 * A correction of a published case: the public text went from one revision to another, with the
 * 更正说明 readers see beside it. Written by the publish that made the change; never edited.
 */
export const caseCorrections = pgTable(
  'case_corrections',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fromRevisionId: integer()
      .notNull()
      .references(() => caseRevisions.id),
    toRevisionId: integer()
      .notNull()
      .references(() => caseRevisions.id),
    note: text().notNull(),
    publishedById: integer().references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('case_corrections_case_idx').on(t.caseId, t.publishedAt),
    // A revision replaces the public text once; a second publish of it is not a new correction.
    unique('case_corrections_to_revision_key').on(t.toRevisionId),
    check('case_corrections_note_not_blank', sql`length(trim(${t.note})) > 0`),
    check('case_corrections_revisions_differ', sql`${t.fromRevisionId} <> ${t.toRevisionId}`),
  ],
);

/** Who did what, when, with a before/after summary. Written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorId: integer().references(() => users.id),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    before: jsonb(),
    after: jsonb(),
    clientAddress: text(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc()),
    index('audit_log_actor_idx').on(t.actorId, t.at.desc()),
    index('audit_log_target_idx').on(t.targetType, t.targetId, t.at.desc()),
  ],
);

// ---------------------------------------------------------------- published read model
// Written only by the publish/unpublish transactions (lib/services/publishing.ts, through
// lib/publication/materialize.ts). The public site reads only these tables, so it cannot show a
// draft: there is no draft here to show.

export const publishedIssues = pgTable(
  'published_issues',
  {
    issueId: integer()
      .primaryKey()
      .references(() => issues.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    title: text().notNull(),
    foreword: text().notNull().default(''),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('published_issues_number_key').on(t.number)],
);

export const publishedCases = pgTable(
  'published_cases',
  {
    caseId: integer()
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    issueId: integer()
      .notNull()
      .references(() => publishedIssues.issueId, { onDelete: 'cascade' }),
    revisionId: integer()
      .notNull()
      .references(() => caseRevisions.id),
    position: integer().notNull(),
    title: text().notNull(),
    regions: text().array().notNull(),
    provinces: text().array().notNull(),
    tags: text().array().notNull(),
    profile: jsonb().$type<Profile | null>(),
    lead: text().notNull().default(''),
    sections: jsonb().$type<CaseSection[]>().notNull(),
    searchVector: tsvector().notNull(),
    /** Title-only vector, so that title matches rank above body matches. */
    titleVector: tsvector().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique('published_cases_issue_position_key').on(t.issueId, t.position),
    index('published_cases_provinces_idx').using('gin', t.provinces),
    index('published_cases_tags_idx').using('gin', t.tags),
    index('published_cases_search_idx').using('gin', t.searchVector),
  ],
);

/** The 更正说明 of a published case, as readers see them; filled with the case's public copy. */
export const publishedCaseCorrections = pgTable(
  'published_case_corrections',
  {
    correctionId: integer()
      .primaryKey()
      .references(() => caseCorrections.id, { onDelete: 'cascade' }),
    caseId: integer()
      .notNull()
      .references(() => publishedCases.caseId, { onDelete: 'cascade' }),
    note: text().notNull(),
    correctedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('published_case_corrections_case_idx').on(t.caseId, t.correctedAt)],
);

/** An old public issue number that now lives elsewhere: its URL redirects instead of breaking. */
export const issueNumberRedirects = pgTable('issue_number_redirects', {
  oldNumber: integer().primaryKey(),
  issueId: integer()
    .notNull()
    .references(() => issues.id, { onDelete: 'cascade' }),
});

// ---------------------------------------------------------------- relations

export const usersRelations = relations(users, ({ many }) => ({ revisions: many(caseRevisions) }));

export const issuesRelations = relations(issues, ({ many }) => ({ cases: many(cases) }));

export const casesRelations = relations(cases, ({ one, many }) => ({
  issue: one(issues, { fields: [cases.issueId], references: [issues.id] }),
  createdBy: one(users, { fields: [cases.createdById], references: [users.id] }),
  revisions: many(caseRevisions),
  comments: many(reviewComments),
}));

export const caseRevisionsRelations = relations(caseRevisions, ({ one }) => ({
  case: one(cases, { fields: [caseRevisions.caseId], references: [cases.id] }),
  author: one(users, { fields: [caseRevisions.authorId], references: [users.id] }),
}));

export const reviewCommentsRelations = relations(reviewComments, ({ one }) => ({
  case: one(cases, { fields: [reviewComments.caseId], references: [cases.id] }),
  revision: one(caseRevisions, { fields: [reviewComments.revisionId], references: [caseRevisions.id] }),
  author: one(users, { fields: [reviewComments.authorId], references: [users.id] }),
}));

export const publishedIssuesRelations = relations(publishedIssues, ({ many }) => ({ cases: many(publishedCases) }));

export const publishedCasesRelations = relations(publishedCases, ({ one }) => ({
  issue: one(publishedIssues, { fields: [publishedCases.issueId], references: [publishedIssues.issueId] }),
}));

// ---------------------------------------------------------------- types

export type User = typeof users.$inferSelect;
export type Issue = typeof issues.$inferSelect;
export type Case = typeof cases.$inferSelect;
export type CaseRevision = typeof caseRevisions.$inferSelect;
export type ReviewComment = typeof reviewComments.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type PublishedIssue = typeof publishedIssues.$inferSelect;
export type PublishedCase = typeof publishedCases.$inferSelect;
export type CaseCorrection = typeof caseCorrections.$inferSelect;
export type PublishedCaseCorrection = typeof publishedCaseCorrections.$inferSelect;
