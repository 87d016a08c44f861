import { businessNumberCheckDigit, formatBusinessNumber } from '@ilteo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, type RunningServer, shoot, startServer } from './support.js';

/** A business number that passes the 국세청 check digit, different on every run. */
function validBusinessNumber(): string {
  const nine = `${Math.floor(100 + Math.random() * 899)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  return formatBusinessNumber(`${nine}${businessNumberCheckDigit(nine)}`);
}

/** The same number with a wrong check digit. */
function withWrongCheckDigit(number: string): string {
  const last = Number(number.slice(-1));
  return `${number.slice(0, -1)}${(last + 1) % 10}`;
}

/**
 * Issue 4 end to end: an employer signs up, completes its company profile, posts a vacancy (a
 * wage under the minimum is refused, naming the minimum), and a visitor on a phone finds it in
 * the public search by a two-syllable part of a word in its title.
 */
describe('vacancies in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const title = '초정밀래핑 공작기계 조작원 모집';
  let vacancyId: number;
  const employerEmail = `hire.${Date.now()}@example.kr`;
  const employerPassword = 'employer-pass-2026';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(width: number, height = 900): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'ko-KR' });
    context.setDefaultTimeout(15_000);
    return context.newPage();
  }

  it('an employer signs up, completes its profile and posts a vacancy; a low wage is refused naming the minimum', async () => {
    const page = await newPage(1280);
    await page.goto(`${server.url}/sign-up`);
    const signUp = page.getByTestId('signup-form');
    await signUp.locator('label', { hasText: /^구인기업/ }).click();
    await signUp.getByLabel(/^회사명/).fill('부평초정밀');
    await signUp.getByLabel(/^이름/).fill('박채용');
    await signUp.getByLabel(/^이메일/).fill(employerEmail);
    await signUp.getByLabel(/^비밀번호/).fill(employerPassword);
    await signUp.locator('label', { hasText: '이용약관에 동의' }).click();
    await signUp.locator('label', { hasText: '개인정보 수집·이용에 동의' }).click();
    await signUp.getByRole('button', { name: '가입하기' }).click();

    // A new company lands on its incomplete profile and is told to complete it.
    await page.waitForURL(/\/employer\/profile/);
    await expect.poll(() => page.getByText('기업 정보를 먼저 완성해 주세요').isVisible()).toBe(true);
    const form = page.getByTestId('employer-form');
    expect(await form.getByLabel(/^회사 이름/).inputValue()).toBe('부평초정밀');

    // The check digit is checked while the number is typed.
    const number = validBusinessNumber();
    await form.getByLabel(/^사업자등록번호/).fill(withWrongCheckDigit(number));
    await expect.poll(() => form.getByText('사업자등록번호가 올바르지 않습니다').isVisible()).toBe(true);
    await form.getByLabel(/^사업자등록번호/).fill(number.replace(/-/g, ''));
    await expect.poll(() => form.getByTestId('bn-ok').isVisible()).toBe(true);
    await form.getByLabel(/^대표자/).fill('박대표');
    await form.getByLabel(/^업종/).selectOption('C');
    await form.getByLabel(/^기업 규모/).selectOption('small');
    const dong = form.getByLabel(/^소재지/);
    await expect.poll(() => dong.locator('option').count()).toBeGreaterThan(10);
    const firstDong = await dong.locator('option').nth(1).getAttribute('value');
    await dong.selectOption(firstDong ?? '');
    await form.locator('label', { hasText: '부평산단 입주기업' }).click();
    await form.getByLabel(/^담당자 이름/).fill('이담당');
    await form.getByLabel(/^전화번호/).fill('010-1234-5678');
    await form.getByRole('button', { name: '저장', exact: true }).click();
    await expect.poll(() => page.getByText('기업 정보를 저장했습니다.').isVisible()).toBe(true);
    expect(await form.getByLabel(/^사업자등록번호/).inputValue()).toBe(number);
    await shoot(page, 'jobs-employer-profile-ko');

    // The vacancy form.
    await page.getByRole('link', { name: /채용공고를 등록할 수 있습니다/ }).click();
    await page.waitForURL(/\/employer\/vacancies\/new/);
    const vacancy = page.getByTestId('vacancy-form');
    await vacancy.getByLabel(/^공고 제목/).fill(title);
    // The occupation typeahead finds by initial consonants and by part of a word.
    const occupation = vacancy.getByRole('combobox', { name: /^직종/ });
    await occupation.fill('간호');
    await expect.poll(() => page.getByTestId('typeahead-occupations').textContent()).toContain('간호사');
    expect(await page.getByTestId('typeahead-occupations').textContent()).toContain('간호조무사');
    await occupation.fill('ㄱㅎㅈㅁ');
    await expect.poll(() => page.getByTestId('typeahead-occupations').textContent()).toContain('간호조무사');
    await occupation.fill('공작기계');
    await page.getByRole('option', { name: /금속 공작기계 조작원/ }).click();
    await expect.poll(() => vacancy.getByTestId('occupation-chosen').textContent()).toContain('8132');
    await vacancy.getByLabel(/^고용 형태/).selectOption('permanent');
    await vacancy.getByLabel(/^급여 형태/).selectOption('monthly');

    // Under the minimum wage of the opening year: said while typing, in the server's words.
    const wages = (await (await fetch(`${server.url}/api/v1/minimum-wages`)).json()) as {
      items: { year: number; hourly: number; monthly: number }[];
    };
    const opensOn = await vacancy.getByLabel(/^모집 시작일/).inputValue();
    const year = Number(opensOn.slice(0, 4));
    const minimum = wages.items.find((w) => w.year === year);
    expect(minimum).toBeDefined();
    const thousands = (n: number) => n.toLocaleString('en-US');
    const expected = `${year}년 최저임금(${thousands(minimum!.hourly)}원/시간, 월급 ${thousands(minimum!.hourly * 209)}원) 이상이어야 합니다.`;
    const low = Math.floor(minimum!.monthly * 0.9);
    await vacancy.getByLabel(/^급여액/).fill(String(low));
    await expect.poll(() => page.locator('#vacancy-form-wage-amount-error').textContent()).toBe(expected);
    await vacancy.getByRole('button', { name: '게시하기' }).click();
    // Refused: the summary names the field and the minimum; nothing was posted.
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain(expected);
    expect(page.url()).toMatch(/\/employer\/vacancies\/new/);
    await shoot(page, 'jobs-vacancy-form-minimum-wage-ko');

    // The server refuses the same wage with the same words.
    const server400 = await page.evaluate(
      async ({ body }) => {
        const csrf = document.cookie.match(/ilteo_csrf=([^;]+)/)?.[1] ?? '';
        const response = await fetch('/api/v1/vacancies', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      },
      {
        body: {
          title,
          occupation: { scheme: 'KECO-2018', code: '8132' },
          wage: { type: 'monthly', amount: low },
          employmentType: 'permanent',
          opensOn,
        },
      },
    );
    expect(server400.status).toBe(400);
    expect(server400.body.errors[0].field).toBe('wage.amount');
    expect(server400.body.errors[0].message.ko).toBe(expected);

    // A fair wage: the message goes away and the vacancy is posted.
    await vacancy.getByLabel(/^급여액/).fill('2,600,000');
    await expect.poll(() => page.locator('#vacancy-form-wage-amount-error').count()).toBe(0);
    await vacancy.getByLabel(/^상세 내용/).fill('정밀 연마·래핑 설비 운용, 주간 근무, 4대 보험, 중식 제공.');
    await vacancy.locator('label', { hasText: '장애인' }).first().click();
    await vacancy.getByRole('button', { name: '게시하기' }).click();
    await page.waitForURL(/\/jobs\/\d+$/);
    vacancyId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByText('공고를 게시했습니다.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.getByTestId('vacancy-page').textContent()).toContain('월급 2,600,000원');
    await shoot(page, 'jobs-vacancy-page-ko');

    // Editing keeps the rest as it was.
    await page.getByRole('link', { name: '공고 수정' }).click();
    await page.waitForURL(/\/edit$/);
    await expect
      .poll(() =>
        page
          .getByTestId('vacancy-form')
          .getByLabel(/^급여액/)
          .inputValue(),
      )
      .toBe('2,600,000');
    await page
      .getByTestId('vacancy-form')
      .getByLabel(/^모집 인원/)
      .fill('3');
    await page.getByTestId('vacancy-form').getByRole('button', { name: '저장', exact: true }).click();
    await expect.poll(() => page.getByText('공고를 수정했습니다.').isVisible()).toBe(true);
    expect(await page.getByTestId('vacancy-page').textContent()).toContain('3명');
    expect(await page.getByTestId('vacancy-page').textContent()).toContain('월급 2,600,000원');

    // The company's own list shows it, open.
    await page.goto(`${server.url}/employer/vacancies`);
    await expect
      .poll(() => page.getByTestId(`employer-vacancy-${vacancyId}`).textContent())
      .toContain('모집 중');
    await shoot(page, 'jobs-employer-vacancies-ko');
    await page.context().close();
  });

  it('a visitor on a phone finds the vacancy by a two-syllable part of a word, and can share the search', async () => {
    const page = await newPage(360, 740);
    await page.goto(`${server.url}/jobs`);
    await page.getByTestId('jobs-q').fill('래핑');
    // The search follows the typing (debounced) and the URL carries it.
    await page.waitForURL(/q=%EB%9E%98%ED%95%91/);
    const card = page.getByTestId('jobs-card').filter({ hasText: title });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('mark').first().textContent()).toBe('래핑');
    expect(await card.textContent()).toContain('부평초정밀');
    expect(await card.textContent()).toContain('장애인 우대');
    // Nothing is wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(page, 'jobs-search-mobile-ko');

    await card.getByRole('link').click();
    await page.waitForURL(new RegExp(`/jobs/${vacancyId}$`));
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    await shoot(page, 'jobs-vacancy-mobile-ko');
    // Back returns to the same results.
    await page.goBack();
    await expect.poll(() => page.getByTestId('jobs-q').inputValue()).toBe('래핑');
    await expect.poll(() => card.count()).toBe(1);

    // The shared link opens the same search in another browser.
    const shared = page.url();
    await page.context().close();
    const desktop = await newPage(1280);
    await desktop.goto(shared);
    await expect.poll(() => desktop.getByTestId('jobs-card').filter({ hasText: title }).count()).toBe(1);
    await desktop.context().close();
  });

  it('on a desktop the search has a facet sidebar with counts that narrow the results', async () => {
    const page = await newPage(1280);
    await page.goto(`${server.url}/jobs`);
    await expect.poll(() => page.getByTestId('jobs-card').count()).toBeGreaterThan(0);
    const facet = page.getByTestId('facet-employmentType');
    await expect.poll(() => facet.isVisible()).toBe(true);
    const before = await page.locator('.result-count').textContent();
    await facet.locator('label').first().click();
    await page.waitForURL(/employmentType=/);
    await expect.poll(() => page.locator('.result-count').textContent()).not.toBe(before);
    await shoot(page, 'jobs-search-desktop-ko');

    // English, complete: the facets and the vocabulary change language, the results stay.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Job search');
    expect(await page.getByTestId('facet-employmentType').textContent()).toContain('Permanent');
    expect(await page.getByTestId('jobs-results').textContent()).toMatch(/KRW [\d,]+/);
    await shoot(page, 'jobs-search-desktop-en');
    await page.context().close();
  });

  it('an admin keeps the minimum wage table, with monthly equivalents on 209 hours', async () => {
    const page = await newPage(1280);
    await page.goto(`${server.url}/sign-in`);
    const signIn = page.getByTestId('signin-form');
    await signIn.getByLabel(/이메일/).fill('admin@demo.ilteo.kr');
    await signIn.getByLabel(/비밀번호/).fill(DEMO_PASSWORD);
    await signIn.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${server.url}/admin/minimum-wages`);
    const table = page.getByTestId('minimum-wages');
    await expect.poll(() => table.textContent()).toContain('10,320원');
    expect(await table.textContent()).toContain('2,156,880원');
    expect(await table.textContent()).toContain('8,350원');

    await page.getByRole('textbox', { name: /^연도/ }).fill('2027');
    await page.getByRole('textbox', { name: /^시급/ }).fill('10700');
    await expect.poll(() => page.getByText('월 환산 2,236,300원').isVisible()).toBe(true);
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await expect.poll(() => page.getByText('2027년 최저임금을 저장했습니다.').isVisible()).toBe(true);
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('2027년');
    expect(await table.locator('tbody tr').first().textContent()).toContain('2,236,300원');
    await shoot(page, 'jobs-admin-minimum-wages-ko');
    await page.context().close();
  });

  it('the employer closes the vacancy after confirming, and it leaves the public search', async () => {
    const page = await newPage(1280);
    await page.goto(`${server.url}/sign-in`);
    const signIn = page.getByTestId('signin-form');
    await signIn.getByLabel(/이메일/).fill(employerEmail);
    await signIn.getByLabel(/비밀번호/).fill(employerPassword);
    await signIn.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL(/\/employer\/vacancies/);
    const row = page.getByTestId(`employer-vacancy-${vacancyId}`);
    await row.getByRole('button', { name: /^마감/ }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect.poll(() => dialog.textContent()).toContain(title);
    await dialog.getByRole('button', { name: '마감', exact: true }).click();
    await expect.poll(() => row.getByTestId('vacancy-status').textContent()).toBe('마감');
    const search = await (
      await fetch(`${server.url}/api/v1/vacancies?q=${encodeURIComponent('래핑')}`)
    ).json();
    expect(search.items.map((i: { id: number }) => i.id)).not.toContain(vacancyId);
    await page.context().close();
  });
});
