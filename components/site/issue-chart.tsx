import { caseLabel } from '@/lib/content/numerals';
import { formatPercent, formatPopulation } from '@/lib/content/profile-sentence';
import { placeShortName } from '@/lib/public/format';
import type { PublicCase } from '@/lib/public/types';

interface Bar {
  key: number;
  label: string;
  place: string;
  value: number;
  text: string;
}

/** One measure across the issue's cases as a table whose last column is an SVG bar: readable, printable, no script. */
function BarTable({ id, caption, unitNote, bars, max }: { id: string; caption: string; unitNote: string; bars: Bar[]; max: number }) {
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart__caption">
        {caption}
        <span className="chart__unit">{unitNote}</span>
      </figcaption>
      <table className="chart__table">
        <thead>
          <tr>
            <th scope="col">案例</th>
            <th scope="col">地区</th>
            <th scope="col" className="num">
              数值
            </th>
            <th scope="col" aria-hidden="true" className="chart__bar-col" />
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <td className="chart__label">{b.label}</td>
              <td>{b.place}</td>
              <td className="num">{b.text}</td>
              <td className="chart__bar-cell" aria-hidden="true">
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="chart__bar" focusable="false">
                  <rect x="0" y="1" width={100} height="8" className="chart__track" />
                  <rect x="0" y="1" width={Math.max(0.5, (b.value / max) * 100)} height="8" className="chart__fill" />
                </svg>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Compares the facts the issue's cases have: urbanization rate and resident population. Nothing when too few have them. */
export function IssueChart({ cases }: { cases: PublicCase[] }) {
  const base = (c: PublicCase) => ({ key: c.caseId, label: caseLabel(c.position), place: placeShortName(c.regions) });
  const rate: Bar[] = cases.flatMap((c) =>
    c.profile?.urbanizationRatePct != null ? [{ ...base(c), value: c.profile.urbanizationRatePct, text: formatPercent(c.profile.urbanizationRatePct) }] : [],
  );
  const population: Bar[] = cases.flatMap((c) =>
    c.profile?.population?.value != null
      ? [{ ...base(c), value: c.profile.population.value, text: `${formatPopulation(c.profile.population.value)}（${c.profile.population.scope}）` }]
      : [],
  );
  if (rate.length < 2 && population.length < 2) return null;
  return (
    <section className="issue-charts" aria-labelledby="charts-title">
      <h2 id="charts-title">数据比较</h2>
      <p className="muted small">仅列出给出了相应数据的案例。</p>
      {rate.length >= 2 ? <BarTable id="chart-rate" caption="常住人口城镇化率" unitNote="（%，满格为100%）" bars={rate} max={100} /> : null}
      {population.length >= 2 ? (
        <BarTable id="chart-pop" caption="常住人口" unitNote="（万人，口径见括注）" bars={population} max={Math.max(...population.map((b) => b.value))} />
      ) : null}
    </section>
  );
}
