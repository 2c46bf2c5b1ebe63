import { provinceName, provinceShort } from '@/lib/public/format';
import { paths } from '@/lib/public/urls';

// A tile-grid picture of China: one equal tile per provincial-level division, placed roughly where
// it lies (column west→east, row north→south). Equal tiles let small places (上海, 宁夏) count as
// much as large ones, which suits case counts better than a land-area map.
const TILES: [code: string, col: number, row: number][] = [
  ['230000', 8, 1],
  ['150000', 5, 2], ['110000', 6, 2], ['210000', 7, 2], ['220000', 8, 2],
  ['650000', 1, 3], ['620000', 3, 3], ['640000', 4, 3], ['140000', 5, 3], ['130000', 6, 3], ['120000', 7, 3],
  ['630000', 2, 4], ['610000', 4, 4], ['410000', 5, 4], ['370000', 6, 4],
  ['540000', 1, 5], ['510000', 3, 5], ['500000', 4, 5], ['420000', 5, 5], ['340000', 6, 5], ['320000', 7, 5],
  ['530000', 3, 6], ['520000', 4, 6], ['430000', 5, 6], ['360000', 6, 6], ['330000', 7, 6], ['310000', 8, 6],
  ['450000', 4, 7], ['440000', 5, 7], ['350000', 6, 7], ['710000', 7, 7],
  ['460000', 4, 8], ['820000', 5, 8], ['810000', 6, 8],
];

/** Five shades of the accent by share of the largest count; 0 stays blank. */
function shade(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return Math.min(4, Math.ceil((count / max) * 4));
}

export function ProvinceGrid({ counts }: { counts: ReadonlyMap<string, number> }) {
  const max = Math.max(0, ...counts.values());
  return (
    <div className="province-grid" role="list" aria-label="各省份已发布案例数（方块图）">
      {TILES.map(([code, col, row]) => {
        const n = counts.get(code) ?? 0;
        const style = { gridColumn: col, gridRow: row };
        const inner = (
          <>
            <span className="province-grid__name">{provinceShort(code)}</span>
            <span className="province-grid__count">
              {n}
              <span className="visually-hidden">个案例</span>
            </span>
          </>
        );
        return (
          <div key={code} role="listitem" className={`province-grid__tile shade-${shade(n, max)}`} style={style}>
            {n > 0 ? (
              <a href={paths.province(code)} title={provinceName(code)}>
                {inner}
              </a>
            ) : (
              <span className="province-grid__empty">{inner}</span>
            )}
          </div>
        );
      })}
    </div>
  );
}
