import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, WORKER, expectNoSeriousAxeViolations, shot, signIn } from './support.ts';

/**
 * A cheap phone (360×740) and a keyboard without a mouse: the menu folds
 * behind a button, tables become cards, nothing scrolls sideways, and every
 * page starts with a skip link.
 */

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `page is ${widths.scroll}px wide in a ${widths.client}px window`).toBeLessThanOrEqual(360);
}

test.describe('on a 360×740 phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });

  test('the menu button opens the navigation, the people list is cards, nothing scrolls sideways', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Oila' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, '01-sign-in');
    await expectNoSeriousAxeViolations(page, 'sign-in at 360');

    await signIn(page, WORKER, { locale: 'en' });
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Malika Tursunova' })).toBeVisible();
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Folded: only the menu button shows; the sections and sign-out are hidden.
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeHidden();
    await expectNoHorizontalScroll(page);
    await shot(page, '02-home');
    await expectNoSeriousAxeViolations(page, 'home at 360');

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    for (const name of ['Home', 'People', 'Households']) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Language', exact: true })).toBeVisible();
    // The links stack one under another, each a comfortable target.
    const people = nav.getByRole('link', { name: 'People', exact: true });
    const box = (await people.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThan(250);
    await expectNoHorizontalScroll(page);
    await shot(page, '03-menu-open');
    await expectNoSeriousAxeViolations(page, 'menu open at 360');

    // Going to a section closes the menu again.
    await people.click();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();

    // Each person is a card: the header row is hidden, cells stack and carry their column's name.
    const table = page.getByRole('table');
    const gayrat = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Iusupov Gayrat', exact: true }) });
    await expect(gayrat).toBeVisible();
    const layout = await gayrat.evaluate((tr) => {
      const cells = [...tr.querySelectorAll('th, td')] as HTMLElement[];
      const rect = tr.getBoundingClientRect();
      return {
        display: getComputedStyle(tr).display,
        width: rect.width,
        headHeight: tr.closest('table')!.querySelector('thead')!.getBoundingClientRect().height,
        labels: cells.map((c) => [getComputedStyle(c, '::before').content, `"${c.dataset['label'] ?? ''}"`]),
        lefts: [...new Set(cells.map((c) => Math.round(c.getBoundingClientRect().left)))],
      };
    });
    expect(layout.display).toBe('block');
    expect(layout.width).toBeLessThanOrEqual(360);
    expect(layout.headHeight).toBeLessThanOrEqual(1);
    // Each cell shows its column's name above the value.
    expect(layout.labels.length).toBeGreaterThanOrEqual(5);
    for (const [shown, column] of layout.labels) expect(shown).toBe(column);
    expect(layout.labels.map(([shown]) => shown)).toEqual(expect.arrayContaining(['"Name"', '"Reference"', '"Date of birth"']));
    expect(layout.lefts).toHaveLength(1); // stacked, not side by side
    await expect(gayrat).toContainText('14 May 2012');
    await expectNoHorizontalScroll(page);
    await shot(page, '04-people-cards');
    await expectNoSeriousAxeViolations(page, 'people list at 360');

    await gayrat.getByRole('link', { name: 'Iusupov Gayrat', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Iusupov Gayrat' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, '05-person');
    await expectNoSeriousAxeViolations(page, 'person at 360');

    await page.goto('/households/new');
    await page.getByRole('button', { name: 'Add a new person', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Member 1: new person' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, '06-household-form');
    await expectNoSeriousAxeViolations(page, 'household form at 360');
  });
});

test.describe('with the keyboard only', () => {
  test.use({ locale: 'en-GB' });

  test('the skip link comes first and moves focus to the content; sign-in works without a mouse', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Oila' })).toBeVisible();

    // First Tab: the skip link, shown on focus.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content', exact: true });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await shot(page, '01-skip-link-focused');
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();

    // From the content, Tab reaches the form; type and submit with the keyboard alone.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('E-mail', { exact: true })).toBeFocused();
    await page.keyboard.type(WORKER);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    // A wrong password: the error summary takes focus, so the keyboard user hears it and can go on.
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toContainText('The e-mail or password is not right.');
    await expect(summary).toBeFocused();
    await shot(page, '02-wrong-password');
    await expectNoSeriousAxeViolations(page, 'sign-in error');

    // Back into the form: the e-mail is kept, the password was cleared for a new try.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('E-mail', { exact: true })).toBeFocused();
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue(WORKER);
    await page.keyboard.press('Tab');
    const password = page.getByLabel('Password', { exact: true });
    await expect(password).toHaveValue('');
    await expect(password).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: 'Oila', exact: true })).toBeVisible();

    // In the app too, a fresh page starts with the skip link.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const appSkip = page.locator('a.skip-link');
    await expect(appSkip).toBeFocused();
    await expect(appSkip).toHaveAttribute('href', '#main');
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    // The next Tab lands inside the content, not back in the top bar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    await shot(page, '03-app-after-skip');
    await expectNoSeriousAxeViolations(page, 'home (keyboard)');
  });
});
