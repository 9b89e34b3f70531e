// The benchmark's static server when Debian's nginx is installed (it is not
// a dependency: bench/search_bench.mjs falls back to tests/search/serve.mjs
// without it). nginx answers a request in about a third of the Node
// server's time, as a real static host would. Same interface as serve():
// {url, sent: [{path, bytes}], close}, plus flush(), which reads the bytes
// sent so far from nginx's access log into `sent`.
//
// { http2: true }: HTTPS and HTTP/2 with a self-signed certificate made for
// the run (the browser must ignore certificate errors), as most static
// hosts serve today: every request of a stage goes out at once on one
// connection, where HTTP/1.1 sends six at a time.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';

// "nginx/1.22.1", or null when nginx is not installed.
export function nginxVersion() {
  if (!existsSync(NGINX)) return null;
  const run = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });  // it prints on stderr
  if (run.status !== 0) return null;
  return (/nginx\/\S+/.exec(run.stderr + run.stdout) || ['nginx'])[0];
}

function freePort() {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

function config(root, dir, port, http2) {
  const listen = http2
    ? `listen 127.0.0.1:${port} ssl http2;\n    ssl_certificate ${dir}/cert.pem;\n    ssl_certificate_key ${dir}/key.pem;`
    : `listen 127.0.0.1:${port};`;
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 256; }
http {
  types { text/html html; text/javascript js mjs; text/css css; application/json json; image/svg+xml svg;
          application/xml xml; application/wasm wasm; }
  default_type application/octet-stream;
  log_format bench '$uri $body_bytes_sent';
  access_log ${dir}/access.log bench;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  sendfile on;
  tcp_nodelay on;
  server {
    ${listen}
    root ${root};
    index index.html;
    # As the Node server and static hosts do: a validator (nginx's own) and a short max-age.
    add_header Cache-Control "max-age=600";
  }
}
`;
}

function selfSignedCertificate(dir) {
  const run = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl: ${run.stderr}`);
}

function answers(port) {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => { socket.end(); done(true); });
    socket.on('error', () => done(false));
  });
}

export async function serveNginx(site, { http2 = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-nginx-'));
  const port = await freePort();
  if (http2) selfSignedCertificate(dir);
  writeFileSync(join(dir, 'nginx.conf'), config(resolve(site), dir, port, http2));
  writeFileSync(join(dir, 'access.log'), '');
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
  const url = `${http2 ? 'https' : 'http'}://127.0.0.1:${port}/`;
  for (let i = 0; !(await answers(port)); i++) {  // until it listens
    if (i > 100 || child.exitCode !== null) throw new Error(`nginx did not start (${dir}/error.log)`);
    await new Promise((r) => setTimeout(r, 50));
  }
  let offset = 0;
  const sent = [];
  return {
    url,
    sent,
    // nginx logs a request once it has sent it; give it a moment.
    async flush() {
      await new Promise((r) => setTimeout(r, 30));
      const log = readFileSync(join(dir, 'access.log'));
      for (const line of log.subarray(offset).toString('utf8').split('\n')) {
        const m = /^(\S+) (\d+)$/.exec(line);
        if (m) sent.push({ path: m[1], bytes: Number(m[2]) });
      }
      offset = log.length;
    },
    close: () => new Promise((done) => {
      child.on('exit', () => {
        rmSync(dir, { recursive: true, force: true });
        done();
      });
      child.kill('SIGQUIT');
    }),
  };
}
