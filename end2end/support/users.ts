/** A member nobody has used yet, so parallel journeys never collide. */
export function freshMember(prefix = 'm') {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.slice(-10);
  const handle = `${prefix}${suffix}`.toLowerCase().slice(0, 30);
  return {
    handle,
    displayName: `Test ${handle}`,
    email: `${handle}@example.org`,
    password: 'journey-password-1',
  };
}

/** Demo sign-ins seeded by the reference server (README lists them). */
export const DEMO_PASSWORD = 'veche-demo';
