// The outbox feature's texts, under the key "outbox", in Kazakh, Russian, English and French: a file
// and a chunk per language, so that a phone downloads only the one she reads (i18n's withTexts).
import type { FeatureMessageLoaders } from "../../i18n/register.js";

export const messages = {
  en: () => import("./messages-en.js").then((m) => m.en),
  ru: () => import("./messages-ru.js").then((m) => m.ru),
  kk: () => import("./messages-kk.js").then((m) => m.kk),
  fr: () => import("./messages-fr.js").then((m) => m.fr),
} satisfies FeatureMessageLoaders;
