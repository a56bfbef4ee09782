import { once } from 'node:events';
import { Writable } from 'node:stream';
import type { StreamingApi } from 'hono/utils/stream';

/**
 * A Node Writable in front of Hono's response stream. Each chunk is acknowledged only once the
 * response has taken it, so the zip writer piping into it slows to the client's pace instead of
 * piling the file up in memory.
 */
export function responseSink(out: StreamingApi): Writable {
  return new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      out.write(chunk).then(() => done(), done);
    },
  });
}

/**
 * Waits until the sink has room again and the zip pipeline has had a turn of the event loop.
 * ExcelJS writes rows without looking at backpressure, so the writer calls this between pages:
 * at most one page of rows is ever waiting in memory.
 */
export async function roomIn(sink: Writable): Promise<void> {
  if (sink.writableNeedDrain) await once(sink, 'drain');
  await new Promise<void>((resolve) => setImmediate(resolve));
}
