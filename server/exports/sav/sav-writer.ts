import type { CodebookVariable } from '../../../surveys/codebook';
import { createCaseEncoder, type SavValue } from './sav-data';
import { savDictionary, type DictionaryOptions } from './sav-dictionary';
import { savLayout } from './sav-layout';

/**
 * An SPSS system file (.sav) as a stream of byte chunks: the dictionary first, then the cases as
 * they arrive. Only one open chunk (~64 KiB) is ever held, so memory stays flat however many rows
 * the iterable yields; the number of cases is written as "unknown" (-1) for the same reason.
 */
export async function* writeSav(
  codebook: readonly CodebookVariable[],
  rows: AsyncIterable<readonly SavValue[]> | Iterable<readonly SavValue[]>,
  opts: DictionaryOptions = {},
): AsyncGenerator<Uint8Array> {
  const layout = savLayout(codebook);
  yield savDictionary(layout, opts);
  const cases = createCaseEncoder(layout);
  for await (const row of rows) {
    cases.encode(row);
    yield* cases.take();
  }
  yield* cases.end();
}
