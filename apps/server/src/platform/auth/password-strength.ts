// Which passwords are refused, and why: too short, the user's own login (or a trivial variant of it),
// one character or pattern repeated, one of the most common passwords, or otherwise easy to guess
// (zxcvbn's estimate below 3 of 4, with its English and common-password dictionaries).
import { MIN_PASSWORD_LENGTH } from "./passwords.js";

export type PasswordWeakness = "short" | "login" | "repeated" | "common" | "guessable";

/** What the user is known by: a password built from it is refused. */
export interface PasswordOwner {
  login?: string | null;
  displayName?: string | null;
}

type Estimator = (password: string, userInputs: string[]) => { score: number; warning: string | null };

let estimator: Promise<Estimator> | null = null;

/** zxcvbn and its dictionaries (a few MB) load on the first check, not when a command starts. */
function loadEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
    ]);
    const zxcvbn = new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
    return (password, userInputs) => {
      const result = zxcvbn.check(password, userInputs);
      return { score: result.score, warning: result.feedback.warning };
    };
  })();
  return estimator;
}

/** Letters and digits only, lowercased: "Admin@Moldir.Demo!" and "admin.moldir.demo" compare equal. */
function bare(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

function isLoginVariant(password: string, owner: PasswordOwner): boolean {
  const p = bare(password);
  const login = owner.login ?? "";
  const names = [login, login.split("@")[0] ?? "", owner.displayName ?? ""].map(bare);
  // The name itself, or the name with a few characters around it ("aigerim2026", "!aigerim!").
  return names.some((n) => n.length >= 3 && p.includes(n) && p.length - n.length <= 4);
}

const COMMON_WARNINGS = new Set(["topTen", "topHundred", "common", "similarToCommon"]);
const REPEAT_WARNINGS = new Set(["simpleRepeat", "extendedRepeat"]);

/** Why the password would be refused, or null when it is strong enough. */
export async function passwordWeakness(
  password: string,
  owner: PasswordOwner = {},
): Promise<PasswordWeakness | null> {
  const chars = [...password];
  if (new Set(chars).size === 1) return "repeated";
  if (chars.length < MIN_PASSWORD_LENGTH) return "short";
  if (isLoginVariant(password, owner)) return "login";
  const inputs = [owner.login, owner.login?.split("@")[0], owner.displayName].filter(
    (v): v is string => typeof v === "string" && v.length > 0,
  );
  const { score, warning } = (await loadEstimator())(password, inputs);
  if (score >= 3) return null;
  if (warning === "userInputs") return "login";
  if (warning !== null && REPEAT_WARNINGS.has(warning)) return "repeated";
  if (warning !== null && COMMON_WARNINGS.has(warning)) return "common";
  return "guessable";
}
