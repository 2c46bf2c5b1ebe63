'use client';
import { useEffect, useId, useState } from 'react';
import { searchRegionsAction } from '@/lib/actions/cases';
import type { RegionOption } from '@/lib/regions';

export interface PickedRegion {
  code: string;
  fullName: string;
}

interface Props {
  value: PickedRegion[];
  onChange: (next: PickedRegion[]) => void;
  error?: string;
}

/** Picks GB/T 2260 regions by name ("海门", "南通市海门区") or code; the search runs on the server. */
export function RegionPicker({ value, onChange, error }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [searching, setSearching] = useState(false);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setOptions([]);
      return;
    }
    let current = true;
    setSearching(true);
    const timer = setTimeout(() => {
      void searchRegionsAction({ query: q }).then((result) => {
        if (current) {
          setOptions(result.ok ? result.options : []);
          setSearching(false);
        }
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  const add = (o: RegionOption) => {
    if (!value.some((v) => v.code === o.code)) onChange([...value, { code: o.code, fullName: o.fullName }]);
    setQuery('');
    setOptions([]);
  };
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={`${id}-q`}>
        地区
      </label>
      <div aria-live="polite">
        {value.length === 0 ? <span className="muted small">尚未选择地区</span> : null}
        {value.map((r) => (
          <span key={r.code} className="a-tag" style={{ fontSize: 13 }}>
            {r.fullName}
            <button type="button" className="btn-ghost btn btn-sm" aria-label={`移除地区 ${r.fullName}`} onClick={() => onChange(value.filter((v) => v.code !== r.code))}>
              ×
            </button>
          </span>
        ))}
      </div>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        placeholder="输入地名或代码搜索，如：海门、义乌市、320614"
        aria-describedby={`${id}-hint ${id}-error`}
        aria-controls={options.length > 0 ? `${id}-list` : undefined}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (options[0]) add(options[0]);
          }
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        {searching ? '正在搜索…' : query && options.length === 0 ? '没有找到匹配的地区' : '回车选择第一项；城市群案例可选多个省份。'}
      </p>
      {options.length > 0 ? (
        <ul id={`${id}-list`} className="plain-list" aria-label="地区搜索结果" style={{ maxHeight: 180, overflowY: 'auto', border: '1px solid var(--a-line)', borderRadius: 5, padding: '0 8px' }}>
          {options.map((o) => (
            <li key={o.code}>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => add(o)}>
                {o.fullName}
              </button>
              <span className="muted small">{o.code}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </div>
    </div>
  );
}
