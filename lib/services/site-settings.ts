import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { siteSettings } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { DEFAULT_ISSUE_LABEL_FORMAT } from '@/lib/content/serial';
import { requestLogger } from '@/lib/log';
import { saveSiteSettingsSchema } from '@/lib/validations/site-settings';
import { writeAudit } from './audit';
import { authorize, inTransaction, refuse } from './guard';
import { publicSiteChanged } from './publishing-log';
import { ok, type Result } from './result';

// The site's editorial settings: how an issue is named (期号格式), and the colophon (版权页). One
// row; saved with optimistic concurrency on its version, audited, admins only.

export interface SiteSettings {
  issueLabelFormat: string;
  showColophon: boolean;
  publisherName: string;
  version: number;
}

/** What the site uses when the row is missing (a database migrated by hand): the migration's defaults. */
export const DEFAULT_SITE_SETTINGS: SiteSettings = { issueLabelFormat: DEFAULT_ISSUE_LABEL_FORMAT, showColophon: true, publisherName: '', version: 1 };

export const SITE_SETTING_LABELS = { issueLabelFormat: '期号格式', showColophon: '显示版权页', publisherName: '编印单位' } as const;
const FIELD_LABELS = SITE_SETTING_LABELS;
type Field = keyof typeof FIELD_LABELS;

/** The settings as they are now. Anyone signed in may read them; they hold nothing secret. */
export async function readSiteSettings(db: Db): Promise<SiteSettings> {
  const [row] = await db
    .select({ issueLabelFormat: siteSettings.issueLabelFormat, showColophon: siteSettings.showColophon, publisherName: siteSettings.publisherName, version: siteSettings.version })
    .from(siteSettings)
    .where(eq(siteSettings.id, 1));
  return row ?? DEFAULT_SITE_SETTINGS;
}

/**
 * Saves the format, the colophon switch and the publisher. A new format shows on the public site at
 * once (it is how issues are named, not what they say); the colophon is part of what an issue
 * publishes, so a change reaches readers when each issue is published again.
 */
export async function saveSiteSettings(db: Db, actor: Actor, input: unknown): Promise<Result<{ settings: SiteSettings; changed: string[] }>> {
  const parsed = authorize(actor, 'settings.manage', saveSiteSettingsSchema, input);
  if (!parsed.ok) return parsed;
  const { baseVersion, ...fields } = parsed.data;
  const result = await inTransaction(db, async (tx) => {
    // The row exists from the migration on; a database that lost it gets it back with the defaults.
    await tx.insert(siteSettings).values({ id: 1 }).onConflictDoNothing();
    const [row] = await tx.select().from(siteSettings).where(eq(siteSettings.id, 1)).for('update');
    if (row!.version !== baseVersion) refuse('期刊设置已被其他人修改，请刷新页面，在最新的设置上重新修改。');
    const changed = (Object.keys(FIELD_LABELS) as Field[]).filter((k) => row![k] !== fields[k]);
    const current = { issueLabelFormat: row!.issueLabelFormat, showColophon: row!.showColophon, publisherName: row!.publisherName, version: row!.version };
    if (changed.length === 0) return ok({ settings: current, changed: [] as string[] });
    const [updated] = await tx
      .update(siteSettings)
      .set({ ...fields, version: row!.version + 1 })
      .where(eq(siteSettings.id, 1))
      .returning();
    const pick = (source: Record<Field, unknown>) => Object.fromEntries(changed.map((k) => [k, source[k]]));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'settings.site',
      targetType: 'settings',
      targetId: 'site',
      before: { ...pick(row!), version: row!.version },
      after: { ...pick(fields), fields: changed.map((k) => FIELD_LABELS[k]), version: updated!.version },
    });
    const settings = { issueLabelFormat: updated!.issueLabelFormat, showColophon: updated!.showColophon, publisherName: updated!.publisherName, version: updated!.version };
    return ok({ settings, changed: changed.map((k) => FIELD_LABELS[k]) });
  });
  if (result.ok && result.changed.includes(FIELD_LABELS.issueLabelFormat)) {
    // Every public page names issues: the static snapshot follows, as after a publish.
    (await requestLogger()).info({ event: 'settings.site', actorId: actor.id, format: result.settings.issueLabelFormat }, '期号格式已修改');
    publicSiteChanged('期号格式已修改');
  }
  return result;
}
