// Separation of duties follows the text, not the last person to touch it: a revision records who
// wrote text in it that nobody else has reviewed yet, and none of them may approve it.

export interface ContributorSource {
  /** The contributors recorded on the revision the new text starts from. */
  contributorIds: readonly number[];
  /** Whether that revision was approved: its text was then read by someone other than its writers. */
  approved: boolean;
}

/**
 * Who a new revision's unreviewed text belongs to. An ordinary save starts from the current
 * revision; a restore starts from the revision restored. The writer always counts, even when the
 * text is unchanged from its source (a restore), because they chose to put it forward again.
 */
export function revisionContributors(writerId: number, source: ContributorSource | null): number[] {
  const inherited = source && !source.approved ? source.contributorIds : [];
  return Array.from(new Set([writerId, ...inherited])).sort((a, b) => a - b);
}
