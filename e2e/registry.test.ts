import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchBrowser,
  type RunningServer,
  SCREENSHOTS,
  shoot,
  signIn as signInAs,
  startServer,
} from './support.js';

const WORK24_LIST = path.resolve(
  import.meta.dirname,
  '../packages/server/reference-data/work24/work24_list_sample_real_20261001.xml',
);

/**
 * Issue 4 end to end, the registry side: a counsellor registers a seeker at a desk and finds
 * them (masked) in the staff list; a counsellor imports the real 고용24 list through the imports
 * page; a seeker signs up, creates their profile and downloads their data.
 */
describe('the registry in the browser', () => {
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

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: 'ko-KR',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    return context.newPage();
  }

  const signIn = (page: Page, email: string, password = DEMO_PASSWORD) =>
    signInAs(page, server.url, email, password);

  /** What a phone shows: the screen at one element, not the whole page (read at phone size). */
  async function shootScreen(page: Page, at: Locator, name: string) {
    await at.scrollIntoViewIfNeeded();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }

  /** KRDS draws its own checkboxes and radios: a person clicks the label. */
  async function tick(scope: Page | Locator, label: string | RegExp) {
    await scope.locator('label', { hasText: label }).first().click();
  }

  /** Types into a typeahead and picks the option with exactly this label. */
  async function pick(page: Page, field: RegExp, typed: string, option: RegExp) {
    const input = page.getByRole('combobox', { name: field });
    await input.fill(typed);
    await page.getByRole('option', { name: option }).click();
  }

  it('a counsellor registers a seeker at the desk and finds them, masked, in the list', async () => {
    const page = await newPage();
    await signIn(page, 'counsellor@demo.ilteo.kr');
    await page.goto(`${server.url}/staff/seekers`);
    await page.getByRole('link', { name: '구직자 등록' }).click();
    await page.waitForURL('**/staff/seekers/new');

    const form = page.getByTestId('desk-intake');
    await form.getByLabel(/^이름/).fill('송하은');
    await form.getByLabel(/^출생연도/).fill('1979');
    await form.getByLabel(/^휴대전화/).fill('010-2468-1357');

    // '간호' finds both 간호사 and 간호조무사; the counsellor picks 간호조무사.
    const occupations = page.getByRole('combobox', { name: /희망 직종/ });
    await occupations.fill('간호');
    await expect
      .poll(() => page.getByRole('option').allTextContents())
      .toEqual(
        expect.arrayContaining([expect.stringMatching(/^간호사/), expect.stringMatching(/^간호조무사/)]),
      );
    await shoot(page, 'registry-intake-typeahead');
    await page.getByRole('option', { name: /^간호조무사/ }).click();
    await expect.poll(() => page.getByTestId('pick-occupations').textContent()).toContain('간호조무사');

    // 초성 works too.
    await page.getByRole('combobox', { name: /희망 직종/ }).fill('ㄱㅎ');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: /희망 직종/ }).fill('');

    await form.getByLabel(/^희망 임금\(원\)/).fill('2,600,000');
    await expect.poll(() => page.getByTestId('wage-monthly').textContent()).toContain('2,600,000원');
    const desk = form.getByLabel(/^등록 창구/);
    const options = await desk.locator('option').allTextContents();
    await desk.selectOption({ index: options.length > 1 ? 1 : 0 });
    await form.getByLabel(/^초기 상담 메모/).fill('요양병원 근무 희망, 주간 근무');

    // 장애인 cannot be ticked without the separate consent.
    const disabled = form.getByRole('checkbox', { name: '장애인' });
    expect(await disabled.isDisabled()).toBe(true);
    await tick(form, '[별도 동의]');
    await expect.poll(() => disabled.isDisabled()).toBe(false);
    await tick(form, '[별도 동의]');
    await expect.poll(() => disabled.isDisabled()).toBe(true);

    await tick(form, '[필수]');
    await tick(form, '[선택]');
    await shoot(page, 'registry-intake-form');
    await form.getByRole('button', { name: '등록', exact: true }).click();

    await page.waitForURL(/\/staff\/seekers\/\d+$/);
    await expect.poll(() => page.getByTestId('audited-read').textContent()).toContain('이 열람은 기록됩니다');
    expect(await page.getByTestId('seeker-profile').textContent()).toContain('간호조무사');
    const id = Number(new URL(page.url()).pathname.split('/').pop());

    // In the list the name and phone are masked.
    await page.goto(`${server.url}/staff/seekers?q=${encodeURIComponent('간호조무사')}`);
    const row = page.getByTestId(`seeker-row-${id}`);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('송*은');
    const text = (await row.textContent()) ?? '';
    expect(text).not.toContain('송하은');
    expect(text).not.toContain('2468');
    await shoot(page, 'registry-staff-seekers');

    await row.getByRole('link').click();
    await page.waitForURL(`**/staff/seekers/${id}`);
    await expect.poll(() => page.getByTestId('seeker-profile').textContent()).toContain('송하은');
    await shoot(page, 'registry-staff-seeker');
    await page.context().close();
  });

  it('a counsellor imports the real 고용24 list through the imports page', async () => {
    const page = await newPage();
    await signIn(page, 'counsellor@demo.ilteo.kr');
    await page.goto(`${server.url}/staff/imports`);
    const form = page.getByTestId('import-form');
    await tick(form, '고용24 XML');
    await form.getByLabel(/^파일/).setInputFiles(WORK24_LIST);
    await form.getByRole('button', { name: '검사하기' }).click();

    const report = page.getByTestId('import-report');
    await expect.poll(() => report.isVisible()).toBe(true);
    expect(await page.getByTestId('count-total').textContent()).toBe('2');
    expect(await page.getByTestId('count-invalid').textContent()).toBe('0');
    await shoot(page, 'registry-import-report');

    await page.getByRole('button', { name: /^모두 가져오기/ }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toMatch(/2건을 추가/);
    await expect.poll(() => page.getByTestId('import-history').textContent()).toContain('work24_list_sample');
    await shoot(page, 'registry-import-done');

    await page.goto(`${server.url}/staff/vacancies?source=work24`);
    const table = page.getByTestId('vacancies-table');
    await expect.poll(() => table.textContent()).toContain('수질관리 담당자');
    expect(await table.textContent()).toContain('환경·안전 및 운영관리 담당자');
    await shoot(page, 'registry-staff-vacancies');
    const link = table.getByRole('link', { name: /수질관리 담당자/ });
    expect(await link.getAttribute('href')).toMatch(/^\/jobs\/\d+$/);

    // The company came with its vacancies: staff verify it on its page.
    await page.goto(`${server.url}/staff/employers?q=${encodeURIComponent('워터매니지먼트')}`);
    await page
      .getByTestId('employers-table')
      .getByRole('link', { name: /워터매니지먼트/ })
      .click();
    await page.waitForURL(/\/staff\/employers\/\d+$/);
    await expect.poll(() => page.getByTestId('verified').textContent()).toBe('미확인');
    await page.getByRole('button', { name: '기업 확인' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '기업 확인' }).click();
    await expect.poll(() => page.getByTestId('verified').textContent()).toBe('확인됨');
    await expect.poll(() => page.locator('main').textContent()).toContain('수질관리 담당자');
    await shoot(page, 'registry-staff-employer');
    await page.context().close();
  });

  it('a seeker signs up, creates a profile and downloads their data', async () => {
    const page = await newPage(360);
    const email = `seeker-${Date.now()}@example.kr`;
    const password = 'registry-e2e-2026';
    await page.goto(`${server.url}/sign-up`);
    const signUp = page.getByTestId('signup-form');
    await tick(signUp, /^구직자/);
    await signUp.getByLabel(/^이름/).fill('이서준');
    await signUp.getByLabel(/^이메일/).fill(email);
    await signUp.getByLabel(/^비밀번호/).fill(password);
    await tick(signUp, '이용약관에 동의');
    await tick(signUp, '개인정보 수집·이용에 동의');
    await signUp.getByRole('button', { name: '가입하기' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-up'));

    await page.goto(`${server.url}/me/profile`);
    const form = page.getByTestId('seeker-register');
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel(/^출생연도/).fill('1999');
    // 간호사 is both a 소분류 (304) and its 세분류 (3040): the seeker picks the detailed one.
    await pick(page, /희망 직종/, '간호', /^간호사.*3040$/);
    await form.getByLabel(/^임금 형태/).selectOption('hourly');
    await form.getByLabel(/^희망 임금\(원\)/).fill('12000');
    await expect.poll(() => page.getByTestId('wage-monthly').textContent()).toContain('2,508,000원');
    await tick(form, /^주간$/);
    await tick(form, '[필수]');
    await shoot(page, 'registry-me-register-360');
    await shootScreen(page, form.getByRole('combobox', { name: /희망 직종/ }), 'registry-me-register-360-a');
    await shootScreen(page, form.getByLabel(/^희망 임금\(원\)/), 'registry-me-register-360-b');
    await shootScreen(page, form.getByRole('checkbox', { name: '장애인' }), 'registry-me-register-360-c');
    await shootScreen(page, form.getByRole('button', { name: '구직 등록' }), 'registry-me-register-360-d');
    await form.getByRole('button', { name: '구직 등록' }).click();

    await expect.poll(() => page.getByTestId('seeker-profile').textContent()).toContain('간호사');
    expect(await page.getByTestId('seeker-profile').textContent()).toContain('2,508,000원');
    await shoot(page, 'registry-me-profile-360');
    await shootScreen(page, page.getByTestId('seeker-profile'), 'registry-me-profile-360-a');
    await shootScreen(page, page.getByTestId('consents'), 'registry-me-profile-360-b');
    await shootScreen(page, page.getByTestId('download-my-data'), 'registry-me-profile-360-c');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-my-data').click(),
    ]);
    const file = await download.path();
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(JSON.stringify(data)).toContain('이서준');
    expect(JSON.stringify(data)).toContain('employment_services');

    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, 'registry-me-profile');

    // English is complete too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('privacy').textContent()).toContain('Download my data');
    await shoot(page, 'registry-me-profile-en');
    await page.getByRole('button', { name: '한국어' }).click();

    // Deleting the account asks for the password and says what the law keeps.
    await page.getByRole('button', { name: '회원 탈퇴' }).click();
    const dialog = page.getByTestId('delete-dialog');
    expect(await dialog.textContent()).toContain('법에 따라 보관하는 정보');
    await dialog.getByLabel(/비밀번호 확인/).fill('not-my-password-1');
    await dialog.getByRole('button', { name: '탈퇴하기' }).click();
    await expect.poll(() => dialog.getByRole('alert').first().isVisible()).toBe(true);
    await shoot(page, 'registry-me-delete');
    await dialog.getByLabel(/비밀번호 확인/).fill(password);
    await dialog.getByRole('button', { name: '탈퇴하기' }).click();
    await page.waitForURL('**/account-deleted');
    await expect.poll(() => page.getByTestId('account-deleted').isVisible()).toBe(true);
    await page.goto(`${server.url}/me/profile`);
    await page.waitForURL(/\/sign-in/);
    await page.context().close();
  });
});
