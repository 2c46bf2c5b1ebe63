import type { CaseDocument } from './case-documents';
import type { PublicCaseSummary } from './types';

/** Everything a case page shows: the case document, its issue's cases (for the pager) and its 相关案例. JSON as it is. */
export interface CasePageData extends CaseDocument {
  siblings: PublicCaseSummary[];
  related: PublicCaseSummary[];
}
