import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daemon, sleep, waitUntil, type Daemon } from './exec';
import { portOpen } from './pgbouncer';

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

/** nginx (Debian's package) on `port`, round-robin over the app processes, everything in a temp folder. */
export async function startNginx(port: number, upstreams: number[]): Promise<Balancer> {
  const dir = mkdtempSync(join(tmpdir(), 'hailong-nginx-'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream hailong {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://hailong;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # The client's own address, as a real balancer in front of hailong passes it on.
      proxy_set_header X-Forwarded-For $http_x_forwarded_for;
      proxy_connect_timeout 2s;
      # A POST is not retried on another process: a lost answer is the client's to resend.
      proxy_next_upstream error timeout;
    }
  }
}
`,
  );
  let proc: Daemon | undefined;
  const stop = async () => {
    await proc?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // SIGQUIT: nginx's graceful stop (its workers finish and go too).
    proc = daemon('nginx', '/usr/sbin/nginx', ['-c', conf, '-p', dir, '-e', join(dir, 'error.log')], 'SIGQUIT');
    await waitUntil(
      'nginx',
      // nginx tries a busy port for about 2.5 s before it gives up: up means still running after that.
      async () => proc!.running() && (await portOpen(port)) && (await sleep(3_000), proc!.running()),
      20_000,
      () => proc!.output(),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}
