import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { Failure } from '@/lib/services/result';

/**
 * Puts every field error the server returned on its field, all messages for a field joined, so the
 * form shows them where the person types. `prefix` is dropped from the server's paths when the
 * action's input nests the form's values (the case editor sends `{ content: values }`).
 */
export function applyFieldErrors<V extends FieldValues>(form: { setError: UseFormSetError<V> }, result: Failure, prefix = ''): void {
  for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (!messages?.length) continue;
    const name = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    form.setError(name as Path<V>, { type: 'server', message: messages.join('；') });
  }
}
