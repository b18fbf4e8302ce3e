/**
 * 全国地方公共団体コード: 5 digits plus a check digit. Files and spreadsheets often drop the check
 * digit or the leading zero, so every code entering Tsunagu goes through `normalizeMunicipalityCode`.
 */
export function municipalityCheckDigit(five: string): number {
  const weights = [6, 5, 4, 3, 2];
  const sum = [...five].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
  return (11 - (sum % 11)) % 10;
}

/** `112038`, `11203` and `11203 ` → `112038`; anything else → undefined. */
export function normalizeMunicipalityCode(input: string): string | undefined {
  const digits = input.normalize("NFKC").trim();
  if (/^\d{6}$/.test(digits)) {
    return municipalityCheckDigit(digits.slice(0, 5)) === Number(digits[5]) ? digits : undefined;
  }
  if (/^\d{4,5}$/.test(digits)) {
    const five = digits.padStart(5, "0");
    return five + municipalityCheckDigit(five);
  }
  return undefined;
}

export function isMunicipalityCode(input: string): boolean {
  return /^\d{6}$/.test(input) && normalizeMunicipalityCode(input) === input;
}
