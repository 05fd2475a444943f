import { hash, verify } from "@node-rs/argon2";

// argon2id with the library defaults (19 MiB, t=2), as OWASP recommends.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the login is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash("not-a-real-password-0");
  await verifyPassword(await dummyHash, password);
}

export function isStrongEnough(password: string): boolean {
  return password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

/**
 * Staff passwords (等保 level 3): at least 12 characters, with at least three of upper-case letters,
 * lower-case letters, digits and symbols.
 */
export function isStrongEnoughForStaff(password: string): boolean {
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(password)).length;
  return password.length >= 12 && classes >= 3;
}

/** How many earlier passwords a staff member may not take again. */
export const STAFF_PASSWORD_HISTORY = 5;

/** Whether the password is one of the given hashes (the current one and recent ones). */
export async function isReused(password: string, hashes: string[]): Promise<boolean> {
  for (const h of hashes) if (await verifyPassword(h, password)) return true;
  return false;
}
