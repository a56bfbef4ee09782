import type { NetworkInterfaceInfo } from 'node:os';
import { publicUrlProblem } from '../config/public-url';
import { ADMIN_USERNAME } from './admin-account';

/** Hosts that mean "every address of this machine". */
const ANY_HOST = new Set(['0.0.0.0', '::', '']);

const urlHost = (address: string) => (address.includes(':') ? `[${address}]` : address);

/**
 * The addresses a server listening on host:port answers at: for 0.0.0.0 every IPv4 address of
 * the machine (for :: the IPv6 ones too), loopback first; else the one host it was given.
 * Link-local IPv6 addresses are left out: they need a zone that a browser cannot be given.
 */
export function listeningUrls(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  if (!ANY_HOST.has(host)) return [`http://${urlHost(host)}:${port}`];
  const withV6 = host !== '0.0.0.0';
  const addresses = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' || (withV6 && a.family === 'IPv6' && !a.address.toLowerCase().startsWith('fe80:')))
    .sort((a, b) => Number(b.internal) - Number(a.internal) || Number(a.family === 'IPv6') - Number(b.family === 'IPv6'))
    .map((a) => `http://${urlHost(a.address)}:${port}`);
  return addresses.length > 0 ? [...new Set(addresses)] : [`http://${urlHost(host || '0.0.0.0')}:${port}`];
}

export interface BannerFacts {
  /** HOST as configured, and the port the server really listens on. */
  host: string;
  port: number;
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>;
  publicUrl: string | undefined;
  isDemo: boolean;
  generatedAdminPassword?: string | undefined;
  demoResponses?: number | undefined;
  /** The instance's tenants and their administrators' usernames; passwords are never shown again. */
  tenants?: { code: string; name: string; admins: string[] }[] | undefined;
}

/** How many tenants the banner lists by name; a national instance has too many to print. */
const BANNER_TENANTS = 5;

/** What `npm start` prints once the server listens: where it answers, where citizens' QR codes point, where to log in. */
export function startBanner(facts: BannerFacts): string[] {
  const urls = listeningUrls(facts.host, facts.port, facts.interfaces);
  const publicBase = facts.publicUrl?.replace(/\/+$/, '');
  const problem = publicUrlProblem(facts.publicUrl);
  // Links for the person at the console: the public address when it is a real one, else this machine's first.
  const base = publicBase && !problem ? publicBase : urls[0]!;
  const lines = ['', `hailong đang chạy / is running (HOST=${facts.host}, PORT=${facts.port})`];
  lines.push(`  Đang nhận kết nối tại / listening at: ${urls.join('  ')}`);
  if (problem === 'unset') {
    lines.push(
      '  ! Chưa đặt HAILONG_PUBLIC_URL: mã QR cho người dân sẽ trỏ tới địa chỉ mà trang áp phích được mở.',
      '    Xin đặt HAILONG_PUBLIC_URL là địa chỉ điện thoại của người dân mở được, rồi khởi động lại trước khi in áp phích.',
      "  ! HAILONG_PUBLIC_URL is not set: citizens' QR codes will point to the address the poster page is opened at.",
      "    Set HAILONG_PUBLIC_URL to an address citizens' phones can open, and restart before printing posters.",
    );
  } else if (problem === 'local') {
    lines.push(
      `  ! HAILONG_PUBLIC_URL là ${publicBase}: chỉ máy chủ này mở được, điện thoại của người dân thì không.`,
      `  ! HAILONG_PUBLIC_URL is ${publicBase}: only this machine can open it, citizens' phones cannot.`,
      "    Xin đặt một địa chỉ người dân mở được / Set an address citizens' phones can open.",
    );
  } else {
    lines.push(`  Mã QR cho người dân / citizens' QR codes:  ${publicBase}/q/…  (HAILONG_PUBLIC_URL)`);
  }
  if (facts.isDemo) lines.push(`  Phiếu khảo sát mẫu / demo citizen page:  ${base}/q/demo-land`);
  lines.push(`  Bảng điều khiển / dashboard:              ${base}/app/`);
  const tenants = facts.tenants ?? [];
  const firstAdmins = tenants[0]?.admins.length ? tenants[0].admins : [ADMIN_USERNAME];
  lines.push(`  Đăng nhập / login:                        ${base}/app/login  (user: ${firstAdmins.slice(0, 3).join(', ')})`);
  if (tenants.length > 0) {
    lines.push(`  Đơn vị sử dụng / tenants (${tenants.length}):`);
    for (const t of tenants.slice(0, BANNER_TENANTS)) {
      const admins = t.admins.length > 0 ? t.admins.join(', ') : 'chưa có / none';
      lines.push(`    ${t.code} — ${t.name} · quản trị / admins: ${admins}`);
    }
    if (tenants.length > BANNER_TENANTS)
      lines.push(`    … và ${tenants.length - BANNER_TENANTS} đơn vị khác / and ${tenants.length - BANNER_TENANTS} more`);
  }
  if (facts.generatedAdminPassword) {
    lines.push(`  Mật khẩu admin (chỉ hiện một lần) / admin password (shown once): ${facts.generatedAdminPassword}`);
  }
  if (facts.demoResponses !== undefined) lines.push(`  Dữ liệu minh họa / demo answers: ${facts.demoResponses}`);
  return lines;
}

export const stoppingLine = (signal: string) => `Đang dừng hailong (${signal})… / Stopping hailong (${signal})…`;
export const STOPPED_LINE = 'hailong đã dừng, cơ sở dữ liệu đã đóng / hailong has stopped, the database is closed.';
