import { formatCount, formatDay } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { followLink, surveyPath } from '../app/links';
import { LoadView } from '../app/load-states';
import { useApi } from '../app/use-api';
import { vietnamDay } from './vietnam-day';
import { fill } from './fill';
import { ImportSurveyPanel } from './import-survey-panel';
import { NewSurveyPanel } from './new-survey-panel';
import { fetchSurveys } from './surveys-api';
import type { SurveySummary, VersionRef } from './surveys-types';

/**
 * The administrator's surveys (/app/surveys): each one with its current and scheduled version,
 * who asks it and how many answered; a new one (blank, a template or a copy) and one from a file.
 */
export function SurveysPage() {
  const { lang } = useLang();
  const [surveys, retry] = useApi(fetchSurveys, 'surveys');
  return (
    <>
      <p class="muted intro">{t(lang, 'svIntro')}</p>
      <section class="panel" aria-labelledby="surveys-title">
        <h2 id="surveys-title">
          <InBothLanguages text={inBothLanguages('svListTitle')} />
        </h2>
        <LoadView load={surveys} retry={retry} isEmpty={(d) => d.surveys.length === 0} emptyText="svNoSurveys">
          {(data) => (
            <ul class="record-list" data-testid="survey-list">
              {data.surveys.map((s) => (
                <SurveyCard key={s.key} survey={s} lang={lang} />
              ))}
            </ul>
          )}
        </LoadView>
      </section>
      {surveys.kind === 'ready' && <NewSurveyPanel templates={surveys.data.templates} surveys={surveys.data.surveys} />}
      <ImportSurveyPanel />
    </>
  );
}

const versionText = (v: VersionRef | null, lang: Lang) =>
  v ? fill(lang, 'svVersionFrom', { v: v.version, d: formatDay(vietnamDay(v.effectiveFrom), lang) }) : t(lang, 'svNone');

function SurveyCard({ survey: s, lang }: { survey: SurveySummary; lang: Lang }) {
  const href = surveyPath(s.key);
  return (
    <li class="record survey-card" data-testid={`survey-${s.key}`} data-built-in={s.builtIn ? '1' : '0'}>
      <div class="record-main">
        <p class="record-title">
          <a href={href} onClick={followLink(href)}>
            {s.title[lang]}
          </a>{' '}
          <code class="survey-key">{s.key}</code>
        </p>
        <p class="survey-badges">
          {s.builtIn && (
            <span class="tag" data-testid="badge-built-in">
              <InBothLanguages text={inBothLanguages('svBuiltIn')} />
            </span>
          )}
          {s.hasDraft && (
            <span class="tag tag-draft" data-testid="badge-draft">
              <InBothLanguages text={inBothLanguages('svDraftBadge')} />
            </span>
          )}
          {s.retiredAt && (
            <span class="tag tag-retired" data-testid="badge-retired">
              <InBothLanguages text={inBothLanguages('svRetiredBadge')} />
            </span>
          )}
        </p>
        <dl class="survey-facts">
          <div class="survey-fact">
            <dt>{t(lang, 'svCurrent')}</dt>
            <dd data-testid="current">{versionText(s.current, lang)}</dd>
          </div>
          <div class="survey-fact">
            <dt>{t(lang, 'svScheduled')}</dt>
            <dd data-testid="scheduled">{versionText(s.scheduled, lang)}</dd>
          </div>
          <div class="survey-fact">
            <dt>{t(lang, 'svCounters')}</dt>
            <dd class="num">{formatCount(s.counters, lang)}</dd>
          </div>
          <div class="survey-fact">
            <dt>{t(lang, 'svResponses')}</dt>
            <dd class="num">{formatCount(s.responses, lang)}</dd>
          </div>
        </dl>
      </div>
      <div class="record-side">
        <a class="button secondary small" href={href} onClick={followLink(href)}>
          {t(lang, s.builtIn ? 'svOpen' : 'svDesign')}
        </a>
      </div>
    </li>
  );
}
