import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
export const SCREENSHOTS = path.join(root, 'e2e', 'screenshots');
export const DEMO_PASSWORD = 'ilteo-demo-2019';

/** Debian's Chromium, with the flags this machine needs (no network, no GPU, no sandbox as root). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The built product, served on a free port with a fresh SQLite database and the demo. */
export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the built server (`npm run build` first) the way `npm start` does, and waits until it is ready. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const main = path.join(root, 'packages/server/dist/cli/main.js');
  if (!fs.existsSync(main))
    throw new Error('The product is not built: run `npm run build` (npm test does it).');
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ilteo-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [main, 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under e2e/screenshots/ (looked at by people, not compared). */
export async function shoot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the form as a person would, and waits until the page has left the form. */
export async function signIn(page: Page, serverUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${serverUrl}/sign-in`);
  const form = page.getByTestId('signin-form');
  await form.getByLabel(/이메일/).fill(email);
  await form.getByLabel(/비밀번호/).fill(password);
  await form.getByRole('button', { name: '로그인', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** A page in a browser context of its own (Korean, 900 px tall), signed in as `email`. */
export async function signedInPage(
  browser: Browser,
  server: RunningServer,
  email: string,
  width = 1280,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ko-KR' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await signIn(page, server.url, email);
  return page;
}
