'use client';
import { useFormStatus } from 'react-dom';
import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'sm' | 'md';
  /** While true the button is disabled and says so, so a click cannot be sent twice. */
  pending?: boolean;
  pendingText?: string;
}

export function Button({ variant = 'secondary', size = 'md', pending = false, pendingText, disabled, children, className, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', className ?? ''].filter(Boolean).join(' ')}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
    >
      {pending ? <span className="spinner" aria-hidden="true" /> : null}
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

/** A submit button that knows when its form's action is running (React's form status). */
export function SubmitButton(props: Omit<ButtonProps, 'type'>) {
  const { pending } = useFormStatus();
  return <Button {...props} type="submit" pending={props.pending || pending} />;
}
