import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
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

/** Binary content (PDF files); Buffer on PostgreSQL, Uint8Array on PGlite. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The colophon of a published issue (版权页): who answered for it. */
export interface PublishedColophon {
  publisher: string;
  responsibleEditor: string | null;
  /** Each stage in order with everyone who passed a case of the issue at it. */
  stages: { name: string; signers: string[] }[];
}

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
    /** Whether 待办 notifications also go out by email when SMTP is configured; in-app ones always do. */
    emailNotifications: boolean().notNull().default(true),
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
    /** Who set the pending scheduled publish, so it shows in their 待办. */
    scheduledById: integer().references(() => users.id),
    /** 责任编辑 named on the colophon. */
    responsibleEditorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('issues_number_key').on(t.number),
    index('issues_scheduled_by_idx').on(t.scheduledById).where(sql`${t.status} = 'scheduled'`),
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
    /** The review stage (review_stages.position) the case waits at; set exactly while in review. */
    reviewStage: integer(),
    /** Where the next submission enters review after a return from a stage that resumes (null: stage 1). */
    resumeStage: integer(),
    /** Who put the case into review most recently; a return lands in their 待办. */
    submittedById: integer().references(() => users.id),
    /** The issue's 栏目 this case is listed under, if the issue has any. */
    sectionId: integer().references((): AnyPgColumn => issueSections.id, { onDelete: 'set null' }),
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
    check('cases_review_stage_iff_in_review', sql`(${t.status} = 'in_review') = (${t.reviewStage} IS NOT NULL)`),
    check('cases_review_stage_range', sql`${t.reviewStage} IS NULL OR ${t.reviewStage} BETWEEN 1 AND 3`),
    check('cases_resume_stage_range', sql`${t.resumeStage} IS NULL OR ${t.resumeStage} BETWEEN 1 AND 3`),
    // 待办: cases waiting at a stage, and cases returned to whoever submitted them.
    index('cases_stage_queue_idx').on(t.reviewStage, t.updatedAt.desc(), t.id.desc()).where(sql`${t.status} = 'in_review'`),
    index('cases_returned_idx').on(t.submittedById, t.updatedAt.desc()).where(sql`${t.status} = 'changes_requested'`),
    index('cases_section_idx').on(t.sectionId),
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
    /** Whose 待办 the comment lands in: the case's submitter for a new thread, the other party for a reply. */
    addresseeId: integer().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedById: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('review_comments_case_idx').on(t.caseId, t.createdAt),
    index('review_comments_addressee_idx').on(t.addresseeId, t.createdAt.desc()).where(sql`${t.resolvedAt} IS NULL`),
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

// ---------------------------------------------------------------- editorial practice (三审三校)

/** Site-wide editorial settings: one row (id 1). Saved with optimistic concurrency, audited. */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: integer().primaryKey().default(1),
    /** How an issue is named: {year} {yearNumber} {number}; e.g. 2025年第3期（总第27期）. */
    issueLabelFormat: text().notNull().default('{year}年第{yearNumber}期（总第{number}期）'),
    /** Whether the public issue page and the PDF show the colophon (责任编辑 and the stage signers). */
    showColophon: boolean().notNull().default(true),
    /** 编印单位 printed on the colophon and the PDF cover; empty: not shown. */
    publisherName: text().notNull().default(''),
    version: integer().notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('site_settings_single_row', sql`${t.id} = 1`),
    check('site_settings_format_not_blank', sql`length(trim(${t.issueLabelFormat})) > 0`),
  ],
);

/**
 * The review stages in order (初审 → 复审 → 终审); a deployment uses one, two or three. A case
 * advances stage by stage; who may act at a stage is its roles plus its named users.
 */
export const reviewStages = pgTable(
  'review_stages',
  {
    /** 1-based order; a stage's identity in decisions and on cases. */
    position: integer().primaryKey(),
    name: text().notNull(),
    roles: roleEnum().array().notNull(),
    userIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    /** 校次 that must be recorded on the revision before this stage may pass it. */
    requiredRounds: integer().notNull().default(0),
    /** After a return from this stage, the resubmitted case starts again at stage 1 (else it comes back here). */
    returnRestarts: boolean().notNull().default(true),
  },
  (t) => [
    check('review_stages_position_range', sql`${t.position} BETWEEN 1 AND 3`),
    check('review_stages_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('review_stages_rounds_range', sql`${t.requiredRounds} BETWEEN 0 AND 3`),
  ],
);

/** Stock reasons for returning a case (数据缺失, 表述不规范…), admin-editable. */
export const returnReasons = pgTable(
  'return_reasons',
  {
    id: serial().primaryKey(),
    label: text().notNull(),
    position: integer().notNull(),
    active: boolean().notNull().default(true),
  },
  (t) => [uniqueIndex('return_reasons_label_key').on(t.label), check('return_reasons_label_not_blank', sql`length(trim(${t.label})) > 0`)],
);

/** Each stage's decision on a revision: who, when, pass or return (with its reason). Never edited. */
export const caseStageDecisions = pgTable(
  'case_stage_decisions',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    revisionId: integer()
      .notNull()
      .references(() => caseRevisions.id, { onDelete: 'cascade' }),
    stage: integer().notNull(),
    /** The stage's name when the decision was made (stages can be renamed later). */
    stageName: text().notNull(),
    decision: text({ enum: ['pass', 'return'] }).notNull(),
    actorId: integer()
      .notNull()
      .references(() => users.id),
    reasonId: integer().references(() => returnReasons.id, { onDelete: 'set null' }),
    /** The stock reason's label when chosen; '' for a pass. */
    reasonLabel: text().notNull().default(''),
    comment: text().notNull().default(''),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_stage_decisions_case_idx').on(t.caseId, t.at),
    index('case_stage_decisions_revision_actor_idx').on(t.revisionId, t.actorId),
    // A stage passes a revision once.
    uniqueIndex('case_stage_decisions_pass_key').on(t.revisionId, t.stage).where(sql`${t.decision} = 'pass'`),
    check('case_stage_decisions_stage_range', sql`${t.stage} BETWEEN 1 AND 3`),
    check('case_stage_decisions_return_has_reason', sql`${t.decision} = 'pass' OR length(trim(${t.reasonLabel})) > 0`),
  ],
);

/** 校次: a proofreading round recorded on a revision, with the checker's findings at that moment. */
export const proofreadingRounds = pgTable(
  'proofreading_rounds',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    revisionId: integer()
      .notNull()
      .references(() => caseRevisions.id, { onDelete: 'cascade' }),
    /** 1 一校, 2 二校, 3 三校 … */
    round: integer().notNull(),
    actorId: integer()
      .notNull()
      .references(() => users.id),
    errors: integer().notNull(),
    warnings: integer().notNull(),
    findings: jsonb().$type<unknown[]>().notNull(),
    note: text().notNull().default(''),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('proofreading_rounds_revision_round_key').on(t.revisionId, t.round),
    index('proofreading_rounds_case_idx').on(t.caseId, t.at),
    check('proofreading_rounds_round_range', sql`${t.round} BETWEEN 1 AND 9`),
  ],
);

/** 栏目: sections of an issue's table of contents; its cases are listed under them in order. */
export const issueSections = pgTable(
  'issue_sections',
  {
    id: serial().primaryKey(),
    issueId: integer()
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
  },
  (t) => [
    unique('issue_sections_issue_position_key').on(t.issueId, t.position),
    check('issue_sections_position_positive', sql`${t.position} > 0`),
    check('issue_sections_title_not_blank', sql`length(trim(${t.title})) > 0`),
  ],
);

/** What landed in someone's 待办, in the app; written in the transaction of the event. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** case.at_stage, case.returned, comment.addressed, issue.scheduled … */
    kind: text().notNull(),
    caseId: integer().references(() => cases.id, { onDelete: 'cascade' }),
    issueId: integer().references(() => issues.id, { onDelete: 'cascade' }),
    actorId: integer().references(() => users.id),
    message: text().notNull(),
    createdAt: createdAt(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} IS NULL`),
  ],
);

/** Emails waiting to go out: written with the notification, sent after commit, retried on failure. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    notificationId: bigint({ mode: 'number' }).references(() => notifications.id, { onDelete: 'cascade' }),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    sentAt: timestamp({ withTimezone: true }),
    lastError: text(),
  },
  (t) => [index('email_outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} IS NULL`)],
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
    /** The serial year and the issue's number within it (derived from the published issues of that year). */
    year: integer().notNull(),
    yearNumber: integer().notNull(),
    /** The colophon as published (责任编辑, the stage signers), or null when the site does not show one. */
    colophon: jsonb().$type<PublishedColophon | null>(),
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
    /** The 栏目 it is listed under; cases of one 栏目 have consecutive positions. */
    sectionTitle: text(),
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

/**
 * The printable editions of a published issue: the whole issue (caseId null) and one per case. Made
 * after the publish commits; `fingerprint` names the published state they were made from, so a
 * stale file is never served. Removed with the issue's public copy.
 */
export const publishedPdfs = pgTable(
  'published_pdfs',
  {
    id: serial().primaryKey(),
    issueId: integer()
      .notNull()
      .references(() => publishedIssues.issueId, { onDelete: 'cascade' }),
    caseId: integer().references(() => publishedCases.caseId, { onDelete: 'cascade' }),
    fingerprint: text().notNull(),
    bytes: bytea().notNull(),
    size: integer().notNull(),
    pages: integer().notNull(),
    generatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('published_pdfs_issue_case_key').on(t.issueId, t.caseId).nullsNotDistinct(),
    // The cascade from published_cases finds a case's file without scanning.
    index('published_pdfs_case_idx').on(t.caseId),
  ],
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
export type SiteSettings = typeof siteSettings.$inferSelect;
export type ReviewStage = typeof reviewStages.$inferSelect;
export type ReturnReason = typeof returnReasons.$inferSelect;
export type CaseStageDecision = typeof caseStageDecisions.$inferSelect;
export type ProofreadingRound = typeof proofreadingRounds.$inferSelect;
export type IssueSection = typeof issueSections.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type EmailOutboxEntry = typeof emailOutbox.$inferSelect;
export type PublishedPdf = typeof publishedPdfs.$inferSelect;
