import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { FieldProblems } from './draft-fields';
import type { DraftShowIf } from './draft-model';
import { fieldIdOf, problemsAt } from './draft-problems';
import { fill } from './fill';
import { useProblems } from './problems-context';
import type { ShowIfCandidate } from './show-if-candidates';

/**
 * "Ask only when": an earlier coded question and the codes that open this one. Only questions
 * asked before this one and answered with codes are offered; a condition that stopped holding
 * (its question moved after this one) is said in words until it is chosen again.
 */
export function ShowIfEditor({
  path,
  value,
  candidates,
  warning,
  onChange,
}: {
  path: string;
  value: DraftShowIf | null;
  candidates: readonly ShowIfCandidate[];
  warning: 'notBefore' | 'codes' | null;
  onChange: (value: DraftShowIf | null) => void;
}) {
  const { lang } = useLang();
  const problems = useProblems();
  const target = value ? candidates.find((c) => c.key === value.question) : undefined;
  const id = fieldIdOf(`${path}.question`);
  const ownProblems = [...problemsAt(problems, path), ...problemsAt(problems, `${path}.question`)];
  const codeProblems = problemsAt(problems, `${path}.in`);
  const toggle = (code: number, on: boolean) => {
    if (!value) return;
    const codes = on ? [...value.in.filter((c) => c !== code), code].sort((a, b) => a - b) : value.in.filter((c) => c !== code);
    onChange({ ...value, in: codes });
  };
  return (
    <fieldset class="show-if" id={fieldIdOf(path)} data-testid="show-if">
      <legend>{t(lang, 'svShowIf')}</legend>
      {candidates.length === 0 && !value ? (
        <p class="muted small">{t(lang, 'svShowIfNone')}</p>
      ) : (
        <label class="draft-field">
          <span class="visually-hidden">{t(lang, 'svShowIf')}</span>
          <select
            id={id}
            value={value?.question ?? ''}
            aria-invalid={ownProblems.length > 0 || warning === 'notBefore' ? 'true' : undefined}
            aria-describedby={ownProblems.length > 0 ? `${id}-problem` : undefined}
            onChange={(e) => {
              const key = e.currentTarget.value;
              onChange(key ? { question: key, in: [] } : null);
            }}
            data-testid="show-if-question"
          >
            <option value="">{t(lang, 'svShowIfAlways')}</option>
            {value && !target && <option value={value.question}>{value.question}</option>}
            {candidates.map((c) => (
              <option key={c.key} value={c.key}>
                {c.key} — {(c.text[lang] || c.text.vi || t(lang, 'svUntitled')).slice(0, 60)}
              </option>
            ))}
          </select>
          <FieldProblems problems={ownProblems} id={`${id}-problem`} />
        </label>
      )}
      {value && warning === 'notBefore' && <p class="field-error">{fill(lang, 'svShowIfNotBefore', { k: value.question })}</p>}
      {value && target && (
        <div class="show-if-codes" id={fieldIdOf(`${path}.in`)} tabIndex={-1}>
          <p class="small">{t(lang, 'svShowIfCodes')}</p>
          <div class="choice-list compact">
            {target.codes.map((c) => (
              <label key={c.code}>
                <input type="checkbox" checked={value.in.includes(c.code)} onChange={(e) => toggle(c.code, e.currentTarget.checked)} />
                {c.code} — {c.label[lang] || c.label.vi}
              </label>
            ))}
          </div>
          {warning === 'codes' && <p class="field-error">{fill(lang, 'svShowIfCodesWrong', { k: value.question })}</p>}
          <FieldProblems problems={codeProblems} id={`${fieldIdOf(`${path}.in`)}-problem`} />
        </div>
      )}
    </fieldset>
  );
}
