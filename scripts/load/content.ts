import type { CaseContent } from '@/lib/content/model';

// The texts the load writes. Every editor save carries a marker that must never reach the public
// site; the cases of the issue that is published and unpublished carry a sentinel that the readers
// do see, which proves the scan reads real bodies.

export const DRAFT_MARKER = '草稿标记';
export const PUBLIC_SENTINEL = '公开对照';
/** A word only the editors' drafts contain: readers search for it and must find nothing. */
export const DRAFT_ONLY_WORD = '负载演练';

/** Forms the marker may take in a body: as text, escaped in JSON, percent-encoded in a URL. */
export const MARKER_FORMS = [
  DRAFT_MARKER,
  '\\u8349\\u7a3f\\u6807\\u8bb0',
  encodeURIComponent(DRAFT_MARKER),
] as const;

export const marker = (n: number) => `【${DRAFT_MARKER}-${n}】`;

export function draftContent(editor: number, seq: number, n: number): CaseContent {
  return {
    title: `${DRAFT_ONLY_WORD}草稿：编辑${editor}的案例${marker(n)}`,
    regions: ['440300'],
    profile: null,
    lead: '',
    sections: [
      { kind: 'practice', heading: '主要做法', body: `本段供${DRAFT_ONLY_WORD}使用，记录编辑${editor}的第${seq}次保存${marker(n)}。` },
      { kind: 'outcome', heading: '主要成效', body: `草稿内容在审核发布之前不对公众显示${marker(n)}。` },
    ],
    tags: [DRAFT_ONLY_WORD],
  };
}

export function publicContent(k: number): CaseContent {
  return {
    title: `社区养老服务对照案例之${k}【${PUBLIC_SENTINEL}】`,
    regions: ['330100'],
    profile: null,
    lead: '',
    sections: [
      { kind: 'practice', heading: '主要做法', body: `统筹建设社区养老服务设施，日间照料中心覆盖全部街道【${PUBLIC_SENTINEL}】。` },
      { kind: 'outcome', heading: '主要成效', body: '老年人就近获得助餐、助浴和康复服务，满意度明显提高。' },
    ],
    tags: ['社区养老'],
  };
}

export const replyText = (n: number) => `已按意见修改，请再看一下${marker(n)}。`;
