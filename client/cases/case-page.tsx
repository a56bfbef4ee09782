import { caseActions } from '../admin/admin-helpers';
import type { Meta } from '../app/api-types';
import { formatDateTime, NO_VALUE } from '../app/format';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { followLink, pagePath } from '../app/links';
import { LoadView } from '../app/load-states';
import { useApi } from '../app/use-api';
import { AssignForm } from './case-assign-form';
import { CaseAnswers } from './case-answers';
import { DeletePhone } from './case-delete-phone';
import { PublishOutcome } from './case-publish-outcome';
import { RevealPhone } from './case-reveal-phone';
import { ContactReveals } from './contact-reveals';
import { reasonName } from './case-reason';
import { TextAction } from './case-text-action';
import { addCaseNote, answerCase, closeCase, fetchCase } from './cases-api';

/** One complaint: what it is about, the answer it came from, its notes, and the next steps. */
export function CasePage({ id, meta }: { id: number; meta: Meta | null }) {
  const { lang } = useLang();
  const [detail, retry] = useApi(() => fetchCase(id), `case-${id}`);
  return (
    <>
      <p>
        <a href={pagePath('cases')} onClick={followLink(pagePath('cases'))} data-testid="back-to-cases">
          {t(lang, 'backToCases')}
        </a>
      </p>
      <LoadView load={detail} retry={retry}>
        {(c) => {
          const can = caseActions(c.status);
          return (
            <div data-testid="case-detail" data-status={c.status}>
              <section class="panel" aria-labelledby="case-title">
                <h2 id="case-title">
                  #{c.id} — {t(lang, `case_${c.status}`)} {c.overdue && <span class="badge-overdue">{t(lang, 'overdue')}</span>}
                </h2>
                <dl class="case-facts">
                  <dt>{t(lang, 'caseReason')}</dt>
                  <dd>{reasonName(c.reason, lang)}</dd>
                  <dt>{t(lang, 'unit')}</dt>
                  <dd>{c.unit.name}</dd>
                  <dt>{t(lang, 'assignedUnit')}</dt>
                  <dd data-testid="case-assigned-unit">{c.assignedUnit?.name ?? NO_VALUE}</dd>
                  <dt>{t(lang, 'assignee')}</dt>
                  <dd data-testid="case-assignee">{c.assignee?.username ?? NO_VALUE}</dd>
                  <dt>{t(lang, 'createdAt')}</dt>
                  <dd>{formatDateTime(c.createdAt, lang)}</dd>
                  <dt>{t(lang, 'dueAt')}</dt>
                  <dd>{formatDateTime(c.dueAt, lang)}</dd>
                  <dt>{t(lang, 'phone')}</dt>
                  <dd data-testid="case-phone">{c.contact?.phone ?? t(lang, 'noPhone')}</dd>
                  {c.answer !== null && (
                    <>
                      <dt>{t(lang, 'caseAnswer')}</dt>
                      <dd class="plain-text" data-testid="case-answer">
                        {c.answer}
                      </dd>
                    </>
                  )}
                  {c.closeReason !== null && (
                    <>
                      <dt>{t(lang, 'closeReason')}</dt>
                      <dd class="plain-text">{c.closeReason}</dd>
                    </>
                  )}
                </dl>
                {c.contact && c.mayRevealContact && <RevealPhone id={c.id} />}
                {c.contact && !c.mayRevealContact && <p class="muted small">{t(lang, 'revealOnlyAssignee')}</p>}
                <ContactReveals reveals={c.contactReveals} lang={lang} />
                {c.contact && <DeletePhone id={c.id} onDone={retry} />}
              </section>
              <section class="panel" aria-labelledby="case-response-title">
                <h2 id="case-response-title">{t(lang, 'theResponse')}</h2>
                {c.response === null ? (
                  <p class="muted">{t(lang, 'noResponse')}</p>
                ) : (
                  <div data-testid="case-response">
                    <p class="muted small">
                      {t(lang, 'submittedAt')}: {formatDateTime(c.response.submittedAt, lang)}
                      {c.response.counter && ` — ${c.response.counter.name ?? c.response.counter.code}`}
                    </p>
                    <p class="small">
                      {t(lang, 'citizenReference')}: <strong data-testid="case-reference">{c.response.reference}</strong>
                    </p>
                    <dl class="case-facts">
                      <dt>{t(lang, 'dossierCode')}</dt>
                      <dd data-testid="case-dossier-code" class="dossier-code">
                        {c.response.dossierCode ?? t(lang, 'noDossierCode')}
                      </dd>
                    </dl>
                    <h3>{t(lang, 'comment')}</h3>
                    {/* Plain text: the citizen's words are never read as markup. */}
                    <p class="plain-text" data-testid="case-comment">
                      {c.response.comment || t(lang, 'noComment')}
                    </p>
                    <h3>{t(lang, 'answers_')}</h3>
                    <CaseAnswers lines={c.response.lines} lang={lang} />
                  </div>
                )}
              </section>
              <section class="panel" aria-labelledby="case-steps-title">
                <h2 id="case-steps-title">{t(lang, 'actions')}</h2>
                {can.assign && <AssignForm id={c.id} meta={meta} onDone={retry} />}
                {can.answer && (
                  <TextAction
                    id="answer"
                    title="answerTitle"
                    label="caseAnswer"
                    button="sendAnswer"
                    required
                    send={(text) => answerCase(c.id, text)}
                    onDone={retry}
                  />
                )}
                {can.close && (
                  <TextAction
                    id="close"
                    title="closeTitle"
                    label={can.closeNeedsReason ? 'closeReasonRequired' : 'closeReasonOptional'}
                    button="closeCase"
                    required={can.closeNeedsReason}
                    send={(text) => closeCase(c.id, text || undefined)}
                    onDone={retry}
                  />
                )}
                {c.mayPublishOutcome && (
                  <PublishOutcome key={c.publishedOutcome ?? ''} id={c.id} outcome={c.publishedOutcome ?? null} onDone={retry} />
                )}
              </section>
              <section class="panel" aria-labelledby="case-notes-title">
                <h2 id="case-notes-title">{t(lang, 'notes')}</h2>
                {c.notes.length === 0 ? (
                  <p class="muted">{t(lang, 'noNotes')}</p>
                ) : (
                  <ul class="notes-list" data-testid="case-notes">
                    {c.notes.map((n) => (
                      <li key={n.id} data-key={n.id}>
                        <span class="muted small">
                          {formatDateTime(n.at, lang)}
                          {n.author ? ` — ${n.author}` : ''}
                        </span>
                        <p class="plain-text">{n.text}</p>
                      </li>
                    ))}
                  </ul>
                )}
                <TextAction
                  id="note"
                  title="addNote"
                  label="noteText"
                  button="addNote"
                  required
                  send={(text) => addCaseNote(c.id, text)}
                  onDone={retry}
                />
              </section>
            </div>
          );
        }}
      </LoadView>
    </>
  );
}
