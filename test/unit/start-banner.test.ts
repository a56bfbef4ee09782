import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listeningUrls, startBanner, STOPPED_LINE, stoppingLine } from '../../server/bootstrap/start-banner';
import { isLocalOnlyUrl, publicUrlProblem } from '../../server/config/public-url';

const v4 = (address: string, internal = false): NetworkInterfaceInfo =>
  ({ address, family: 'IPv4', internal, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: `${address}/8` }) as NetworkInterfaceInfo;
const v6 = (address: string, internal = false): NetworkInterfaceInfo =>
  ({
    address,
    family: 'IPv6',
    internal,
    netmask: 'ffff::',
    mac: '00:00:00:00:00:00',
    cidr: `${address}/64`,
    scopeid: 0,
  }) as NetworkInterfaceInfo;

// A machine on an office network: loopback, one LAN card with IPv4, IPv6 and a link-local address.
const OFFICE = { eth0: [v4('192.168.1.20'), v6('2001:db8::20'), v6('fe80::1')], lo: [v4('127.0.0.1', true), v6('::1', true)] };

describe('where the server answers', () => {
  it('lists every IPv4 address of the machine for 0.0.0.0, loopback first, never "localhost"', () => {
    expect(listeningUrls('0.0.0.0', 3000, OFFICE)).toEqual(['http://127.0.0.1:3000', 'http://192.168.1.20:3000']);
  });

  it('adds the IPv6 ones for ::, without link-local addresses, and names the one host it was given', () => {
    expect(listeningUrls('::', 8080, OFFICE)).toEqual([
      'http://127.0.0.1:8080',
      'http://[::1]:8080',
      'http://192.168.1.20:8080',
      'http://[2001:db8::20]:8080',
    ]);
    expect(listeningUrls('127.0.0.1', 4200, OFFICE)).toEqual(['http://127.0.0.1:4200']);
    expect(listeningUrls('::1', 4200, OFFICE)).toEqual(['http://[::1]:4200']);
  });
});

describe('HAILONG_PUBLIC_URL', () => {
  it('is a problem when unset or pointing at this machine only', () => {
    expect(publicUrlProblem(undefined)).toBe('unset');
    for (const url of [
      'http://localhost:3000',
      'http://127.0.0.1',
      'http://127.8.9.10:80/',
      'http://[::1]:3000',
      'http://0.0.0.0:3000',
      'http://app.localhost',
    ]) {
      expect({ url, problem: publicUrlProblem(url) }).toEqual({ url, problem: 'local' });
    }
    for (const url of ['https://hailong.hungyen.gov.vn', 'http://192.168.1.20:3000', 'https://127.example.vn']) {
      expect({ url, problem: publicUrlProblem(url) }).toEqual({ url, problem: undefined });
    }
    expect(isLocalOnlyUrl('not a url')).toBe(false);
  });
});

describe('the start banner', () => {
  const facts = { host: '0.0.0.0', port: 3000, interfaces: OFFICE, isDemo: true };

  it('names the real addresses and warns, in both languages, that citizens’ QR codes have no public address', () => {
    const text = startBanner({ ...facts, publicUrl: undefined }).join('\n');
    expect(text).toContain('hailong đang chạy / is running (HOST=0.0.0.0, PORT=3000)');
    expect(text).toContain('listening at: http://127.0.0.1:3000  http://192.168.1.20:3000');
    expect(text).not.toContain('localhost');
    expect(text).toContain('! Chưa đặt HAILONG_PUBLIC_URL: mã QR cho người dân');
    expect(text).toContain("! HAILONG_PUBLIC_URL is not set: citizens' QR codes");
    expect(text).toContain('demo citizen page:  http://127.0.0.1:3000/q/demo-land');
  });

  it('says which address the QR codes carry when it is set, and links there', () => {
    const text = startBanner({ ...facts, publicUrl: 'https://hailong.hungyen.gov.vn/' }).join('\n');
    expect(text).toContain("citizens' QR codes:  https://hailong.hungyen.gov.vn/q/…  (HAILONG_PUBLIC_URL)");
    expect(text).toContain('dashboard:              https://hailong.hungyen.gov.vn/app/');
    expect(text).not.toContain('!');
  });

  it('warns about a public address only this machine opens', () => {
    const text = startBanner({ ...facts, publicUrl: 'http://localhost:3000' }).join('\n');
    expect(text).toContain('! HAILONG_PUBLIC_URL là http://localhost:3000: chỉ máy chủ này mở được');
    expect(text).toContain("! HAILONG_PUBLIC_URL is http://localhost:3000: only this machine can open it, citizens' phones cannot.");
  });

  it('lists the tenants and their administrators, never a password unless just generated', () => {
    const tenants = [
      { code: 'main', name: 'hailong', admins: ['admin'] },
      { code: 'hung-yen', name: 'Tỉnh Hưng Yên', admins: ['admin-hung-yen', 'quan-tri-2'] },
      { code: 'empty', name: 'Chưa có', admins: [] },
    ];
    const text = startBanner({ ...facts, publicUrl: undefined, isDemo: false, tenants }).join('\n');
    expect(text).toContain('/app/login  (user: admin)');
    expect(text).toContain('tenants (3):');
    expect(text).toContain('    hung-yen — Tỉnh Hưng Yên · quản trị / admins: admin-hung-yen, quan-tri-2');
    expect(text).toContain('    empty — Chưa có · quản trị / admins: chưa có / none');
    expect(text).not.toMatch(/password/i);
    expect(text).not.toContain('/q/demo-land');
  });

  it('has a bilingual line for stopping and for stopped', () => {
    expect(stoppingLine('SIGINT')).toBe('Đang dừng hailong (SIGINT)… / Stopping hailong (SIGINT)…');
    expect(STOPPED_LINE).toMatch(/^hailong đã dừng.* \/ hailong has stopped/);
  });
});
