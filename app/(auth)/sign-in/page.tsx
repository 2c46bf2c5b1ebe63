import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInCallbackPath } from '@/lib/auth/callback-url';
import { getActor } from '@/lib/auth/current';
import { appUrl } from '@/lib/env';
import './sign-in.css';

export const metadata: Metadata = { title: '登录', robots: { index: false } };
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Only same-site paths: a sign-in link must not be able to send people elsewhere.
  const callbackUrl = signInCallbackPath((await searchParams).callbackUrl, appUrl());
  if (await getActor()) redirect(callbackUrl);
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>登录编辑后台</h1>
        <p className="sign-in-lead">案例期刊的编辑、审核和管理员使用此处登录。</p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
