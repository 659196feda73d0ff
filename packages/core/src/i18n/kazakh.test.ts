import { describe, expect, it } from "vitest";
import { type KazakhCase, kazakhCase } from "./kazakh.js";

// Real Kazakh (and Russian-born) names and surnames, by how they end and by their harmony.
const GENITIVE: Array<[string, string]> = [
  // vowels, back and front
  ["Қалиева", "Қалиеваның"],
  ["Жания", "Жанияның"],
  ["Сәуле", "Сәуленің"],
  ["Алматы", "Алматының"],
  // nasals м, н, ң take -ның/-нің too
  ["Асан", "Асанның"],
  ["Нұрлан", "Нұрланның"],
  ["Айгерім", "Айгерімнің"],
  ["Байжан", "Байжанның"],
  // sonorants л, р, й, у and voiced з, ж take -дың/-дің
  ["Айгүл", "Айгүлдің"],
  ["Бибігүл", "Бибігүлдің"],
  ["Нұрбол", "Нұрболдың"],
  ["Гүлнұр", "Гүлнұрдың"],
  ["Мөлдір", "Мөлдірдің"],
  ["Тоқтар", "Тоқтардың"],
  ["Абай", "Абайдың"],
  ["Сергей", "Сергейдің"],
  ["Ерназ", "Ерназдың"],
  ["Атырау", "Атыраудың"],
  // и is a glide (ій): the other vowels decide the harmony
  ["Мәди", "Мәдидің"],
  // voiceless consonants, and voiced б, в, г, д devoiced at the end, take -тың/-тің
  ["Серік", "Серіктің"],
  ["Алтынбек", "Алтынбектің"],
  ["Жандос", "Жандостың"],
  ["Марат", "Мараттың"],
  ["Ахмет", "Ахметтің"],
  ["Дәулет", "Дәулеттің"],
  ["Петров", "Петровтың"],
  ["Олег", "Олегтің"],
  // a final soft sign makes the word front
  ["Игорь", "Игорьдің"],
];

describe("Kazakh case endings for names", () => {
  it.each(GENITIVE)("genitive of %s is %s", (name, genitive) => {
    expect(kazakhCase(name, "genitive")).toBe(genitive);
  });

  it("puts the ending on the last word of a full name", () => {
    expect(kazakhCase("Қалиева Айгүл", "genitive")).toBe("Қалиева Айгүлдің");
    expect(kazakhCase("Серікбаева Сәуле", "genitive")).toBe("Серікбаева Сәуленің");
    expect(kazakhCase("Қалиева", "genitive")).toBe("Қалиеваның");
  });

  const OTHER_CASES: Array<[string, KazakhCase, string]> = [
    ["Қалиева", "dative", "Қалиеваға"],
    ["Сәуле", "dative", "Сәулеге"],
    ["Асан", "dative", "Асанға"],
    ["Айгерім", "dative", "Айгерімге"],
    ["Серік", "dative", "Серікке"],
    ["Жандос", "dative", "Жандосқа"],
    ["Қалиева", "accusative", "Қалиеваны"],
    ["Сәуле", "accusative", "Сәулені"],
    ["Асан", "accusative", "Асанды"],
    ["Айгүл", "accusative", "Айгүлді"],
    ["Серік", "accusative", "Серікті"],
    ["Марат", "accusative", "Маратты"],
    ["Алматы", "locative", "Алматыда"],
    ["Өскемен", "locative", "Өскеменде"],
    ["Қазақстан", "locative", "Қазақстанда"],
    ["Шымкент", "locative", "Шымкентте"],
    ["Атырау", "locative", "Атырауда"],
  ];
  it.each(OTHER_CASES)("%s in the %s is %s", (name, grammaticalCase, expected) => {
    expect(kazakhCase(name, grammaticalCase)).toBe(expected);
  });

  it("joins a name typed in Latin letters with a hyphen, by its sound", () => {
    expect(kazakhCase("Smith", "genitive")).toBe("Smith-тің");
    expect(kazakhCase("Anna", "genitive")).toBe("Anna-ның");
    expect(kazakhCase("Aigul", "genitive")).toBe("Aigul-дың");
  });

  it("leaves a name with no letter at its end as it is", () => {
    expect(kazakhCase("«Ақбота»", "genitive")).toBe("«Ақбота»");
    expect(kazakhCase("Топ 7", "genitive")).toBe("Топ 7");
    expect(kazakhCase("", "genitive")).toBe("");
  });
});
