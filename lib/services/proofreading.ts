import 'server-only';
import type { CaseContent } from '@/lib/content/model';
import { sectionPlace } from '@/lib/content/numerals';
import { hasBlockingErrors, proofreadCase } from '@/lib/proofread';

/** The proofreader's errors (not warnings) in a case, each as one line saying where and what; empty when nothing blocks. */
export function blockingFindings(content: CaseContent): string[] {
  const findings = proofreadCase(content);
  if (!hasBlockingErrors(findings)) return [];
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => {
      const where =
        f.field === 'section' && f.sectionIndex !== undefined
          ? sectionPlace(f.sectionIndex, content.sections[f.sectionIndex]?.heading)
          : { title: '标题', lead: '导语', profile: '概况', foreword: '编者按', section: '正文' }[f.field];
      return `${where}：${f.message}`;
    });
}

/** How many errors a published text has left to correct (待更正): what cases.published_errors holds. */
export function errorsToCorrect(content: CaseContent): number {
  return blockingFindings(content).length;
}
