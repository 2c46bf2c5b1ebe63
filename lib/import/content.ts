import type { CaseContent } from '@/lib/content/model';
import { suggestThemes } from '@/lib/content/themes';
import type { ParsedCase } from './types';

/** The content of a parsed case as its first revision stores it, with suggested themes. */
export function contentFromParsedCase(parsed: ParsedCase): CaseContent {
  return {
    title: parsed.title,
    regions: parsed.regions,
    profile: parsed.profile,
    lead: parsed.lead,
    sections: parsed.sections.map(({ kind, heading, body }) => ({ kind, heading, body })),
    tags: suggestThemes(parsed.title, [parsed.lead, ...parsed.sections.map((s) => s.body)].join('\n')),
  };
}
