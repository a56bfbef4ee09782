import type { Meta } from '../api-types';
import type { Filter } from '../filter';
import { t, type Lang } from '../i18n';
import { inSectorOrder } from '../sector-display';
import { unitOptions } from '../unit-options';

interface Props {
  filter: Filter;
  meta: Meta | null;
  lang: Lang;
  onChange: (filter: Filter) => void;
  csvUrl: string;
}

// Indents the unit tree inside a <select>, which cannot hold markup.
const INDENT = '\u00a0\u00a0\u00a0';

/** From/to dates, sector and unit. Each change applies at once; the page puts it in the URL. */
export function FilterBar({ filter, meta, lang, onChange, csvUrl }: Props) {
  const set = (patch: Partial<Filter>) => {
    const next: Filter = { ...filter, ...patch };
    if (!next.sector) delete next.sector;
    if (next.unit === undefined || Number.isNaN(next.unit)) delete next.unit;
    onChange(next);
  };
  const units = meta ? unitOptions(meta.units) : [];
  const sectors = inSectorOrder((meta?.sectors ?? []).map((s) => ({ ...s, key: s.code })), meta);
  return (
    <form class="filter-bar" aria-label={t(lang, 'filterTitle')} onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{t(lang, 'from')}</span>
        <input
          type="date"
          name="from"
          value={filter.from}
          max={filter.to}
          required
          onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>{t(lang, 'to')}</span>
        <input
          type="date"
          name="to"
          value={filter.to}
          min={filter.from}
          required
          onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>{t(lang, 'sector')}</span>
        <select name="sector" value={filter.sector ?? ''} onChange={(e) => set({ sector: e.currentTarget.value || undefined })}>
          <option value="">{t(lang, 'allSectors')}</option>
          {sectors.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(lang, 'unit')}</span>
        <select
          name="unit"
          value={filter.unit === undefined ? '' : String(filter.unit)}
          onChange={(e) => set({ unit: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}
        >
          <option value="">{t(lang, 'allUnits')}</option>
          {units.map((u) => (
            <option key={u.id} value={String(u.id)}>
              {INDENT.repeat(u.depth) + u.name}
            </option>
          ))}
        </select>
      </label>
      <a class="button secondary csv-link" href={csvUrl} download data-testid="csv-link">
        {t(lang, 'downloadCsv')}
      </a>
    </form>
  );
}
