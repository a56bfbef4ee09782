import { SMTPServer } from 'smtp-server';

/** A message as the local SMTP server received it: envelope recipients, decoded subject and text. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/** Just enough MIME for nodemailer's plain-text messages: encoded-word subjects, quoted-printable or base64 bodies. */
export function decodeMessage(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectRaw = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  const subject = subjectRaw.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
  const body = rest.join('\n\n');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject, text };
}

/** A real SMTP server on loopback (port 0: whichever the system gives), keeping what it receives. */
export async function startSmtpInbox(port = 0): Promise<{ inbox: ReceivedMail[]; port: number; close: () => Promise<void> }> {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMessage(Buffer.from(raw, 'latin1').toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done()));
  const address = server.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { inbox, port: bound, close: () => new Promise<void>((done) => server.close(() => done())) };
}
