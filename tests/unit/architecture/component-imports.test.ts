import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Components import down the tree (lib/, other components), never up into app/: a route folder can
// move or be renamed without breaking a component, and the Server Actions live where every caller
// finds them (lib/actions/).

const root = process.cwd();
const appDir = path.join(root, 'app');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:ts|tsx|js|jsx|mjs)$/u.test(entry.name) ? [full] : [];
  });
}

/** Every module a file names: static imports, re-exports, side-effect imports and dynamic import(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\b(?:from|import)\s*(?:\(\s*)?['"]([^'"\n]+)['"]/gu)) found.push(match[1]!);
  return found;
}

function pointsIntoApp(file: string, specifier: string): boolean {
  if (specifier === '@/app' || specifier.startsWith('@/app/')) return true;
  if (!specifier.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), specifier);
  return target === appDir || target.startsWith(appDir + path.sep);
}

describe('components import down the tree', () => {
  it('finds imports of every kind, so the scan below can fail', () => {
    const file = path.join(root, 'components', 'admin', 'x.tsx');
    const names = specifiers(`import { a } from '@/app/(admin)/actions';\nexport * from "../../app/x";\nconst m = await import('@/lib/y');\nimport './z.css';`);
    expect(names).toEqual(['@/app/(admin)/actions', '../../app/x', '@/lib/y', './z.css']);
    expect(names.map((n) => pointsIntoApp(file, n))).toEqual([true, true, false, false]);
  });

  it('no file under components/ imports from app/', () => {
    const offenders = sourceFiles(path.join(root, 'components')).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((s) => pointsIntoApp(file, s))
        .map((s) => `${path.relative(root, file)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
