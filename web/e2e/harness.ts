// End-to-end harness: the real `bounceback serve` on a temporary SQLite file and a free port, and
// the system's Chromium driven by playwright-core (no browser is ever downloaded).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const artifacts = join(repoRoot, 'build/web-artifacts');
const binary = process.env.BOUNCEBACK_BIN ?? join(repoRoot, 'build/release/bounceback');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const phone = { width: 360, height: 740 };
export const desktop = { width: 1280, height: 860 };

// Why the end-to-end tests cannot run here, or null when they can.
// BB_E2E_URL points the tests at a server that is already running (for example the development
// stand-in, scripts/mock-api.mjs) instead of starting the real one.
const externalUrl = process.env.BB_E2E_URL;

export function missingPrerequisite(): string | null {
  if (externalUrl) return existsSync(chromiumPath) ? null : `no Chromium at ${chromiumPath}`;
  if (!existsSync(binary)) return `no server binary at ${binary}: run make build`;
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath}`;
  const help = spawnSync(binary, ['serve', '--help'], { encoding: 'utf8' });
  if (help.status !== 0 || !String(help.stdout).includes('--listen')) return 'the server binary has no serve command yet';
  return null;
}

export interface Server {
  url: string;
  stop: () => Promise<void>;
  // A one-use clinician invite made as the operator does, with the CLI on the server's database;
  // empty against an external server (which must then open clinician sign-up).
  clinicianInvite: () => string;
}

export async function startServer(): Promise<Server> {
  if (externalUrl) return { url: externalUrl.replace(/\/$/, ''), stop: async () => {}, clinicianInvite: () => '' };
  const dir = mkdtempSync(join(tmpdir(), 'bb-e2e-'));
  const proc: ChildProcess = spawn(
    binary,
    ['serve', '--db', join(dir, 'e2e.db'), '--listen', '127.0.0.1:0', '--quiet', '--password-cost', 'minimal'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('server did not start in 20 s:\n' + log)), 20_000);
    proc.stdout!.on('data', (b: Buffer) => {
      log += b.toString();
      const m = /on (https?:\/\/[^\s]+?)\/?\s/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok(m[1].replace(/\/$/, ''));
      }
    });
    proc.stderr!.on('data', (b: Buffer) => (log += b.toString()));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${log}`));
    });
  });
  const front = await frontIfStale(url);
  return {
    url: front?.url ?? url,
    clinicianInvite: () => spawnSync(binary, ['--db', join(dir, 'e2e.db'), 'clinician-invite'], { encoding: 'utf8' }).stdout.trim(),
    stop: async () => {
      await front?.stop();
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const dist = join(repoRoot, 'web/dist');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };

// The binary embeds the app as it was built when the binary was. When web/dist is newer (the app
// was rebuilt since), the tests check the app in web/dist: a small front serves its files and
// forwards everything else, WebSocket upgrades too, to the real server.
async function frontIfStale(backend: string): Promise<Omit<Server, 'clinicianInvite'> | null> {
  const built = join(dist, 'index.html');
  if (!existsSync(built)) return null;
  const embedded = await fetch(backend + '/').then((r) => r.text(), () => '');
  if (embedded === readFileSync(built, 'utf8')) return null;
  console.log('the server embeds an older build of the app: the tests serve web/dist in front of it');
  const target = new URL(backend);
  const forward = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (path.startsWith('/api/') || path.startsWith('/healthz') || path.startsWith('/readyz') || !file.startsWith(dist) || !existsSync(file) || path.endsWith('/'))
      return path === '/' ? serveFile(res, built) : forward(req, res);
    serveFile(res, file);
  });
  const serveFile = (res: import('node:http').ServerResponse, file: string) => {
    res.writeHead(200, { 'Content-Type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(readFileSync(file));
  };
  server.on('upgrade', (req, socket, head) => {
    const up = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      up.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((ok) => {
      server.closeAllConnections?.();
      server.close(() => ok());
    }),
  };
}

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const profiles: string[] = [];
// What the server's Content-Security-Policy refused on any page: the app must need none of it.
export const cspViolations: string[] = [];
const watchCsp = (page: Page) =>
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
  });

// A fresh browser with its own new profile folder (so its own cookies) and one page. The service
// worker is blocked unless a test is about it (offline), so the others always see the server.
export async function newPage(viewport = phone, serviceWorkers: 'allow' | 'block' = 'block'): Promise<{ context: BrowserContext; page: Page }> {
  const profile = mkdtempSync(join(tmpdir(), 'bb-chromium-'));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport,
    deviceScaleFactor: 1,
    serviceWorkers,
  });
  context.setDefaultTimeout(15_000);
  context.on('page', watchCsp);
  const page = context.pages()[0] ?? (await context.newPage());
  watchCsp(page);
  return { context, page };
}

export function removeProfiles(): void {
  for (const p of profiles.splice(0)) rmSync(p, { recursive: true, force: true });
}

// A screenshot of one element (a card further down a screen), at its place on the page.
export async function shotOf(page: Page, selector: string, hasText: string, name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.locator(selector, { hasText }).first().screenshot({ path });
  return path;
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: false });
  return path;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Serious and critical accessibility violations on the page as it is now.
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the app's Content-Security-Policy (no inline
  // scripts) does not cover: a script tag would be refused.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  });
  return found;
}

