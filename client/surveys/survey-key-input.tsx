/** A survey key as typed: lower case as the server wants it, no autofill or spelling marks, at most 40 characters. */
export function SurveyKeyInput({
  value,
  onChange,
  testid,
  describedBy,
}: {
  value: string;
  onChange: (key: string) => void;
  testid: string;
  describedBy?: string;
}) {
  return (
    <input
      name="key"
      autoComplete="off"
      spellcheck={false}
      maxLength={40}
      value={value}
      onInput={(e) => onChange(e.currentTarget.value.toLowerCase())}
      aria-describedby={describedBy}
      data-testid={testid}
    />
  );
}
