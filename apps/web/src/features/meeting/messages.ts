// The meeting feature's texts, under the key "meeting", in Kazakh, Russian, English and French.
import type { FeatureMessages } from "../../i18n/register.js";
import { en } from "./messages-en.js";
import { fr } from "./messages-fr.js";
import { kk } from "./messages-kk.js";
import { ru } from "./messages-ru.js";

export const messages = { en, ru, kk, fr } satisfies FeatureMessages;
