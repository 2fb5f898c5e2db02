import { expect, type Browser, type Page } from '@playwright/test';
import { RegisterPage, SignInPage } from '../pages/auth';
import { DEMO_PASSWORD, freshMember } from './users';

/** Registers a fresh member in `page` (handle starting with `prefix`) and answers who it is. */
export async function join(page: Page, prefix = 'm') {
  const member = freshMember(prefix);
  const register = new RegisterPage(page);
  await register.open();
  await register.join(member);
  await expect(page).toHaveURL(/\/$/);
  return member;
}

/** Signs a demo member in. */
export async function signIn(page: Page, handle: string): Promise<void> {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signIn(handle, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
}

/** A second member, in a browser of their own, signed in with a demo account. */
export async function otherMember(browser: Browser, handle: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, handle);
  return { page, close: () => context.close() };
}
