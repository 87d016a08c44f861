import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchBrowser,
  type RunningServer,
  SCREENSHOTS,
  shoot,
  startServer,
} from './support.js';

/**
 * Issue 5 end to end, the mismatch analytics: a counsellor opens 미스매치 분석, sees Bupyeong's
 * 22 dongs on the map with their values, the charts and the hard-to-fill vacancies, and
 * downloads the same tables as XLSX.
 */
describe('the mismatch analytics in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function counsellorPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'ko-KR',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    const form = page.getByTestId('signin-form');
    await form.getByLabel(/이메일/).fill('counsellor@demo.ilteo.kr');
    await form.getByLabel(/비밀번호/).fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  it('a counsellor sees the dong map, the charts and the hard-to-fill vacancies, and downloads the XLSX', async () => {
    const page = await counsellorPage();
    await page.getByRole('link', { name: '미스매치 분석' }).first().click();
    await page.waitForURL(/\/staff\/mismatch/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('미스매치 분석');

    const map = page.getByTestId('dong-map');
    await expect.poll(() => map.locator('path.mm-dong').count()).toBe(22);
    // Every dong is drawn with a real shape, named with its value, and reachable by keyboard.
    const first = map.locator('path.mm-dong').first();
    expect((await first.getAttribute('d'))?.length).toBeGreaterThan(50);
    expect(await first.getAttribute('aria-label')).toMatch(/동: 구인배수 /);
    expect(await first.getAttribute('tabindex')).toBe('0');
    await first.focus();
    await expect.poll(() => page.locator('.mm-map-active').textContent()).toMatch(/동: 구인배수/);
    // More than one colour: the demo's dongs differ.
    const fills = new Set(
      await map.locator('path.mm-dong').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill'))),
    );
    expect(fills.size).toBeGreaterThan(1);

    await expect
      .poll(() => page.getByTestId('mismatch-by-group').locator('svg, canvas').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('mismatch-by-month').locator('svg, canvas').count())
      .toBeGreaterThan(0);
    await page.locator('.mm-map').screenshot({ path: path.join(SCREENSHOTS, 'mismatch-map.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'mismatch');
    // The full demo has no required certificates, so every vacancy may have a suitable seeker:
    // the section then says so (the list and its reasons are pinned by the server's tests).
    await expect
      .poll(
        async () =>
          (await page.getByTestId('hard-to-fill').locator('tbody tr').count()) +
          (await page.getByText('구인난 공고가 없습니다.').count()),
      )
      .toBeGreaterThan(0);

    await page.locator('.mm-measure label', { hasText: '모집인원' }).click();
    await expect.poll(() => first.getAttribute('aria-label')).toMatch(/동: 모집인원 /);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '엑셀(XLSX) 내려받기' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('행정동별')!.rowCount).toBeGreaterThan(10);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mismatch analytics');
    await shoot(page, 'mismatch-en');
  });
});
