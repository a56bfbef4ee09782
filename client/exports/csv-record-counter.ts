const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Counts CSV records as the bytes stream in, without holding them. A comment may hold a line
 * break inside quotes, so counting newlines alone would overcount: a newline ends a record only
 * outside quotes. A doubled quote ("") inside a field toggles twice and leaves the state as it was.
 * Quotes and newlines are single bytes in UTF-8, never part of a multi-byte character, so chunks
 * can split anywhere.
 */
export function csvRecordCounter() {
  let quoted = false;
  let records = 0;
  let pending = false; // bytes seen since the last record ended
  return {
    push(chunk: Uint8Array): void {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b === QUOTE) quoted = !quoted;
        if (b === NEWLINE && !quoted) {
          records++;
          pending = false;
        } else pending = true;
      }
    },
    /** Complete records so far, plus a last one without its final newline. */
    get records(): number {
      return records + (pending ? 1 : 0);
    },
  };
}
