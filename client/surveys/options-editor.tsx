import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { FieldProblems, NumberField, TextField } from './draft-fields';
import { fieldIdOf, problemsAt } from './draft-problems';
import { useProblems } from './problems-context';
import type { DraftOption } from './draft-model';
import { fill } from './fill';

/** The next free code: one above the highest (codes run 0–98). */
const nextCode = (options: readonly DraftOption[]) => Math.min(98, Math.max(0, ...options.map((o) => o.code ?? 0)) + 1);

/** A choice question's options: code, Vietnamese and English label, each with its own problems. */
export function OptionsEditor({
  path,
  options,
  onChange,
}: {
  path: string;
  options: DraftOption[];
  onChange: (options: DraftOption[]) => void;
}) {
  const { lang } = useLang();
  const problems = useProblems();
  const set = (i: number, patch: Partial<DraftOption>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset class="options-editor" data-testid="options-editor">
      <legend>{t(lang, 'svOptions')}</legend>
      <ol class="option-rows">
        {options.map((o, i) => (
          <li key={i} class="option-row">
            <NumberField
              path={`${path}.${i}.code`}
              label="svOptionCode"
              value={o.code}
              problemsElsewhere
              min={0}
              max={98}
              onInput={(code) => set(i, { code })}
            />
            <TextField
              path={`${path}.${i}.label.vi`}
              label="svOptionVi"
              lang="vi"
              value={o.label.vi}
              onInput={(vi) => set(i, { label: { ...o.label, vi } })}
            />
            <TextField
              path={`${path}.${i}.label.en`}
              label="svOptionEn"
              lang="en"
              value={o.label.en}
              onInput={(en) => set(i, { label: { ...o.label, en } })}
            />
            <button
              type="button"
              class="small icon-button remove-option"
              aria-label={fill(lang, 'svRemoveOption', { n: i + 1 })}
              title={fill(lang, 'svRemoveOption', { n: i + 1 })}
              onClick={() => onChange(options.filter((_, j) => j !== i))}
            >
              ✕
            </button>
            <span class="option-problems">
              <FieldProblems problems={problemsAt(problems, `${path}.${i}.code`)} id={`${fieldIdOf(`${path}.${i}.code`)}-problem`} />
            </span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="small"
        onClick={() => onChange([...options, { code: nextCode(options), label: { vi: '', en: '' } }])}
        data-testid="add-option"
      >
        {t(lang, 'svAddOption')}
      </button>
    </fieldset>
  );
}
