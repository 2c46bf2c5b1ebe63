// The case editor's form values and schema, derived from the shared case content schema so the
// browser checks exactly what the server will check. Pure: used by the form and by unit tests.
import { z } from '@/lib/validations/zod';
import { POPULATION_SCOPES, SECTION_HEADINGS, type CaseContent, type Profile, type ProfileFactKey, type SectionKind } from '@/lib/content/model';
import { unstatedFacts } from '@/lib/proofread/profile';
import { caseContentSchema, profileSchema } from '@/lib/validations/case';

/** The form keeps the profile fields even when unused, so switching 概况 off and on loses nothing. */
export const caseFormSchema = caseContentSchema.extend({
  hasProfile: z.boolean(),
  profile: profileSchema.extend({
    population: z.object({
      scope: z.enum(POPULATION_SCOPES, { error: '请选择人口统计范围' }),
      value: z.number({ error: '常住人口必须是数字' }).positive('常住人口必须大于0').nullable(),
    }),
  }),
});

export type CaseFormValues = z.infer<typeof caseFormSchema>;

export const EMPTY_PROFILE: CaseFormValues['profile'] = {
  year: null,
  landAreaKm2: null,
  population: { scope: '市域', value: null },
  urbanizationRatePct: null,
  gdpYi: null,
  budgetRevenueYi: null,
};

export const NEW_CASE_VALUES: CaseFormValues = {
  title: '',
  regions: [],
  hasProfile: true,
  profile: EMPTY_PROFILE,
  lead: '',
  sections: [
    { kind: 'practice', heading: SECTION_HEADINGS.practice, body: '' },
    { kind: 'outcome', heading: SECTION_HEADINGS.outcome, body: '' },
  ],
  tags: [],
};

export function formValuesOf(content: CaseContent): CaseFormValues {
  const p = content.profile;
  return {
    title: content.title,
    regions: [...content.regions],
    hasProfile: p !== null,
    profile: p ? { ...p, population: p.population ?? EMPTY_PROFILE.population } : EMPTY_PROFILE,
    lead: content.lead,
    sections: content.sections.map((s) => ({ ...s })),
    tags: [...content.tags],
  };
}

/** A fact whose figure is now filled in is no longer unstated; an empty record is left out. */
function settled(profile: Profile): Profile {
  const unstated = unstatedFacts(profile);
  const out: Profile = { ...profile };
  delete out.unstated;
  if (unstated.length > 0) out.unstated = unstated;
  return out;
}

/** The editor's explicit "删除此项": the fact is no longer owed a figure (the save records it). */
export function withoutUnstated(unstated: readonly ProfileFactKey[] | undefined, key: ProfileFactKey): ProfileFactKey[] {
  return (unstated ?? []).filter((k) => k !== key);
}

/** What is saved: no profile when switched off; a population without a figure is no population. */
export function contentOf(values: CaseFormValues): CaseContent {
  const { hasProfile, profile, ...rest } = values;
  return {
    ...rest,
    title: rest.title.trim(),
    lead: rest.lead.trim(),
    sections: rest.sections.map((s) => ({ kind: s.kind, heading: s.heading.trim(), body: s.body.trim() })),
    profile: hasProfile ? settled({ ...profile, population: profile.population.value === null ? null : profile.population }) : null,
  };
}

/** The heading a section kind brings with it; a custom heading is the editor's own. */
export function headingForKind(kind: SectionKind, current: string): string {
  return kind === 'custom' ? (Object.values(SECTION_HEADINGS).includes(current) ? '' : current) : SECTION_HEADINGS[kind];
}

/** A number input's text as the schema wants it: empty is "not known" (null), not zero. */
export function numberOrNull(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isNaN(n) ? Number.NaN : n;
}
