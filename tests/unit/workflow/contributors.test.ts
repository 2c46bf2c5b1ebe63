import { describe, expect, it } from 'vitest';
import { revisionContributors } from '@/lib/workflow';

const A = 1;
const B = 2;
const C = 3;

describe('whose unreviewed text a new revision carries', () => {
  it('a first revision is its writer\'s alone', () => {
    expect(revisionContributors(A, null)).toEqual([A]);
  });

  it('a save on (or a restore of) an unapproved revision adds the writer to those already in it', () => {
    expect(revisionContributors(B, { contributorIds: [A], approved: false })).toEqual([A, B]);
    expect(revisionContributors(C, { contributorIds: [A, B], approved: false })).toEqual([A, B, C]);
  });

  it('a save on an approved revision starts afresh: that text was reviewed by someone else', () => {
    expect(revisionContributors(B, { contributorIds: [A], approved: true })).toEqual([B]);
  });

  it('the writer is listed once, even when the text was already theirs', () => {
    expect(revisionContributors(A, { contributorIds: [B, A], approved: false })).toEqual([A, B]);
  });
});
