/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an
 * apostrophe, so a citizen's comment can never execute in the analyst's Excel.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
