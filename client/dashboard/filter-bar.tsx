import { useState } from 'preact/hooks';
import type { Meta } from '../app/api-types';
import { t, type Lang } from '../app/i18n';
import { inSectorOrder } from '../app/sector-display';
import { SURVEY_OPTIONS } from '../app/survey-options';
import { subtreeIds, unitOptions } from '../app/unit-options';
import { CHANNELS, type Channel } from '../../surveys/channels';
import type { Filter } from './filter';
import { filterSummary } from './filter-summary';
import { PeriodPicker } from './period-picker';
import { ViewChoice, ViewRule } from './view-choice';
import { formatDay } from '../app/format';

interface Props {
  filter: Filter;
  meta: Meta | null;
  lang: Lang;
  thisYear: number;
  onChange: (filter: Filter) => void;
  csvUrl: string;
}

// Indents the unit tree inside a <select>, which cannot hold markup; the corner mark shows the branch.
const INDENT = '\u00a0\u00a0\u00a0';
const BRANCH = '└\u00a0';

/**
 * Period, unit (its whole subtree), sector, counter, channel and survey. Each change applies at once and goes in the URL.
 * On a phone the fields are folded under a one-line summary of the filter, so the figures start on the first screen.
 */
export function FilterBar({ filter, meta, lang, thisYear, onChange, csvUrl }: Props) {
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<Filter>) => {
    const next: Filter = { ...filter, ...patch };
    for (const k of ['sector', 'counter', 'channel', 'survey', 'asOf'] as const) if (!next[k]) delete next[k];
    if (next.unit === undefined || Number.isNaN(next.unit)) delete next.unit;
    onChange(next);
  };
  const units = meta ? unitOptions(meta.units) : [];
  const sectors = inSectorOrder(
    (meta?.sectors ?? []).map((s) => ({ ...s, key: s.code })),
    meta,
  );
  // Only the counters of the chosen unit's subtree; a counter chosen elsewhere stays listed so the select shows it.
  const inUnit = filter.unit !== undefined && meta ? subtreeIds(meta.units, filter.unit) : null;
  const counters = (meta?.counters ?? []).filter((k) => !inUnit || inUnit.has(k.unitId) || k.code === filter.counter);
  const reorganised = (meta?.reorganisationDays ?? []).length > 0;
  const onUnit = (value: string) => {
    const unit = value ? Number(value) : undefined;
    const keep =
      unit === undefined || !meta || !filter.counter
        ? true
        : subtreeIds(meta.units, unit).has(meta.counters.find((k) => k.code === filter.counter)?.unitId ?? -1);
    // A unit that has ended lives on in its successors today: it is shown in the tree of its last day.
    const ended = meta?.units.find((u) => u.id === unit)?.validTo;
    const asOf = ended && (!filter.asOf || filter.asOf > ended) ? { asOf: ended } : {};
    set({ unit, ...(keep ? {} : { counter: undefined }), ...asOf });
  };
  const narrowed = Boolean(filter.sector || filter.unit !== undefined || filter.counter || filter.channel || filter.survey || filter.asOf);
  return (
    <div class={open ? 'filter-panel open' : 'filter-panel'}>
      <div class="filter-summary">
        <p data-testid="filter-summary">
          <span class="visually-hidden">{t(lang, 'filterSummary')}: </span>
          {filterSummary(filter, meta, lang).join(' · ')}
        </p>
        <button
          type="button"
          class="button secondary small"
          aria-expanded={open}
          aria-controls="filter-bar"
          onClick={() => setOpen(!open)}
          data-testid="filter-toggle"
        >
          {t(lang, open ? 'hideFilter' : 'showFilter')}
        </button>
      </div>
      <form
        id="filter-bar"
        class="filter-bar"
        aria-label={t(lang, 'filterTitle')}
        onSubmit={(e) => e.preventDefault()}
        data-testid="filter-bar"
      >
        <PeriodPicker from={filter.from} to={filter.to} thisYear={thisYear} lang={lang} onChange={(range) => set(range)} />
        <div class="filter-fields">
          <label>
            <span>{t(lang, 'unit')}</span>
            <select
              name="unit"
              value={filter.unit === undefined ? '' : String(filter.unit)}
              onChange={(e) => onUnit(e.currentTarget.value)}
            >
              <option value="">{t(lang, 'allUnits')}</option>
              {units.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {(u.depth > 0 ? INDENT.repeat(u.depth - 1) + BRANCH : '') +
                    u.name +
                    (u.validTo ? ` (${t(lang, 'endedOn')} ${formatDay(u.validTo, lang)})` : '')}
                </option>
              ))}
            </select>
          </label>
          {reorganised && meta && <ViewChoice asOf={filter.asOf} meta={meta} lang={lang} onChange={(asOf) => set({ asOf })} />}
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
            <span>{t(lang, 'counter')}</span>
            <select name="counter" value={filter.counter ?? ''} onChange={(e) => set({ counter: e.currentTarget.value || undefined })}>
              <option value="">{t(lang, 'allCounters')}</option>
              {counters.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t(lang, 'channel')}</span>
            <select
              name="channel"
              value={filter.channel ?? ''}
              onChange={(e) => set({ channel: (e.currentTarget.value || undefined) as Channel | undefined })}
            >
              <option value="">{t(lang, 'allChannels')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(lang, `channel_${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t(lang, 'survey')}</span>
            <select name="survey" value={filter.survey ?? ''} onChange={(e) => set({ survey: e.currentTarget.value || undefined })}>
              <option value="">{t(lang, 'allSurveys')}</option>
              {SURVEY_OPTIONS.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name[lang]}
                </option>
              ))}
            </select>
          </label>
          <div class="filter-actions">
            {narrowed && (
              <button
                type="button"
                class="button secondary"
                data-testid="clear-filter"
                onClick={() => onChange({ from: filter.from, to: filter.to })}
              >
                {t(lang, 'clearFilter')}
              </button>
            )}
            <a class="button secondary csv-link" href={csvUrl} download data-testid="csv-link">
              {t(lang, 'downloadCsv')}
            </a>
          </div>
        </div>
      </form>
      {reorganised && <ViewRule asOf={filter.asOf} lang={lang} />}
    </div>
  );
}
