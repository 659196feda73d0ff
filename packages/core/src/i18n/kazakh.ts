// Kazakh case endings for names in messages ("Қалиеваның міндетті жинағы"): the suffix is chosen by
// the name's last sound (vowel, sonorant or nasal, voiced, voiceless) and by vowel harmony (the last
// back or front vowel). Only the cases the messages use: genitive, dative, accusative, locative.

export type KazakhCase = "genitive" | "dative" | "accusative" | "locative";

const BACK_VOWELS = new Set("аоұыяё");
const FRONT_VOWELS = new Set("әеіөүэ");
/** Vowels that take either harmony: the word's other vowels decide (ми → мидың, кию → киюдің). */
const NEUTRAL_VOWELS = new Set("иую");

/** How a word ends, as the case suffixes see it. */
type Ending = "vowel" | "nasal" | "sonorant" | "voiceless";

function endingOf(letter: string): Ending {
  // и, у and ю end in a glide (ій/ый, уу, йу): they take the suffixes of й and у.
  if ("аоұыяёәеіөүэ".includes(letter)) return "vowel";
  if ("мнң".includes(letter)) return "nasal";
  // Sonorants and voiced sibilants keep their voice; б, в, г, д, ғ are devoiced at the end of a word.
  if ("лрйуиюзж".includes(letter)) return "sonorant";
  return "voiceless";
}

/** Latin letters (a name typed in Latin script), read as their Kazakh counterparts. */
const LATIN: Record<string, string> = {
  a: "а",
  e: "е",
  i: "і",
  o: "о",
  u: "ұ",
  y: "ы",
  ä: "ә",
  ö: "ө",
  ü: "ү",
  ı: "ы",
  m: "м",
  n: "н",
  l: "л",
  r: "р",
  j: "ж",
  z: "з",
  w: "у",
};

interface Sound {
  ending: Ending;
  back: boolean;
  /** A name not ending in a Cyrillic letter takes its suffix after a hyphen (Smith-тің). */
  hyphen: boolean;
}

function soundOf(word: string): Sound | null {
  const lower = word.toLowerCase();
  const letters = [...lower].filter((c) => /\p{L}/u.test(c) && c !== "ь" && c !== "ъ");
  const last = letters.at(-1);
  if (last === undefined) return null;
  const read = (c: string) => (/\p{Script=Cyrillic}/u.test(c) ? c : (LATIN[c] ?? c));
  // The last back or front vowel decides; a soft sign at the end makes the word front (Игорьдің);
  // a word with only и, у or ю is front after и or ю, back after у.
  let back: boolean | null = lower.endsWith("ь") ? false : null;
  let neutral: string | null = null;
  for (let i = letters.length - 1; i >= 0 && back === null; i--) {
    const c = read(letters[i] ?? "");
    if (BACK_VOWELS.has(c)) back = true;
    else if (FRONT_VOWELS.has(c)) back = false;
    else if (NEUTRAL_VOWELS.has(c)) neutral ??= c;
  }
  return {
    ending: endingOf(read(last)),
    back: back ?? (neutral === null || neutral === "у"),
    hyphen: !/\p{Script=Cyrillic}/u.test(last),
  };
}

/** The suffix of a case for a sound: [back, front] pairs by ending. */
const SUFFIXES: Record<KazakhCase, Record<Ending, readonly [string, string]>> = {
  genitive: {
    vowel: ["ның", "нің"],
    nasal: ["ның", "нің"],
    sonorant: ["дың", "дің"],
    voiceless: ["тың", "тің"],
  },
  dative: {
    vowel: ["ға", "ге"],
    nasal: ["ға", "ге"],
    sonorant: ["ға", "ге"],
    voiceless: ["қа", "ке"],
  },
  accusative: {
    vowel: ["ны", "ні"],
    nasal: ["ды", "ді"],
    sonorant: ["ды", "ді"],
    voiceless: ["ты", "ті"],
  },
  locative: {
    vowel: ["да", "де"],
    nasal: ["да", "де"],
    sonorant: ["да", "де"],
    voiceless: ["та", "те"],
  },
};

/**
 * The name in a Kazakh case: the suffix goes on its last word ("Қалиева Айгүл" → "Қалиева Айгүлдің").
 * A name with no letter at its end (a number, a closing quote) is left as it is.
 */
export function kazakhCase(name: string, grammaticalCase: KazakhCase): string {
  const trimmed = name.trimEnd();
  const lastWord = trimmed.split(/\s+/).at(-1) ?? "";
  if (!/\p{L}$/u.test(trimmed)) return name;
  const sound = soundOf(lastWord);
  if (!sound) return name;
  const [back, front] = SUFFIXES[grammaticalCase][sound.ending];
  return `${trimmed}${sound.hyphen ? "-" : ""}${sound.back ? back : front}`;
}
