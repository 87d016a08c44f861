import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, shoot, signedInPage, startServer } from './support.js';

/**
 * Issue 3 end to end: a reporter enters and submits a month; the planner returns it with a
 * comment; the reporter corrects and resubmits; the planner approves; the public page shows the
 * new figure and the dashboard's pace changes.
 */
describe('the jobs plan in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let planId: number;
  let programId: number;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = (role: string, width = 1280) =>
    signedInPage(browser, server, `${role}@demo.ilteo.kr`, width);

  const json = async (page: Page, path: string) => (await page.request.get(`${server.url}${path}`)).json();
  const publicSummary = async () =>
    (await (await fetch(`${server.url}/api/v1/public/plans/${planId}`)).json()).summary;
  const paceOf = async (page: Page) =>
    (await json(page, `/api/v1/plans/${planId}/dashboard`)).programs.find(
      (p: { id: number }) => p.id === programId,
    );

  // Switching language is saved to the signed-in user's profile: each test switches back.
  async function toLanguage(page: Page, locale: 'ko' | 'en') {
    await page.getByRole('button', { name: locale === 'en' ? 'English' : '한국어' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
  }

  it('the planner sees the plan tree with the article’s totals', async () => {
    const planner = await signedIn('planner');
    const plans = await json(planner, '/api/v1/plans');
    planId = plans[0].id;
    const tree = await json(planner, `/api/v1/plans/${planId}`);
    programId = tree.strategies
      .flatMap((s: { programs: { id: number; name: string }[] }) => s.programs)
      .find((p: { name: string }) => p.name === '찾아가는 취업정보센터').id;

    await planner.goto(`${server.url}/plans/${planId}`);
    await expect.poll(() => planner.getByTestId('plan-tree').isVisible()).toBe(true);
    expect(await planner.getByTestId('target-total').textContent()).toContain('10,562');
    expect(await planner.getByTestId('target-change').textContent()).toContain('8.7');
    await shoot(planner, 'plan-tree-ko');
    await toLanguage(planner, 'en');
    await expect
      .poll(() => planner.locator('nav[aria-label]').first().textContent())
      .toMatch(/Home|Menu|Jobs/);
    await shoot(planner, 'plan-tree-en');
    await toLanguage(planner, 'ko');
    await planner.context().close();
  });

  it('a month goes from the reporter to the planner and back, and is approved', async () => {
    const before = await publicSummary();
    const reporter = await signedIn('reporter');
    const planner = await signedIn('planner');
    const paceBefore = await paceOf(planner);
    expect(paceBefore.missingLastMonth).toBe(true);

    // The reporter enters November and submits it.
    await reporter.goto(`${server.url}/programs/${programId}/results`);
    await reporter.getByRole('button', { name: '입력: 11월 실적' }).click();
    const dialog = reporter.getByRole('dialog');
    await dialog.getByLabel(/일자리 실적/).fill('17');
    await dialog.getByRole('button', { name: '저장', exact: true }).click();
    await expect.poll(() => reporter.getByTestId('month-11').textContent()).toContain('17');
    if (await dialog.isVisible()) await reporter.keyboard.press('Escape');
    await reporter.getByRole('button', { name: '제출: 11월 실적' }).click();
    await expect.poll(() => reporter.getByTestId('month-11').textContent()).toMatch(/제출/);
    expect((await publicSummary()).achievedTotal).toBe(before.achievedTotal);

    // The planner returns it with a comment.
    await planner.goto(`${server.url}/plans/${planId}/results`);
    const row = planner.getByTestId(`queue-${programId}-11`);
    await row.getByRole('button', { name: /^반려/ }).click();
    const returnDialog = planner.getByRole('dialog');
    await returnDialog.getByLabel(/반려 의견/).fill('증빙 자료를 첨부해 주세요');
    await returnDialog.getByRole('button', { name: '반려', exact: true }).click();
    await expect.poll(() => row.count()).toBe(0);

    // The reporter sees why, corrects the figure and submits again.
    await reporter.reload();
    await expect
      .poll(() => reporter.getByTestId('month-11').textContent())
      .toContain('증빙 자료를 첨부해 주세요');
    await shoot(reporter, 'plan-results-returned-ko');
    await reporter.getByRole('button', { name: '수정: 11월 실적' }).click();
    await reporter
      .getByRole('dialog')
      .getByLabel(/일자리 실적/)
      .fill('18');
    await reporter.getByRole('dialog').getByRole('button', { name: '저장', exact: true }).click();
    await expect.poll(() => reporter.getByTestId('month-11').textContent()).toContain('18');
    if (await reporter.getByRole('dialog').isVisible()) await reporter.keyboard.press('Escape');
    await reporter.getByRole('button', { name: '제출: 11월 실적' }).click();
    await expect.poll(() => reporter.getByTestId('month-11').textContent()).toMatch(/제출/);

    // The planner approves it.
    await planner.goto(`${server.url}/plans/${planId}/results`);
    await planner.getByTestId(`queue-${programId}-11`).getByRole('button', { name: /^승인/ }).click();
    await expect.poll(() => planner.getByTestId(`queue-${programId}-11`).count()).toBe(0);

    // The public page shows the new figure; the dashboard's pace for the program rises.
    const after = await publicSummary();
    expect(after.achievedTotal).toBe(before.achievedTotal + 18);
    const paceAfter = await paceOf(planner);
    expect(paceAfter.paceRatio).toBeGreaterThan(paceBefore.paceRatio);
    expect(paceAfter.missingLastMonth).toBe(false);

    await planner.goto(`${server.url}/plans/${planId}/dashboard`);
    await expect
      .poll(() => planner.getByTestId('summary-achieved').textContent())
      .toContain(after.achievedTotal.toLocaleString('en-US'));
    await shoot(planner, 'plan-dashboard-ko');
    await toLanguage(planner, 'en');
    await expect.poll(() => planner.getByTestId('dashboard-summary').textContent()).toMatch(/target/i);
    await shoot(planner, 'plan-dashboard-en');
    await toLanguage(planner, 'ko');
    await reporter.context().close();
    await planner.context().close();
  });

  it('citizens read the published plan without signing in', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/public/plans/${planId}`);
    const summary = await publicSummary();
    await expect
      .poll(() => page.getByTestId('public-achieved').textContent())
      .toContain(summary.achievedTotal.toLocaleString('en-US'));
    expect(await page.getByTestId('public-summary').textContent()).toContain('10,562');
    await shoot(page, 'plan-public-ko-390');
    await toLanguage(page, 'en');
    await shoot(page, 'plan-public-en-390');
    await context.close();
  });
});
