import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatCount } from '../app/format';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { followLink, wavePath } from '../app/links';
import { LoadView } from '../app/load-states';
import { useApi } from '../app/use-api';
import { InterviewForm } from './interview-form';
import { interviewQueue, makeClientKey, type QueuedInterview } from './interview-queue';
import { SavedInterviews } from './saved-interviews';
import { fetchWave, fetchWaveForm, postInterview } from './waves-api';
import type { WaveDetail, WaveForm } from './waves-types';

/**
 * Interview entry for a wave: choose the unit once, then key in one interview after another.
 * Each saved interview goes into a queue that survives reloads and retries with the same client
 * key, so the interviewer can go on typing while the network comes and goes.
 */
export function InterviewPage({ id }: { id: number }) {
  const { lang } = useLang();
  const [load, retry] = useApi(
    () => Promise.all([fetchWaveForm(id), fetchWave(id)]).then(([form, wave]) => ({ form, wave })),
    `entry-${id}`,
  );
  return (
    <LoadView load={load} retry={retry}>
      {(data) => <Entry id={id} form={data.form} wave={data.wave} lang={lang} />}
    </LoadView>
  );
}

function Entry({ id, form, wave, lang }: { id: number; form: WaveForm; wave: WaveDetail; lang: 'vi' | 'en' }) {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [picked, setPicked] = useState<number>(wave.strata[0]?.unitId ?? 0);
  const [items, setItems] = useState<readonly QueuedInterview[]>([]);
  const [strata, setStrata] = useState(wave.strata);
  const queue = useMemo(() => interviewQueue({ waveId: id, send: postInterview, onChange: (list) => setItems([...list]) }), [id]);
  const savedBefore = useRef(0);

  useEffect(() => {
    setItems([...queue.items]);
    void queue.resume();
    const online = () => void queue.retry();
    addEventListener('online', online);
    return () => removeEventListener('online', online);
  }, [queue]);

  // After each confirmed save, refresh the strata's collected counts (cheap, and the interviewer sees progress).
  const savedCount = items.filter((q) => q.status === 'saved').length;
  useEffect(() => {
    if (savedCount === savedBefore.current) return;
    savedBefore.current = savedCount;
    fetchWave(id).then(
      (d) => setStrata(d.strata),
      () => {},
    );
  }, [savedCount]);

  const stratum = strata.find((s) => s.unitId === unitId);
  const waiting = items.filter((q) => q.status === 'pending' || q.status === 'retrying').length;
  return (
    <>
      <section class="panel" aria-labelledby="entry-title">
        <p>
          <a href={wavePath(id)} onClick={followLink(wavePath(id))} data-testid="back-to-wave">
            {t(lang, 'backToWave')}
          </a>
        </p>
        <h2 id="entry-title">
          {form.wave.name} · <span class="muted">{form.survey.title[lang]}</span>
        </h2>
        {unitId === null ? (
          <form
            class="stratum-choice"
            onSubmit={(e) => {
              e.preventDefault();
              if (picked) setUnitId(picked);
            }}
            data-testid="stratum-choice"
          >
            <label>
              <span>{t(lang, 'entryStratum')}</span>
              <select name="stratum" value={String(picked)} onChange={(e) => setPicked(Number(e.currentTarget.value))} autoFocus>
                {strata.map((s) => (
                  <option key={s.unitId} value={String(s.unitId)}>
                    {s.unitName} ({formatCount(s.collected, lang)}/{formatCount(s.required, lang)})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="button primary" data-testid="start-entry">
              {t(lang, 'startEntry')}
            </button>
          </form>
        ) : (
          <div class="entry-stratum" data-testid="entry-stratum" data-unit={unitId}>
            <span>
              {t(lang, 'entryStratum')}: <strong>{stratum?.unitName}</strong> —{' '}
              <span data-testid="stratum-collected" data-value={stratum?.collected ?? ''}>
                {t(lang, 'collected')} {formatCount(stratum?.collected ?? 0, lang)}/{formatCount(stratum?.required ?? 0, lang)}
              </span>
            </span>
            <button type="button" class="button secondary small" onClick={() => setUnitId(null)} data-testid="change-stratum">
              {t(lang, 'changeStratum')}
            </button>
          </div>
        )}
        <p class="running-count" data-testid="running-count" data-saved={savedCount} data-waiting={waiting} aria-live="polite">
          {t(lang, 'savedThisSession')}: <strong>{formatCount(savedCount, lang)}</strong>
          {waiting > 0 && ` · ${formatCount(waiting, lang)} ${t(lang, 'waitingToSend')}`}
        </p>
      </section>
      {unitId !== null && (
        <InterviewForm
          key={unitId}
          survey={form.survey}
          lang={lang}
          onSave={(answers, comment) => {
            void queue.add({ clientKey: makeClientKey(), unitId, answers, ...(comment ? { comment } : {}) });
          }}
        />
      )}
      <SavedInterviews items={items} lang={lang} onRetry={() => void queue.retry()} onDiscard={(k) => queue.discard(k)} strata={strata} />
    </>
  );
}
