'use client';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { signInSchema } from '@/lib/validations/account';

/** Email and password sign-in. Errors are announced; the button cannot be pressed twice. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请输入邮箱和密码。');
      return;
    }
    setPending(true);
    setError('');
    try {
      const result = await signIn('credentials', { ...parsed.data, redirect: false });
      if (!result || result.error || !result.ok) {
        // authorize() throws the Chinese message; anything else is a transport failure.
        setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : '登录失败，请稍后重试。');
        setPending(false);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError('无法连接服务器，请检查网络后重试。');
      setPending(false);
    }
  }

  return (
    <form className="sign-in-form" onSubmit={onSubmit} noValidate aria-describedby="sign-in-error">
      <div>
        <label htmlFor="email">邮箱</label>
        <input id="email" name="email" type="email" autoComplete="username" required aria-invalid={error ? true : undefined} />
      </div>
      <div>
        <label htmlFor="password">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={error ? true : undefined} />
      </div>
      <p id="sign-in-error" className="sign-in-error" role="alert" aria-live="assertive">
        {error}
      </p>
      <button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {pending ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
