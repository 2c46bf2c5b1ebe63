import { useId, type ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** One or more messages; all are shown, not only the first. */
  error?: string | string[];
  required?: boolean;
  className?: string;
  /** Gets the id and aria attributes that tie the control to its label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control whose hint and errors are wired by aria-describedby and announced. */
export function Field({ label, hint, error, required, className, children }: FieldProps) {
  const id = useId();
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errors.length ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', errors.length ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      {/* The marker sits outside the label: assistive technology hears "required" from aria-required,
          and the control's name stays the bare label. */}
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required ? <span className="field-required" aria-hidden="true"> *</span> : null}
      </div>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': errors.length ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {/* Always rendered so screen readers announce an error the moment it appears. */}
      <div id={errorId} className="field-error" aria-live="polite">
        {errors.map((e) => (
          <p key={e}>{e}</p>
        ))}
      </div>
    </div>
  );
}
