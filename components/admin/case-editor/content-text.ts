import { renderProfileSentence } from '@/lib/content/profile-sentence';
import { sectionLabel } from '@/lib/content/numerals';
import type { CaseContent } from '@/lib/content/model';
import { placeNameOf } from '@/lib/admin/place-name';

/** A case as plain text, for copying an unsaved version somewhere safe. */
export function contentAsText(content: CaseContent): string {
  const sentence = content.profile ? renderProfileSentence(content.profile, placeNameOf(content.regions)) : '';
  return [content.title, sentence, content.lead, ...content.sections.map((s, i) => `${sectionLabel(i)}${s.heading}。${s.body}`), content.tags.length ? `主题：${content.tags.join('、')}` : '']
    .filter(Boolean)
    .join('\n');
}
