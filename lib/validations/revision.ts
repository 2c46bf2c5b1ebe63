import { z } from './zod';
import { id } from './common';

export const compareRevisionsSchema = z.object({ caseId: id('案例'), fromRevisionId: id('版本'), toRevisionId: id('版本') });

export const restoreRevisionSchema = z.object({ caseId: id('案例'), revisionId: id('版本'), baseVersion: id('版本号') });
