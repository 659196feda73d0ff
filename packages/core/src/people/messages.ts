// The messages of people's records, and why an IIN is not valid.
import type { Texts } from "../i18n/texts.js";
import type { PeopleErrorCode } from "./errors.js";
import type { IinReason } from "./iin.js";

export type PeopleMessages = {
  errors: Record<PeopleErrorCode, Texts>;
  entities: Record<"person" | "household", Texts>;
  /** INVALID_IIN's reason ("$t(iinReasons.{{reason}})"). */
  iinReasons: Record<IinReason, Texts>;
};

export const peopleMessages: PeopleMessages = {
  errors: {
    INVALID_IIN: {
      kk: "ЖСН {{iin}} жарамсыз: $t(iinReasons.{{reason}}).",
      ru: "ИИН {{iin}} неверен: $t(iinReasons.{{reason}}).",
      en: "The IIN {{iin}} is not valid: $t(iinReasons.{{reason}}).",
      fr: "L'IIN {{iin}} n'est pas valide : $t(iinReasons.{{reason}}).",
    },
    IIN_BIRTH_DATE_MISMATCH: {
      kk: "ЖСН {{iin}} туған күнге ({{birthDate}}) сәйкес келмейді.",
      ru: "ИИН {{iin}} не соответствует дате рождения {{birthDate}}.",
      en: "The IIN {{iin}} does not match the birth date {{birthDate}}.",
      fr: "L'IIN {{iin}} ne correspond pas à la date de naissance {{birthDate}}.",
    },
    IIN_SEX_MISMATCH: {
      kk: "ЖСН {{iin}} адамның жынысына сәйкес келмейді.",
      ru: "ИИН {{iin}} не соответствует полу человека.",
      en: "The IIN {{iin}} does not match the person's sex.",
      fr: "L'IIN {{iin}} ne correspond pas au sexe de la personne.",
    },
    BIRTH_DATE_IN_FUTURE: {
      kk: "Туған күн ({{date}}) бүгінгі күннен ({{today}}) кейін бола алмайды.",
      ru: "Дата рождения ({{date}}) не может быть позже сегодняшнего дня ({{today}}).",
      en: "The birth date ({{date}}) cannot be later than today ({{today}}).",
      fr: "La date de naissance ({{date}}) ne peut pas être postérieure à aujourd'hui ({{today}}).",
    },
    CONSENT_DATE_IN_FUTURE: {
      kk: "Келісім берілген күн ({{date}}) бүгінгі күннен ({{today}}) кейін бола алмайды.",
      ru: "Дата согласия ({{date}}) не может быть позже сегодняшнего дня ({{today}}).",
      en: "The consent date ({{date}}) cannot be later than today ({{today}}).",
      fr: "La date du consentement ({{date}}) ne peut pas être postérieure à aujourd'hui ({{today}}).",
    },
    IIN_ALREADY_REGISTERED: {
      kk: "ЖСН {{iin}} бар адам тіркеліп қойған.",
      ru: "Человек с ИИН {{iin}} уже зарегистрирован.",
      en: "A person with the IIN {{iin}} is already registered.",
      fr: "Une personne avec l'IIN {{iin}} est déjà enregistrée.",
    },
    INVALID_PHONE: {
      kk: "«{{phone}}» телефон нөмірі жарамсыз.",
      ru: "Номер телефона «{{phone}}» неверен.",
      en: "The phone number “{{phone}}” is not valid.",
      fr: "Le numéro de téléphone « {{phone}} » n'est pas valide.",
    },
    CONSENT_REQUIRED: {
      kk: "Дербес деректерді тек адамның келісімімен сақтауға болады; келісімсіз тек жасырын санын тіркеңіз.",
      ru: "Персональные данные можно хранить только с согласия человека; без него учитывайте анонимно.",
      en: "Personal data can be kept only with the person's consent; without it, record an anonymous count.",
      fr: "Les données personnelles ne peuvent être conservées qu'avec le consentement de la personne ; sans lui, enregistrez un décompte anonyme.",
    },
    PERSON_ANONYMISED: {
      kk: "Бұл адам келісімін қайтарып алды; оның дербес деректері жойылды.",
      ru: "Человек отозвал согласие; его персональные данные удалены.",
      en: "This person withdrew consent; their personal data has been removed.",
      fr: "Cette personne a retiré son consentement ; ses données personnelles ont été effacées.",
    },
  },
  entities: {
    person: { kk: "адам", ru: "человек", en: "person", fr: "personne" },
    household: { kk: "үй шаруашылығы", ru: "домохозяйство", en: "household", fr: "ménage" },
  },
  iinReasons: {
    format: {
      kk: "онда 12 цифр болуы керек",
      ru: "в нём должно быть 12 цифр",
      en: "it must have 12 digits",
      fr: "il doit compter 12 chiffres",
    },
    century: {
      kk: "жеке тұлға үшін жетінші цифр 1-ден 6-ға дейін болуы керек",
      ru: "седьмая цифра у физического лица должна быть от 1 до 6",
      en: "the seventh digit must be 1 to 6 for a person",
      fr: "le septième chiffre doit être entre 1 et 6 pour une personne",
    },
    "birth-date": {
      kk: "алғашқы алты цифр туған күнді білдірмейді",
      ru: "первые шесть цифр не образуют дату рождения",
      en: "the first six digits are not a date of birth",
      fr: "les six premiers chiffres ne forment pas une date de naissance",
    },
    "check-digit": {
      kk: "бақылау цифры сәйкес келмейді",
      ru: "не сходится контрольная цифра",
      en: "the check digit does not match",
      fr: "le chiffre de contrôle ne correspond pas",
    },
  },
};
