import type { SnippetPart } from '@/lib/public/types';

/** Text with search matches marked; every part is rendered as text, never as HTML. */
export function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
