import type { PublicColophon } from '@/lib/public/types';

/**
 * The 版权页 at the end of an issue: 编印单位, 责任编辑 and the names of those who passed its texts at
 * each review stage (初审, 复审, 终审), as published with the issue. Lines with nothing to say are
 * left out; with nothing at all, so is the colophon.
 */
export function Colophon({ colophon }: { colophon: PublicColophon | null }) {
  if (!colophon) return null;
  const lines: [string, string][] = [];
  if (colophon.publisher.trim()) lines.push(['编印单位', colophon.publisher]);
  if (colophon.responsibleEditor) lines.push(['责任编辑', colophon.responsibleEditor]);
  for (const stage of colophon.stages) if (stage.signers.length > 0) lines.push([stage.name, stage.signers.join('、')]);
  if (lines.length === 0) return null;
  return (
    <section className="colophon" aria-labelledby="colophon-title">
      <h2 id="colophon-title">版权页</h2>
      <dl>
        {lines.map(([term, value]) => (
          <div key={term} className="colophon__line">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
