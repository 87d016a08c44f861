import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, shoot, signedInPage, startServer } from './support.js';

/**
 * Issue 5 end to end, the recommendations: the demo seeker sees recommended jobs with reasons,
 * opens "why", marks one relevant and finds it still marked after a reload; the demo employer
 * sees masked candidates for its vacancy; a counsellor sees both on the staff pages; the
 * administrator evaluates proposed weights and saves them.
 */
describe('matching in the browser', () => {
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

  const signedIn = (email: string, width = 1280) => signedInPage(browser, server, email, width);

  /** A full-page screenshot from the top (a scrolled page would show the sticky header mid-page). */
  async function shootFromTop(page: Page, name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, name);
  }

  /** The cards of a panel, once its list has loaded with at least one. */
  async function cardsOf(panel: Locator): Promise<Locator> {
    const cards = panel.getByTestId('match-card');
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    return cards;
  }

  it('a seeker sees recommended jobs with reasons, opens why, and a relevant mark survives a reload', async () => {
    const page = await signedIn('seeker@demo.ilteo.kr', 390);
    await page.waitForURL(/\/me\/profile$/);
    const panel = page.getByTestId('recommended-vacancies');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('추천 일자리');
    const cards = await cardsOf(panel);
    const first = cards.first();
    // The demo seeker wants 3075 and 5501: the best match names the occupation, in Korean.
    expect(await first.getByTestId('match-reasons').textContent()).toMatch(/희망직종 일치|유사직종/);
    expect(await first.locator('.match-score-value').textContent()).toMatch(/^\d{1,3}%$/);
    expect(await first.getByRole('link').first().getAttribute('href')).toMatch(/^\/jobs\/\d+$/);

    const why = first.getByRole('button', { name: '왜 추천되었나요?' });
    expect(await why.getAttribute('aria-expanded')).toBe('false');
    await why.click();
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    const bars = first.getByTestId('match-why').locator('.match-bar');
    expect(await bars.count()).toBe(7);
    expect(await bars.first().textContent()).toMatch(/^직종·경력\d{1,3}%$/);

    const vacancyId = await first.getAttribute('data-id');
    const relevant = first.getByRole('button', { name: '관련 있음' });
    expect(await relevant.getAttribute('aria-pressed')).toBe('false');
    await relevant.click();
    await expect.poll(() => relevant.getAttribute('aria-pressed')).toBe('true');
    await shootFromTop(page, 'matching-seeker');

    await page.reload();
    const again = page.locator(`[data-testid="match-card"][data-id="${vacancyId}"]`);
    await expect
      .poll(() => again.getByRole('button', { name: '관련 있음' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await again.getByRole('button', { name: '관련 없음' }).getAttribute('aria-pressed')).toBe('false');

    // Pressing the other one replaces the verdict; the reasons follow the page language.
    await again.getByRole('button', { name: '관련 없음' }).click();
    await expect
      .poll(() => again.getByRole('button', { name: '관련 없음' }).getAttribute('aria-pressed'))
      .toBe('true');
    await again.getByRole('button', { name: '관련 없음' }).click();
    await again.getByRole('button', { name: '관련 있음' }).click();
    await expect
      .poll(() => again.getByRole('button', { name: '관련 있음' }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('recommended-vacancies').getByRole('heading', { level: 2 }).textContent())
      .toBe('Recommended jobs');
    expect(await again.getByTestId('match-reasons').textContent()).toMatch(
      /Desired occupation|Related occupation/,
    );
    await again.getByRole('button', { name: 'Why this match' }).click();
    expect(await again.getByTestId('match-why').textContent()).toContain('Occupation and career');
    await shootFromTop(page, 'matching-seeker-en');
    await page.context().close();
  });

  it('an employer opens its vacancy and sees masked candidates with reasons', async () => {
    const page = await signedIn('employer@demo.ilteo.kr');
    await page.waitForURL(/\/employer\/vacancies$/);
    const link = page.getByRole('link', { name: /^추천 인재/ }).first();
    await link.click();
    await page.waitForURL(/\/employer\/vacancies\/\d+$/);
    const panel = page.getByTestId('recommended-candidates');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('추천 인재');
    const cards = await cardsOf(panel);
    const first = cards.first();
    // Masked, and no way to the seeker's profile for an employer.
    expect(await first.locator('.match-card-title').textContent()).toMatch(/\*/);
    expect(await panel.locator('a[href^="/staff/seekers/"]').count()).toBe(0);
    expect(await first.getByTestId('match-reasons').locator('li').count()).toBeGreaterThan(0);
    const notRelevant = first.getByRole('button', { name: '관련 없음' });
    await notRelevant.click();
    await expect.poll(() => notRelevant.getAttribute('aria-pressed')).toBe('true');
    await shootFromTop(page, 'matching-employer');
    await page.context().close();
  });

  it("a counsellor sees recommended jobs on a seeker's page and candidates on a vacancy's page", async () => {
    const page = await signedIn('counsellor@demo.ilteo.kr');
    await page.goto(`${server.url}/staff/seekers?q=${encodeURIComponent('한구직')}`);
    await page.getByTestId('seekers-table').getByRole('link').first().click();
    await page.waitForURL(/\/staff\/seekers\/\d+$/);
    const seekerPanel = page.getByTestId('recommended-vacancies');
    await cardsOf(seekerPanel);
    expect(await seekerPanel.getByTestId('match-reasons').first().textContent()).toMatch(/희망직종|유사직종/);
    await shootFromTop(page, 'matching-counsellor-seeker');

    await page.goto(`${server.url}/staff/vacancies?status=open`);
    await page.getByTestId('vacancies-table').getByRole('link', { name: '추천 인재 보기' }).first().click();
    await page.waitForURL(/\/staff\/vacancies\/\d+$/);
    const candidates = await cardsOf(page.getByTestId('recommended-candidates'));
    // Staff may open the (audited) profile of a candidate.
    expect(await candidates.first().getByRole('link').getAttribute('href')).toMatch(
      /^\/staff\/seekers\/\d+$/,
    );
    await shootFromTop(page, 'matching-counsellor-vacancy');
    await page.context().close();
  });

  // Evaluating ranks the whole synthetic set several times over: seconds, not milliseconds.
  it('the administrator sees what new weights do to the quality figures, then saves them', {
    timeout: 180_000,
  }, async () => {
    const page = await signedIn('admin@demo.ilteo.kr');
    // A verdict recorded here becomes a label set of its own in the evaluation.
    await page.goto(`${server.url}/staff/vacancies?status=open`);
    await page.getByTestId('vacancies-table').getByRole('link', { name: '추천 인재 보기' }).first().click();
    const candidate = (await cardsOf(page.getByTestId('recommended-candidates'))).first();
    await candidate.getByRole('button', { name: '관련 있음' }).click();
    await expect
      .poll(() => candidate.getByRole('button', { name: '관련 있음' }).getAttribute('aria-pressed'))
      .toBe('true');

    await page.getByRole('link', { name: '매칭 가중치' }).first().click();
    await page.waitForURL(/\/admin\/matching$/);
    const occupation = page.getByLabel(/^직종·경력/);
    await expect.poll(() => occupation.inputValue()).toBe('30');
    expect(await page.locator('.match-weights-grid').textContent()).toContain('기본값 30');
    const save = page.getByRole('button', { name: '저장', exact: true });
    expect(await save.isDisabled()).toBe(true);

    // Out of range: the field says so in Korean, and nothing can be saved or evaluated.
    await occupation.fill('120');
    await expect.poll(() => page.getByText('100 이하여야 합니다.').count()).toBe(1);
    expect(await save.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '평가하기' }).isDisabled()).toBe(true);

    await occupation.fill('45');
    await expect.poll(() => save.isDisabled()).toBe(false);
    await page.getByRole('button', { name: '평가하기' }).click();
    const evaluation = page.getByTestId('match-evaluation');
    await expect.poll(() => evaluation.locator('table').count(), { timeout: 120_000 }).toBe(2);
    const table = evaluation.getByTestId('match-quality-synthetic').locator('table');
    expect(await table.locator('thead th').allTextContents()).toEqual([
      '방법',
      'NDCG@10',
      '재현율@10',
      'MRR',
      '공고 포괄률',
    ]);
    expect(await table.locator('tbody th').allTextContents()).toEqual([
      '제안 가중치',
      '현재 가중치',
      '텍스트 검색만',
      '직종 코드만',
    ]);
    // The proposal's row carries its change against the saved weights under every figure.
    expect(await table.locator('tbody tr').first().locator('.match-delta').count()).toBe(4);
    const recorded = evaluation.getByTestId('match-quality-feedback');
    expect(await recorded.textContent()).toMatch(/기록된 피드백.*관련 있음 [1-9]\d*개/);
    await shootFromTop(page, 'matching-admin');

    await save.click();
    await expect.poll(() => page.getByText('가중치를 저장했습니다.', { exact: false }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByLabel(/^직종·경력/).inputValue()).toBe('45');
    expect(await page.getByText(/^마지막 저장 /).count()).toBe(1);
    await page.getByRole('button', { name: '기본값으로' }).click();
    expect(await page.getByLabel(/^직종·경력/).inputValue()).toBe('30');
    await page.context().close();
  });
});
