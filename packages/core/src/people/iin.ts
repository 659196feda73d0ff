// Kazakhstan's individual identification number (IIN, ЖСН/ИИН): 12 digits — birth date YYMMDD,
// a digit for century and sex, a 4-digit serial and a check digit (two weighted passes, mod 11).
import { isCalendarDate } from "../clock.js";

export type Sex = "female" | "male";

export type IinReason = "format" | "century" | "birth-date" | "check-digit";

export type IinCheck =
  | { valid: true; iin: string; birthDate: string; sex: Sex }
  | { valid: false; reason: IinReason };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit for the first eleven digits, or null when no digit can make the number valid. */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const weighted = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
  const first = weighted(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/** Completes eleven digits with their check digit; null when the eleven digits admit none. */
export function completeIin(first11: string): string | null {
  const check = iinCheckDigit(first11);
  return check === null ? null : `${first11}${check}`;
}

const CENTURY: Record<string, { century: number; sex: Sex }> = {
  "1": { century: 1800, sex: "male" },
  "2": { century: 1800, sex: "female" },
  "3": { century: 1900, sex: "male" },
  "4": { century: 1900, sex: "female" },
  "5": { century: 2000, sex: "male" },
  "6": { century: 2000, sex: "female" },
};

export function checkIin(value: string): IinCheck {
  const iin = value.replace(/[\s-]/g, "");
  if (!/^\d{12}$/.test(iin)) return { valid: false, reason: "format" };
  const code = CENTURY[iin[6] ?? ""];
  if (!code) return { valid: false, reason: "century" };
  const birthDate = `${code.century + Number(iin.slice(0, 2))}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  if (!isCalendarDate(birthDate)) return { valid: false, reason: "birth-date" };
  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin[11])) return { valid: false, reason: "check-digit" };
  return { valid: true, iin, birthDate, sex: code.sex };
}

/** Builds an IIN from its parts (for the demo and tests); null when the serial admits no check digit. */
export function composeIin(birthDate: string, sex: Sex, serial: number): string | null {
  const year = Number(birthDate.slice(0, 4));
  const century = year >= 2000 ? 2000 : year >= 1900 ? 1900 : 1800;
  const digit = { 1800: 1, 1900: 3, 2000: 5 }[century] + (sex === "female" ? 1 : 0);
  const stem = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${digit}${String(serial % 10_000).padStart(4, "0")}`;
  return completeIin(stem);
}
