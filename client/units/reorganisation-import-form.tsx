import { useState } from 'preact/hooks';
import { formatCount, formatDay, formatPercent } from '../app/format';
import { inBothLanguages, t, type Lang, type StringKey } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { RefusedFile } from '../imports/problem-table';
import { sendSheet, SheetFileInput, type SheetOutcome } from '../imports/sheet-upload';
import { importReorganisationSheet, type SheetEventView, type SheetImportResult } from './reorganisation-import-api';

/** A dry run is 'checked', a sheet written 'recorded'. */
type Outcome =
  | Exclude<SheetOutcome<SheetImportResult>, { kind: 'done' }>
  | { kind: 'checked'; result: SheetImportResult }
  | { kind: 'recorded'; result: SheetImportResult };

/**
 * A reorganisation sheet as the Ministry sends it (POST /api/units/reorganisations/import): checked
 * first (a dry run that lists what would change), then recorded, every event or none.
 */
export function ImportReorganisation({ lang, onSaved }: { lang: Lang; onSaved: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [effectiveOn, setEffectiveOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    const outcome = await sendSheet(() => importReorganisationSheet(file, effectiveOn, dryRun));
    setBusy(false);
    if (outcome?.kind !== 'done') return setOutcome(outcome);
    setOutcome({ kind: dryRun ? 'checked' : 'recorded', result: outcome.result });
    if (!dryRun) onSaved();
  };
  return (
    <section class="panel" aria-labelledby="reorg-sheet-title">
      <h2 id="reorg-sheet-title">
        <InBothLanguages text={inBothLanguages('reorgSheetTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'reorgSheetIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
        data-testid="reorg-sheet-form"
      >
        <div class="form-grid">
          <SheetFileInput
            label={t(lang, 'reorgSheetFile')}
            testid="reorg-sheet-file"
            onFile={(f) => {
              setFile(f);
              setOutcome(null);
            }}
          />
          <label>
            <span>{t(lang, 'reorgSheetOn')}</span>
            <input
              type="date"
              value={effectiveOn}
              onInput={(e) => {
                setEffectiveOn(e.currentTarget.value);
                setOutcome(null);
              }}
              data-testid="reorg-sheet-on"
            />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button secondary" disabled={busy || !file} data-testid="reorg-sheet-check">
            {busy ? t(lang, 'working') : t(lang, 'reorgSheetCheck')}
          </button>
          {outcome?.kind === 'checked' && (
            <button type="button" class="button primary" disabled={busy} onClick={() => void send(false)} data-testid="reorg-sheet-record">
              {t(lang, 'reorgSheetRecord')}
            </button>
          )}
        </div>
      </form>
      <div aria-live="polite">{outcome && <Report outcome={outcome} lang={lang} />}</div>
    </section>
  );
}

function Report({ outcome, lang }: { outcome: Outcome; lang: Lang }) {
  if (outcome.kind === 'error')
    return (
      <p class="form-error" role="alert">
        {outcome.message[lang]}
      </p>
    );
  if (outcome.kind === 'rejected')
    return <RefusedFile outcome={outcome} summary="reorgSheetRejected" caption="reorgSheetProblemsCaption" prefix="reorg-sheet" />;
  const r = outcome.result;
  const fill = { n: formatCount(r.events.length, lang), d: formatDay(r.effectiveOn, lang) };
  return (
    <div data-testid={`reorg-sheet-${outcome.kind}`} data-events={r.events.length}>
      {outcome.kind === 'recorded' ? (
        <p class="import-ok">
          ✓ <InBothLanguages text={inBothLanguages('reorgSheetDone', fill)} />
        </p>
      ) : (
        <p>
          <InBothLanguages text={inBothLanguages('reorgSheetPreview', fill)} />
        </p>
      )}
      <div class="table-scroll">
        <EventTable events={r.events} lang={lang} caption={outcome.kind === 'recorded' ? 'reorgSheetCaptionDone' : 'reorgSheetCaption'} />
      </div>
    </div>
  );
}

/** What each event does, one row each (a card on a phone): old units, new units with their shares, counters and units that move. */
function EventTable({ events, lang, caption }: { events: readonly SheetEventView[]; lang: Lang; caption: StringKey }) {
  const label = (key: StringKey) => t(lang, key);
  const heads: StringKey[] = [
    'reorgSheetLines',
    'reorgSheetKind',
    'reorgSheetOld',
    'reorgSheetNew',
    'reorgSheetCounters',
    'reorgSheetChildren',
  ];
  return (
    <table class="stats-table stacked-table" data-testid="reorg-sheet-events">
      <caption>{label(caption)}</caption>
      <thead>
        <tr>
          {heads.map((h) => (
            <th scope="col" key={h}>
              {label(h)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.lines.join('-') + e.kind} data-kind={e.kind} data-lines={e.lines.join(',')}>
            <td data-label={label('reorgSheetLines')}>{e.lines.join(', ')}</td>
            <td data-label={label('reorgSheetKind')}>
              <strong>{label(`reorgSheet_${e.kind}`)}</strong>
            </td>
            <td data-label={label('reorgSheetOld')} data-col="old">
              <ul class="sheet-event-list">
                {e.predecessors.map((p) => (
                  <li key={p.code}>
                    {p.name} (<code>{p.code}</code>) — {label(p.ends ? 'reorgSheetEnds' : 'reorgSheetStays')}
                  </li>
                ))}
              </ul>
            </td>
            <td data-label={label('reorgSheetNew')} data-col="new">
              <ul class="sheet-event-list">
                {e.successors.map((s) => (
                  <li key={s.code} data-code={s.code} data-created={String(s.created)}>
                    {successorName(e, s)} (<code>{s.code}</code>) — {label(s.created ? 'reorgSheetCreated' : 'reorgSheetContinues')}
                    {shareOf(e, s.code, lang, label('reorgSheetShare'))}
                  </li>
                ))}
              </ul>
            </td>
            <td data-label={label('reorgSheetCounters')} data-col="counters">
              <Moves
                items={e.counters.map((c) => ({ key: c.code, what: c.code, from: c.fromCode, to: c.toCode }))}
                none={label('reorgSheetNone')}
              />
            </td>
            <td data-label={label('reorgSheetChildren')} data-col="children">
              <Moves
                items={e.children.map((c) => ({ key: c.code, what: `${c.name} (${c.code})`, from: c.fromCode, to: c.toCode }))}
                none={label('reorgSheetNone')}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A rename shows the new name, a move the new parent. */
function successorName(e: SheetEventView, s: { name: string }) {
  if (e.kind === 'rename' && typeof e.after?.name === 'string') return e.after.name;
  if (e.kind === 'move') return `${s.name} → ${String(e.after?.parentCode ?? '—')}`;
  return s.name;
}

/** The shares of the past that go to a new unit, said when they are not the whole: "tỷ lệ 60 %". */
function shareOf(e: SheetEventView, code: string, lang: Lang, word: string) {
  const links = e.links.filter((l) => l.toCode === code && l.share !== 1);
  if (links.length === 0) return null;
  return <span class="muted">{` · ${word} ${links.map((l) => formatPercent(l.share * 100, lang, 0)).join(', ')}`}</span>;
}

function Moves({ items, none }: { items: { key: string; what: string; from: string | null; to: string | null }[]; none: string }) {
  if (items.length === 0) return <span class="muted">{none}</span>;
  return (
    <ul class="sheet-event-list">
      {items.map((i) => (
        <li key={i.key}>
          {i.what}: {i.from ?? '—'} → {i.to ?? '—'}
        </li>
      ))}
    </ul>
  );
}
