import { z } from './zod';
import { MAX_CHINESE_NUMERAL } from '@/lib/content/numerals';

// Bounds shared by every schema. Each is enforced on the server with a Chinese message, so an
// oversized value is refused before it reaches the database, a hash function or a regex.

/** Ids are int4 columns: anything larger cannot name a row and would make the driver throw. */
export const INT4_MAX = 2_147_483_647;

export const id = (label: string) =>
  z.number({ error: `缺少${label}` }).int(`${label}无效`).positive(`${label}无效`).max(INT4_MAX, `${label}无效`);

/** 第N期 is spelled in Chinese numerals on every page, and those are spelled up to 999. */
export const MAX_ISSUE_NUMBER = MAX_CHINESE_NUMERAL;

export const issueNumberSchema = z.coerce
  .number({ error: '期号必须是数字' })
  .int('期号必须是整数')
  .positive('期号必须大于0')
  .max(MAX_ISSUE_NUMBER, `期号不超过${MAX_ISSUE_NUMBER}`);

/** 典型做法之N: an issue holds far fewer cases than this. */
export const MAX_CASES_PER_ISSUE = 999;

export const casePositionSchema = z
  .number({ error: '典型做法编号必须是数字' })
  .int('典型做法编号必须是整数')
  .positive('典型做法编号必须大于0')
  .max(MAX_CASES_PER_ISSUE, `典型做法编号不超过${MAX_CASES_PER_ISSUE}`);

/** A bulk action on the cases list touches at most this many cases at once. */
export const MAX_BULK_CASES = 200;

/** Long enough for any passphrase, short enough that hashing one costs the same as any other. */
export const MAX_PASSWORD_LENGTH = 200;
