// A minimal server renderer for the leak test: walks a React element tree, awaiting async Server
// Components, and returns every text and attribute value it contains. It does not produce HTML;
// it only has to see everything a page would send.
import { Fragment, isValidElement, type ReactNode } from 'react';

type Props = { children?: ReactNode; dangerouslySetInnerHTML?: { __html: string } } & Record<string, unknown>;

export async function renderText(node: unknown): Promise<string> {
  const out: string[] = [];
  await walk(await node, out);
  return out.join(' ');
}

async function walk(node: unknown, out: string[]): Promise<void> {
  const value = await node;
  if (value === null || value === undefined || typeof value === 'boolean') return;
  if (typeof value === 'string' || typeof value === 'number') {
    out.push(String(value));
    return;
  }
  if (Array.isArray(value)) {
    for (const child of value) await walk(child, out);
    return;
  }
  if (!isValidElement(value)) return;
  const props = value.props as Props;
  if (typeof value.type === 'function') {
    await walk((value.type as (p: Props) => unknown)(props), out);
    return;
  }
  if ((value.type as unknown) !== Fragment) {
    for (const [key, v] of Object.entries(props)) {
      if (key === 'children') continue;
      if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
      else if (key === 'style' && v && typeof v === 'object') out.push(JSON.stringify(v));
    }
    if (props.dangerouslySetInnerHTML) out.push(props.dangerouslySetInnerHTML.__html);
  }
  await walk(props.children, out);
}
