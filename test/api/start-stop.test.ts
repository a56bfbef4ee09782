import { describe, expect, it } from 'vitest';
import { runServer } from '../support/run-server';

// The embedded database and no demo tenant: only what `npm start` prints is under test.
const ENV = { DATABASE_URL: '', HAILONG_DEMO: '0', HAILONG_ADMIN_PASSWORD: 'start-stop-password', HAILONG_PUBLIC_URL: '' };

describe('what npm start prints', () => {
  it('names the address it listens at (never localhost), warns that QR codes have no public address, and says it stopped', async () => {
    const server = await runServer(ENV);
    const port = new URL(server.url).port;
    let output: string;
    try {
      output = server.output();
      expect(output).toContain(`hailong đang chạy / is running (HOST=127.0.0.1, PORT=${port})`);
      expect(output).toContain(`listening at: http://127.0.0.1:${port}`);
      expect(output).not.toContain('localhost');
      expect(output).toContain('! Chưa đặt HAILONG_PUBLIC_URL');
      expect(output).toContain('! HAILONG_PUBLIC_URL is not set');
      expect(output).not.toContain('đã dừng');
    } finally {
      await server.stop();
    }
    output = server.output();
    expect(output).toContain('Đang dừng hailong (SIGTERM)… / Stopping hailong (SIGTERM)…');
    expect(output).toContain('hailong đã dừng, cơ sở dữ liệu đã đóng / hailong has stopped, the database is closed.');
    expect(server.alive()).toBe(false);
  }, 240_000);
});
