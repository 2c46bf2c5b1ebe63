// Shapes shared by every proofreading rule. Offsets are UTF-16 code-unit indexes into the text of
// the field the finding belongs to (JavaScript string indexes), so `text.slice(offset,
// offset + length)` is the flagged span; Chinese characters are single code units.

export type Severity = 'error' | 'warning';

export const RULE_IDS = [
  'missing-number',
  'missing-classifier',
  'implausible-figure',
  'enumeration',
  'doubled-word',
  'doubled-punctuation',
  'unbalanced-pair',
  'halfwidth-punctuation',
  'profile-incomplete',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Which part of a case (or issue) the text came from. The profile has no text of its own. */
export type Field = 'title' | 'lead' | 'profile' | 'section' | 'foreword';

export interface Fix {
  /** Replaces text[offset, offset + length). */
  replacement: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  field: Field;
  /** Index into CaseContent.sections when field === 'section'. */
  sectionIndex?: number;
  offset: number;
  length: number;
  /** Chinese, for the editor: what is wrong and why it matters. */
  message: string;
  fix?: Fix;
}

/** What a text rule reports; checkText adds the field it was run on. */
export type Hit = Omit<Finding, 'field' | 'sectionIndex'>;
