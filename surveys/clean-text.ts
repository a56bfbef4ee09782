/**
 * Clean a text a person typed before it is stored (a comment, a short-text answer): NFC so the
 * same Vietnamese word (precomposed or with combining marks, depending on the phone's keyboard)
 * compares and searches equal; control characters other than newline and tab removed (they break
 * CSV/XLSX exports and terminals; \r goes too, so Windows line ends become \n, and a form's CR LF
 * counts once, as its maxlength does); lone surrogates replaced so the text encodes as UTF-8.
 */
export function cleanText(s: string): string {
  return (
    s
      .normalize('NFC')
      .replace(/\p{Cs}/gu, '\uFFFD')
      .replace(/[^\P{Cc}\n\t]/gu, '')
      // Bidirectional overrides and isolates can make a text display as something else.
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
      .trim()
  );
}
