/** The one result shape of every service and server action. */
export type FieldErrors = Partial<Record<string, string[]>>;

/** A save based on a stale version: who changed what since, so the editor can merge by hand. */
export interface ConflictChange {
  by: string;
  at: string;
  action: string;
  fields: string[];
}
export interface Conflict {
  currentVersion: number;
  changes: ConflictChange[];
}

export type Ok<T extends object = object> = { ok: true } & T;
export type Failure = {
  ok: false;
  message: string;
  fieldErrors?: FieldErrors;
  conflict?: Conflict;
  /** Items the message refers to, one per line in the UI (cases not approved, proofreading errors). */
  details?: string[];
};
export type Result<T extends object = object> = Ok<T> | Failure;

export function ok<T extends object>(value: T): Ok<T> {
  return { ok: true, ...value };
}

export function fail(message: string, fieldErrors?: FieldErrors): Failure {
  return fieldErrors ? { ok: false, message, fieldErrors } : { ok: false, message };
}
