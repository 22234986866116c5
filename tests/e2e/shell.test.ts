// The product shell in a real browser: home page renders with the nynorsk default, the
// language switch works without errors, the 404 page is friendly, and axe passes on each.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, newPage, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';

describe('product shell (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the home page in nynorsk and switches to English', async () => {
    const page = await newPage(browser, t.url);
    const problems = watchPage(page);
    await page.goto('/');
    assert.equal(await page.locator('h1').textContent(), 'Velkomen til Rytme');
    assert.equal(await page.getAttribute('html', 'lang'), 'nn');
    await expectAccessible(page, 'home (nn)');
    await page.selectOption('#language-select', 'en');
    await page.getByRole('button', { name: 'Byt språk' }).click();
    await page.locator('h1', { hasText: 'Welcome to Rytme' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await expectAccessible(page, 'home (en)');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('shows a friendly 404 page that passes axe', async () => {
    const page = await newPage(browser, t.url);
    const response = await page.goto('/finst-ikkje');
    assert.equal(response?.status(), 404);
    assert.equal(await page.locator('h1').textContent(), 'Fann ikkje sida');
    await expectAccessible(page, '404');
    await page.context().close();
  });
});
