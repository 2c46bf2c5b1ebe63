import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { SectionsField } from '@/components/admin/case-editor/sections-field';
import type { CaseFormValues } from '@/lib/admin/case-form';

// A screen reader user moving or deleting a section hears it named as its heading reads on the page,
// （二）主要成效, the way every message names a section; never 第2段, which nobody sees anywhere.

function Editor({ sections }: { sections: CaseFormValues['sections'] }) {
  const form = useForm<CaseFormValues>({ defaultValues: { sections } as CaseFormValues });
  return createElement(FormProvider<CaseFormValues>, { ...form, children: createElement(SectionsField) });
}

const markup = renderToStaticMarkup(
  createElement(Editor, {
    sections: [
      { kind: 'practice', heading: '主要做法', body: '一是……' },
      { kind: 'outcome', heading: '主要成效', body: '成效明显。' },
      { kind: 'custom', heading: '经验启示', body: '……' },
    ],
  }),
);
const labels = [...markup.matchAll(/aria-label="([^"]*)"/gu)].map((m) => m[1]);

describe('the sections of the case editor', () => {
  it('name each section group and its move and delete buttons by its numeral and heading', () => {
    expect(labels).toEqual(
      expect.arrayContaining([
        '（一）主要做法',
        '（一）主要做法上移',
        '（一）主要做法下移',
        '删除（一）主要做法',
        '（二）主要成效',
        '删除（二）主要成效',
        '（三）经验启示下移',
      ]),
    );
  });

  it('never says 第N段', () => {
    expect(labels.length).toBeGreaterThan(9);
    expect(labels.join('\n')).not.toMatch(/第\d+段/u);
  });
});
