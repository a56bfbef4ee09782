import { t, type StringKey } from '../app/i18n';
import { useLang } from '../app/lang-context';
import type { DraftText } from './draft-model';
import { fieldIdOf, problemsAt } from './draft-problems';
import { useProblems } from './problems-context';
import type { Problem } from './surveys-types';

/** The problems of one field, as text under it (the field points at them with aria-describedby). */
export function FieldProblems({ problems, id }: { problems: readonly Problem[]; id: string }) {
  const { lang } = useLang();
  if (problems.length === 0) return null;
  return (
    <span class="field-error" id={id} data-testid="field-problem">
      {problems.map((p) => p.message[lang]).join(' ')}
    </span>
  );
}

interface TextFieldProps {
  path: string;
  label: StringKey;
  value: string;
  onInput: (value: string) => void;
  multiline?: boolean;
  lang?: 'vi' | 'en';
  hint?: string;
  maxLength?: number;
  code?: boolean;
}

/** One text box of the draft, named by its path: its id, its problems and aria-invalid come from it. */
export function TextField({ path, label, value, onInput, multiline, lang: textLang, hint, maxLength, code }: TextFieldProps) {
  const { lang } = useLang();
  const problems = problemsAt(useProblems(), path);
  const id = fieldIdOf(path);
  const described = [problems.length > 0 ? `${id}-problem` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: path,
    value,
    lang: textLang,
    maxLength,
    'aria-invalid': problems.length > 0 ? ('true' as const) : undefined,
    'aria-describedby': described,
    'data-path': path,
  };
  return (
    <label class={code ? 'draft-field code-field' : 'draft-field'}>
      <span>{t(lang, label)}</span>
      {multiline ? (
        <textarea rows={2} {...common} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input autoComplete="off" spellcheck={!code} {...common} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
      {hint && (
        <span class="muted small" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <FieldProblems problems={problems} id={`${id}-problem`} />
    </label>
  );
}

/** A whole number box (option codes, lengths); empty is null. */
export function NumberField({
  path,
  label,
  value,
  onInput,
  min,
  max,
  problemsElsewhere,
}: {
  path: string;
  label: StringKey;
  value: number | null;
  onInput: (value: number | null) => void;
  min: number;
  max: number;
  /** The caller shows the problems elsewhere (an option's code, under its whole row). */
  problemsElsewhere?: boolean;
}) {
  const { lang } = useLang();
  const problems = problemsAt(useProblems(), path);
  const id = fieldIdOf(path);
  return (
    <label class="draft-field number-field">
      <span>{t(lang, label)}</span>
      <input
        id={id}
        name={path}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value ?? ''}
        aria-invalid={problems.length > 0 ? 'true' : undefined}
        aria-describedby={problems.length > 0 ? `${id}-problem` : undefined}
        data-path={path}
        onInput={(e) => {
          const raw = e.currentTarget.value.trim();
          const n = Number(raw);
          onInput(raw === '' || !Number.isFinite(n) ? null : Math.trunc(n));
        }}
      />
      {!problemsElsewhere && <FieldProblems problems={problems} id={`${id}-problem`} />}
    </label>
  );
}

/** Vietnamese and English of one text, side by side (stacked on a phone). */
export function BilingualField({
  path,
  labels,
  value,
  onChange,
  multiline,
}: {
  path: string;
  labels: [StringKey, StringKey];
  value: DraftText;
  onChange: (value: DraftText) => void;
  multiline?: boolean;
}) {
  return (
    <div class="bilingual">
      <TextField
        path={`${path}.vi`}
        label={labels[0]}
        lang="vi"
        value={value.vi}
        multiline={multiline}
        onInput={(vi) => onChange({ ...value, vi })}
      />
      <TextField
        path={`${path}.en`}
        label={labels[1]}
        lang="en"
        value={value.en}
        multiline={multiline}
        onInput={(en) => onChange({ ...value, en })}
      />
    </div>
  );
}
