import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { formatCount, formatDateTime, formatDay } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { vietnamDay } from './vietnam-day';
import { fill, fillBoth } from './fill';
import { deleteVersion, editVersion, fetchVersions, versionJsonUrl } from './surveys-api';
import type { VersionSummary } from './surveys-types';

/**
 * The published versions, newest first: when and by whom, from which day, how many answered it.
 * Each can start a new draft ("edit as a new version") or be downloaded; one nobody answered can
 * be deleted (the server refuses the others, and says so).
 */
export function VersionsPanel({
  surveyKey,
  builtIn,
  hasDraft,
  reload,
  onDraftStarted,
}: {
  surveyKey: string;
  builtIn: boolean;
  hasDraft: boolean;
  /** Changes after a publish, so the list is read again. */
  reload: number;
  onDraftStarted: () => void;
}) {
  const { lang } = useLang();
  const [versions, retry] = useApi(() => fetchVersions(surveyKey), `${surveyKey}:${reload}`);
  const action = useAction();
  const [deleting, setDeleting] = useState<number | null>(null);
  const edit = async (v: number) => {
    if (hasDraft && !confirm(fill(lang, 'svEditReplaces', { v }))) return;
    const ok = await action.run(() => editVersion(surveyKey, v), fillBoth('svEditStarted', { v }));
    if (ok) onDraftStarted();
  };
  const remove = async (v: number) => {
    setDeleting(null);
    const ok = await action.run(() => deleteVersion(surveyKey, v).then(() => true), fillBoth('svDeleted', { v }));
    if (ok) retry();
  };
  return (
    <section class="panel" aria-labelledby="versions-title" data-testid="versions-panel">
      <h2 id="versions-title">
        <InBothLanguages text={inBothLanguages('svVersions')} />
      </h2>
      <ActionMessage error={action.error} done={action.done} testid="versions" />
      <LoadView load={versions} retry={retry} isEmpty={(d) => d.versions.length === 0} emptyText="svNoVersions">
        {(data) => (
          <ul class="record-list" data-testid="version-list">
            {data.versions.map((v) => (
              <VersionCard
                key={v.version}
                v={v}
                lang={lang}
                builtIn={builtIn}
                busy={action.busy}
                surveyKey={surveyKey}
                confirmingDelete={deleting === v.version}
                onEdit={() => edit(v.version)}
                onAskDelete={() => setDeleting(v.version)}
                onDelete={() => remove(v.version)}
                onCancelDelete={() => setDeleting(null)}
              />
            ))}
          </ul>
        )}
      </LoadView>
    </section>
  );
}

function VersionCard(props: {
  v: VersionSummary;
  lang: Lang;
  builtIn: boolean;
  busy: boolean;
  surveyKey: string;
  confirmingDelete: boolean;
  onEdit: () => void;
  onAskDelete: () => void;
  onDelete: () => void;
  onCancelDelete: () => void;
}) {
  const { v, lang } = props;
  const future = v.scheduled ?? (!v.current && new Date(v.effectiveFrom) > new Date());
  return (
    <li class="record" data-testid={`version-${v.version}`} data-current={v.current ? '1' : '0'}>
      <div class="record-main">
        <p class="record-title">
          {t(lang, 'svVersion')} {v.version}{' '}
          {v.current && (
            <span class="tag tag-current">
              <InBothLanguages text={inBothLanguages('svIsCurrent')} />
            </span>
          )}
          {future && (
            <span class="tag tag-draft">
              <InBothLanguages text={inBothLanguages('svIsScheduled')} />
            </span>
          )}
        </p>
        <dl class="record-facts">
          <dt>{t(lang, 'svEffectiveFrom')}</dt>
          <dd>{formatDay(vietnamDay(v.effectiveFrom), lang)}</dd>
          <dt>{t(lang, 'svPublishedAt')}</dt>
          <dd>{formatDateTime(v.publishedAt, lang)}</dd>
          <dt>{t(lang, 'svPublishedBy')}</dt>
          <dd>{v.publishedBy ?? '—'}</dd>
          <dt>{t(lang, 'svResponses')}</dt>
          <dd class="num">{formatCount(v.responses, lang)}</dd>
        </dl>
      </div>
      <div class="record-side">
        {!props.builtIn && (
          <button type="button" class="small" disabled={props.busy} onClick={props.onEdit} data-testid="edit-version">
            {t(lang, 'svEditAsNew')}
          </button>
        )}
        <a class="button secondary small" href={versionJsonUrl(props.surveyKey, v.version)} download data-testid="download-version">
          {t(lang, 'svDownloadJson')}
        </a>
        {!props.builtIn && v.responses === 0 && !props.confirmingDelete && (
          <button type="button" class="small danger-link" disabled={props.busy} onClick={props.onAskDelete} data-testid="delete-version">
            {t(lang, 'svDeleteVersion')}
          </button>
        )}
        {props.confirmingDelete && (
          <div class="confirm-box" role="alertdialog" data-testid="delete-confirm">
            <p>{fill(lang, 'svDeleteConfirm', { v: v.version })}</p>
            <div class="form-actions">
              <button type="button" class="button primary small" onClick={props.onDelete} data-testid="delete-yes">
                {t(lang, 'svYes')}
              </button>
              <button type="button" class="button secondary small" onClick={props.onCancelDelete}>
                {t(lang, 'cancel')}
              </button>
            </div>
          </div>
        )}
      </div>
    </li>
  );
}
