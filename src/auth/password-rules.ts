/**
 * Password rules, after NIST SP 800-63B §5.1.1.2: a minimum length and a check against commonly
 * used passwords instead of composition rules (which push people to `Password1!`). Every way a
 * password is set (sign-up, `tsunagu user add`, change) checks here.
 */
export const PASSWORD_MIN_LENGTH = 10;
/** scrypt takes any length; the cap keeps one request from hashing megabytes. */
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set([
  "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
  "1234567890", "12345678910", "0123456789", "1111111111", "qwertyuiop", "qwerty1234", "qwerty12345",
  "1q2w3e4r5t", "abcdefghij", "abcd123456", "iloveyou12", "letmein123", "welcome123", "admin12345",
  "administrator", "changeme123", "asdfghjkl1", "zxcvbnm123", "tsunagu123", "tsunagu1234", "kodomo1234",
]);

/** What is wrong with a new password, as messages (empty when it is acceptable). */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [`must be at least ${PASSWORD_MIN_LENGTH} characters`];
  if (length > PASSWORD_MAX_LENGTH) return [`must be at most ${PASSWORD_MAX_LENGTH} characters`];
  const lower = password.normalize("NFKC").toLowerCase();
  const problems: string[] = [];
  if (COMMON.has(lower)) problems.push("is a commonly used password; choose another");
  if (new Set(lower).size < 4) problems.push("must use more than three different characters");
  const email = context.email?.toLowerCase();
  const local = email?.split("@")[0];
  if (email && (lower.includes(email) || (local && local.length >= 4 && lower.includes(local)))) {
    problems.push("must not contain your e-mail address");
  }
  return problems;
}
