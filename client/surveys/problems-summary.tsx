import { formatCount } from '../app/format';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import type { Draft } from './draft-model';
import { describePath, fieldIdOf, pathAndParents } from './draft-problems';
import { fill } from './fill';
import type { Problem } from './surveys-types';

/** Takes the reader to the field a problem names, or the nearest card around it. */
function goTo(path: string) {
  for (const p of pathAndParents(path)) {
    const el = document.getElementById(fieldIdOf(p));
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return;
    }
  }
}

/** The saved draft's problems in one list, each a link to its field; or a word that it can be published. */
export function ProblemsSummary({ problems, draft }: { problems: readonly Problem[]; draft: Draft }) {
  const { lang } = useLang();
  if (problems.length === 0)
    return (
      <p class="form-done" data-testid="draft-valid">
        {t(lang, 'svProblemsNone')}
      </p>
    );
  return (
    <div class="problems-summary" data-testid="draft-problems" data-count={problems.length}>
      <p class="form-error">{fill(lang, 'svProblemsSummary', { p: formatCount(problems.length, lang) })}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`} data-path={p.path}>
            <a
              href={`#${fieldIdOf(p.path)}`}
              onClick={(e) => {
                e.preventDefault();
                goTo(p.path);
              }}
            >
              {describePath(p.path, draft)[lang]}
            </a>
            : {p.message[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}
