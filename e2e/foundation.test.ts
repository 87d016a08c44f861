import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, type RunningServer, shoot, startServer } from './support.js';

/**
 * Issue 2 end to end, in Debian's Chromium against the built product: a person signs up as a
 * seeker, signs out and in again; an admin creates a counsellor; the audit log shows both.
 */
describe('foundation in the browser', () => {
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

  async function newPage(locale: 'ko' | 'en' = 'ko', width = 1280): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: locale === 'ko' ? 'ko-KR' : 'en-GB',
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('close', () => expect(errors).toEqual([]));
    return page;
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${server.url}/sign-in`);
    const form = page.getByTestId('signin-form');
    await form.getByLabel(/이메일|Email/).fill(email);
    await form.getByLabel(/비밀번호|Password/).fill(password);
    await form.getByRole('button', { name: /^(로그인|Sign in)$/ }).click();
  }

  it('prints the demo sign-ins at first start', () => {
    expect(server.output()).toContain('admin@demo.ilteo.kr');
    expect(server.output()).toContain(DEMO_PASSWORD);
  });

  it('a person signs up as a seeker, signs out, and signs in again', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy();
    await shoot(page, 'foundation-home-ko');

    await page.goto(`${server.url}/sign-up`);
    const form = page.getByTestId('signup-form');
    await form.locator('label', { hasText: /^구직자/ }).click();
    await form.getByLabel(/^이름/).fill('김구직');
    await form.getByLabel(/^이메일/).fill('kim.seeker@example.kr');
    await form.getByLabel(/^비밀번호/).fill('short');
    // KRDS draws its own checkboxes: a person clicks the label.
    await form.locator('label', { hasText: '이용약관에 동의' }).click();
    await form.locator('label', { hasText: '개인정보 수집·이용에 동의' }).click();
    await form.getByRole('button', { name: '가입하기' }).click();
    // A weak password is refused next to the field, in Korean.
    await expect
      .poll(() =>
        form
          .getByText(/10자 이상/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await form.getByLabel(/^비밀번호/).fill('seeker-pass-2019');
    await form.getByRole('button', { name: '가입하기' }).click();
    // A new seeker lands on their job-seeker profile, still to be filled in.
    await page.waitForURL(/\/me\/profile/);
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('김구직');
    await page.goto(`${server.url}/account`);
    await expect.poll(() => page.getByText('개인정보 수집·이용').first().isVisible()).toBe(true);

    await page.getByRole('button', { name: '로그아웃' }).click();
    await expect.poll(() => page.getByRole('link', { name: '로그인' }).first().isVisible()).toBe(true);

    await signIn(page, 'kim.seeker@example.kr', 'wrong-password-1');
    await expect
      .poll(() => page.getByText('이메일 또는 비밀번호가 올바르지 않습니다.').isVisible())
      .toBe(true);
    await shoot(page, 'foundation-signin-error-ko');
    await signIn(page, 'kim.seeker@example.kr', 'seeker-pass-2019');
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('김구직');
    await page.close();
  });

  it('an admin creates a counsellor, and the audit log shows the sign-up and the new account', async () => {
    const page = await newPage();
    await signIn(page, 'admin@demo.ilteo.kr', DEMO_PASSWORD);
    await page.waitForURL(/\/admin\/users/);
    await page.getByRole('button', { name: '사용자 추가' }).click();
    const form = page.getByTestId('create-user-form');
    await form.getByLabel(/^이메일/).fill('counsellor2@example.kr');
    await form.getByLabel(/^이름/).fill('정상담');
    await form.getByLabel(/^역할/).selectOption('counsellor');
    await form.locator('label', { hasText: '부평1동 행정복지센터' }).click();
    await form.getByLabel(/^초기 비밀번호/).fill('counsel-pass-12');
    await page.getByRole('dialog').getByRole('button', { name: '추가', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('users-table').textContent())
      .toContain('counsellor2@example.kr');

    await page.goto(`${server.url}/admin/audit`);
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('user.create');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('auth.sign_up');
    expect(text).toContain('김관리');
    await shoot(page, 'foundation-audit-ko');

    // The same pages in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
      .toMatch(/Audit log/i);
    await shoot(page, 'foundation-audit-en');
    await page.goto(server.url);
    await shoot(page, 'foundation-home-en');
    await page.close();
  });

  it('the sign-in page in both languages, and at 360 px wide', async () => {
    const ko = await newPage('ko', 360);
    await ko.goto(`${server.url}/sign-in`);
    await expect.poll(() => ko.getByTestId('signin-form').isVisible()).toBe(true);
    await shoot(ko, 'foundation-signin-ko-360');
    const width = await ko.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await ko.close();

    const en = await newPage('en');
    await en.goto(`${server.url}/sign-in`);
    await en.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => en.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/Sign in/i);
    await shoot(en, 'foundation-signin-en');
    await en.close();
  });

  it('can be used by keyboard alone: the skip link comes first and moves to the content', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/sign-in`);
    // Keys pressed before the app has drawn the page would land on the bare document.
    await expect.poll(() => page.getByTestId('signin-form').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(first).toBe('본문 바로가기');
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(focused).toBe(true);
    await page.close();
  });
});
