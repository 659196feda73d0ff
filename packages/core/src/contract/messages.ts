// The messages of the API's contract: its own errors, the name of a record of no particular kind, and
// the words a request's validation problems are told with (platform/http/validation.ts).
import type { Texts } from "../i18n/texts.js";
import type { ContractErrorCode } from "./errors.js";

export type ValidationKey =
  | "required"
  | "type"
  | "tooShort"
  | "tooLong"
  | "tooLow"
  | "tooLowExclusive"
  | "tooHigh"
  | "tooHighExclusive"
  | "tooFew"
  | "tooMany"
  | "format"
  | "multipleOf"
  | "unknownKeys"
  | "oneOf"
  | "union"
  | "date"
  | "amount"
  | "id"
  | "invalid"
  | "theRequest"
  | "aField";

export type ValueKind =
  | "string"
  | "number"
  | "int"
  | "boolean"
  | "object"
  | "array"
  | "null"
  | "date"
  | "bigint"
  | "other";

/** The checks a schema's refinements name in their params ({ check: "tenths", ... }). */
export type ValidationCheck =
  | "tenths"
  | "aboveCriterionMax"
  | "topStepAwardsMax"
  | "thresholdsGoDown"
  | "lowerStepAwardsLess"
  | "oneCriterionCounts"
  | "bandBelowB"
  | "bandAboveTotal"
  | "daysInYear"
  | "controlCharacters"
  | "nameRequired"
  | "sharesMinAboveMax"
  | "sharePricePositive";

export type ContractMessages = {
  errors: Record<ContractErrorCode, Texts>;
  entities: Record<"record", Texts>;
  /**
   * A request's validation problems, from Zod's issue codes (platform/http/validation.ts): each text
   * names the field by its label ({{field}}, from contract/fields.ts), never by its JSON key.
   */
  validation: Record<ValidationKey, Texts> & {
    kinds: Record<ValueKind, Texts>;
    /** A schema's own checks, named by the key a refinement carries in its params (`check`). */
    checks: Record<ValidationCheck, Texts>;
  };
};

export const contractMessages: ContractMessages = {
  errors: {
    VALIDATION_FAILED: {
      kk: "Сұраныс дұрыс толтырылмаған: {{details}}",
      ru: "Запрос заполнен неверно: {{details}}",
      en: "The request is not valid: {{details}}",
      fr: "La requête n'est pas valide : {{details}}",
    },
    MALFORMED_REQUEST: {
      kk: "Сұранысты оқу мүмкін болмады: {{details}}",
      ru: "Не удалось прочитать запрос: {{details}}",
      en: "The request could not be read: {{details}}",
      fr: "La requête n'a pas pu être lue : {{details}}",
    },
    BODY_TOO_DEEP: {
      kk: "Сұраныс мазмұнындағы тізімдер мен нысандар {{max}} деңгейден тереңірек кірістірілген.",
      ru: "В теле запроса списки и объекты вложены глубже {{max}} уровней.",
      en: "The request body nests lists and objects more than {{max}} levels deep.",
      fr: "Le corps de la requête imbrique des listes et des objets sur plus de {{max}} niveaux.",
    },
    INVALID_CURSOR: {
      kk: "Бет курсоры жарамсыз; бірінші беттен бастаңыз.",
      ru: "Неверный курсор страницы; начните с первой страницы.",
      en: "The page cursor is not valid; start again from the first page.",
      fr: "Le curseur de page n'est pas valide ; reprenez à la première page.",
    },
    IDEMPOTENCY_KEY_REQUIRED: {
      kk: "Бұл сұраныс деректерді өзгертеді, оған Idempotency-Key тақырыбы қажет.",
      ru: "Запрос изменяет данные и должен содержать заголовок Idempotency-Key.",
      en: "This request changes data and needs an Idempotency-Key header.",
      fr: "Cette requête modifie des données et exige un en-tête Idempotency-Key.",
    },
    NOT_FOUND: {
      kk: "Табылмады: {{entity}}.",
      ru: "Не найдено: {{entity}}.",
      en: "No such {{entity}}.",
      fr: "Introuvable : {{entity}}.",
    },
    ROUTE_NOT_FOUND: {
      kk: "API-да мұндай мекенжай жоқ.",
      ru: "Такого адреса в API нет.",
      en: "There is no such address in the API.",
      fr: "Cette adresse n'existe pas dans l'API.",
    },
    METHOD_NOT_ALLOWED: {
      kk: "Бұл мекенжай мұндай әдісті қабылдамайды.",
      ru: "Этот адрес не принимает такой метод.",
      en: "This address does not accept that method.",
      fr: "Cette adresse n'accepte pas cette méthode.",
    },
    IDEMPOTENCY_KEY_REUSED: {
      kk: "Бұл Idempotency-Key басқа сұраныс үшін пайдаланылған.",
      ru: "Этот Idempotency-Key уже использован для другого запроса.",
      en: "This Idempotency-Key was already used for a different request.",
      fr: "Cette Idempotency-Key a déjà servi pour une autre requête.",
    },
    CONCURRENT_UPDATE: {
      kk: "Жазбаны бір мезгілде басқа пайдаланушы өзгертті; қайталап көріңіз.",
      ru: "Запись одновременно изменил другой пользователь; повторите попытку.",
      en: "Someone else changed this record at the same time; please try again.",
      fr: "Quelqu'un d'autre a modifié cet enregistrement en même temps ; réessayez.",
    },
    PAYLOAD_TOO_LARGE: {
      kk: "Сұраныс тым үлкен.",
      ru: "Запрос слишком большой.",
      en: "The request is too large.",
      fr: "La requête est trop volumineuse.",
    },
    UNSUPPORTED_MEDIA_TYPE: {
      kk: "Сұраныс денесін JSON түрінде жіберіңіз.",
      ru: "Отправьте тело запроса в формате JSON.",
      en: "Send the request body as JSON.",
      fr: "Envoyez le corps de la requête en JSON.",
    },
    RATE_LIMITED: {
      kk: "Сұраныстар тым көп. Сәлден кейін қайталаңыз.",
      ru: "Слишком много запросов. Повторите чуть позже.",
      en: "Too many requests. Try again in a moment.",
      fr: "Trop de requêtes. Réessayez dans un instant.",
    },
    INTERNAL: {
      kk: "Біз жақта қате орын алды. Ештеңе сақталған жоқ.",
      ru: "На нашей стороне произошла ошибка. Ничего не сохранено.",
      en: "Something went wrong on our side. Nothing was saved.",
      fr: "Une erreur s'est produite de notre côté. Rien n'a été enregistré.",
    },
    INVALID_DATE: {
      kk: "«{{value}}» күн емес (ЖЖЖЖ-АА-КК пішімін қолданыңыз).",
      ru: "«{{value}}» — не дата (формат ГГГГ-ММ-ДД).",
      en: "“{{value}}” is not a date (use YYYY-MM-DD).",
      fr: "« {{value}} » n'est pas une date (format AAAA-MM-JJ).",
    },
    UNKNOWN_TIME_ZONE: {
      kk: "«{{timeZone}}» уақыт белдеуі белгісіз.",
      ru: "Часовой пояс «{{timeZone}}» неизвестен.",
      en: "“{{timeZone}}” is not a known time zone.",
      fr: "« {{timeZone}} » n'est pas un fuseau horaire connu.",
    },
    PERIOD_INVALID: {
      kk: "Кезеңнің соңы ({{to}}) басынан ({{from}}) бұрын тұр.",
      ru: "Период заканчивается ({{to}}) раньше, чем начинается ({{from}}).",
      en: "The period ends ({{to}}) before it starts ({{from}}).",
      fr: "La période se termine ({{to}}) avant de commencer ({{from}}).",
    },
    INVALID_ID: {
      kk: "«{{value}}» — жазбаның қажетті түрдегі сәйкестендіргіші емес: жетінші нұсқалы бірегей сәйкестендіргіш керек.",
      ru: "«{{value}}» — не идентификатор записи нужного вида: нужен уникальный идентификатор седьмой версии.",
      en: "“{{value}}” is not a record id of the expected form: a UUID of version 7.",
      fr: "« {{value}} » n'est pas un identifiant de la forme attendue : un UUID de version 7.",
    },
    ID_CONFLICT: {
      kk: "{{id}} сәйкестендіргіші басқа жазбаға немесе осы жазбаға басқа мазмұнмен берілген; ештеңе өзгертілмеді. Жазбаны алғаш жіберілгендей жіберіңіз немесе оған жаңа сәйкестендіргіш беріңіз.",
      ru: "Идентификатор {{id}} уже занят другой записью или этой же записью с другим содержанием; ничего не изменено. Отправьте запись такой, какой она была отправлена впервые, или дайте ей новый идентификатор.",
      en: "The id {{id}} is already taken by another record, or by this one with different contents; nothing was changed. Send the record as first sent, or give it a new id.",
      fr: "L'identifiant {{id}} est déjà pris par un autre enregistrement, ou par celui-ci avec un autre contenu ; rien n'a été modifié. Envoyez l'enregistrement tel qu'envoyé la première fois, ou donnez-lui un nouvel identifiant.",
    },
  },
  validation: {
    required: {
      kk: "«{{field}}» өрісі міндетті.",
      ru: "Поле «{{field}}» обязательно.",
      en: "The field “{{field}}” is required.",
      fr: "Le champ « {{field}} » est obligatoire.",
    },
    type: {
      kk: "«{{field}}» өрісі {{kind}} болуы керек.",
      ru: "Поле «{{field}}» должно быть {{kind}}.",
      en: "The field “{{field}}” must be {{kind}}.",
      fr: "Le champ « {{field}} » doit être {{kind}}.",
    },
    tooShort: {
      kk: "«{{field}}» өрісінде кемінде {{limit}} таңба болуы керек.",
      ru: "Поле «{{field}}» должно содержать не менее {{limit}} символов.",
      en: "The field “{{field}}” must have at least {{limit}} characters.",
      fr: "Le champ « {{field}} » doit compter au moins {{limit}} caractères.",
    },
    tooLong: {
      kk: "«{{field}}» өрісінде ең көбі {{limit}} таңба болуы керек.",
      ru: "Поле «{{field}}» должно содержать не более {{limit}} символов.",
      en: "The field “{{field}}” must have at most {{limit}} characters.",
      fr: "Le champ « {{field}} » doit compter au plus {{limit}} caractères.",
    },
    tooLow: {
      kk: "«{{field}}» өрісінің мәні кемінде {{limit}} болуы керек.",
      ru: "Значение поля «{{field}}» должно быть не меньше {{limit}}.",
      en: "The field “{{field}}” must be at least {{limit}}.",
      fr: "Le champ « {{field}} » doit valoir au moins {{limit}}.",
    },
    tooLowExclusive: {
      kk: "«{{field}}» өрісінің мәні {{limit}} санынан үлкен болуы керек.",
      ru: "Значение поля «{{field}}» должно быть больше {{limit}}.",
      en: "The field “{{field}}” must be more than {{limit}}.",
      fr: "Le champ « {{field}} » doit valoir plus de {{limit}}.",
    },
    tooHigh: {
      kk: "«{{field}}» өрісінің мәні ең көбі {{limit}} болуы керек.",
      ru: "Значение поля «{{field}}» должно быть не больше {{limit}}.",
      en: "The field “{{field}}” must be at most {{limit}}.",
      fr: "Le champ « {{field}} » doit valoir au plus {{limit}}.",
    },
    tooHighExclusive: {
      kk: "«{{field}}» өрісінің мәні {{limit}} санынан кіші болуы керек.",
      ru: "Значение поля «{{field}}» должно быть меньше {{limit}}.",
      en: "The field “{{field}}” must be less than {{limit}}.",
      fr: "Le champ « {{field}} » doit valoir moins de {{limit}}.",
    },
    tooFew: {
      kk: "«{{field}}» өрісінде кемінде {{limit}} элемент болуы керек.",
      ru: "Поле «{{field}}» должно содержать не менее {{limit}} элементов.",
      en: "The field “{{field}}” must have at least {{limit}} items.",
      fr: "Le champ « {{field}} » doit contenir au moins {{limit}} éléments.",
    },
    tooMany: {
      kk: "«{{field}}» өрісінде ең көбі {{limit}} элемент болуы керек.",
      ru: "Поле «{{field}}» должно содержать не более {{limit}} элементов.",
      en: "The field “{{field}}” must have at most {{limit}} items.",
      fr: "Le champ « {{field}} » doit contenir au plus {{limit}} éléments.",
    },
    format: {
      kk: "«{{field}}» өрісі үлгіге сай толтырылмаған: «{{value}}».",
      ru: "Поле «{{field}}» заполнено не по образцу: «{{value}}».",
      en: "The field “{{field}}” is not in the expected form: “{{value}}”.",
      fr: "Le champ « {{field}} » n'a pas la forme attendue : « {{value}} ».",
    },
    multipleOf: {
      kk: "«{{field}}» өрісінің мәні {{divisor}} санына еселік болуы керек.",
      ru: "Значение поля «{{field}}» должно быть кратно {{divisor}}.",
      en: "The field “{{field}}” must be a multiple of {{divisor}}.",
      fr: "Le champ « {{field}} » doit être un multiple de {{divisor}}.",
    },
    unknownKeys: {
      kk: "«{{field}}» бөлімінде белгісіз өрістер бар: {{keys}}.",
      ru: "Неизвестные поля в разделе «{{field}}»: {{keys}}.",
      en: "Unknown fields in “{{field}}”: {{keys}}.",
      fr: "Champs inconnus dans la partie « {{field}} » : {{keys}}.",
    },
    oneOf: {
      kk: "«{{field}}» өрісі мына мәндердің бірі болуы керек: {{values}}.",
      ru: "Поле «{{field}}» должно принимать одно из значений: {{values}}.",
      en: "The field “{{field}}” must be one of: {{values}}.",
      fr: "Le champ « {{field}} » doit être l'une des valeurs : {{values}}.",
    },
    union: {
      kk: "«{{field}}» өрісі рұқсат етілген түрлердің ешқайсысына сай келмейді.",
      ru: "Поле «{{field}}» не подходит ни под один из допустимых видов.",
      en: "The field “{{field}}” matches none of the accepted forms.",
      fr: "Le champ « {{field}} » ne correspond à aucune des formes acceptées.",
    },
    date: {
      kk: "«{{field}}» өрісі: «{{value}}» — күнтізбелік күн емес (ЖЖЖЖ-АА-КК пішімін қолданыңыз).",
      ru: "Поле «{{field}}»: «{{value}}» — не календарная дата (формат ГГГГ-ММ-ДД).",
      en: "The field “{{field}}”: “{{value}}” is not a calendar date (use YYYY-MM-DD).",
      fr: "Le champ « {{field}} » : « {{value}} » n'est pas une date du calendrier (format AAAA-MM-JJ).",
    },
    amount: {
      kk: "«{{field}}» өрісі: «{{value}}» — сома емес (сандар, қажет болса ондық нүктемен, мысалы 1250.50).",
      ru: "Поле «{{field}}»: «{{value}}» — не сумма (цифры с необязательной десятичной точкой, например 1250.50).",
      en: "The field “{{field}}”: “{{value}}” is not an amount (digits with an optional decimal point, such as 1250.50).",
      fr: "Le champ « {{field}} » : « {{value}} » n'est pas un montant (des chiffres avec un point décimal facultatif, par exemple 1250.50).",
    },
    id: {
      kk: "«{{field}}» өрісі: «{{value}}» — жетінші нұсқалы бірегей сәйкестендіргіш емес.",
      ru: "Поле «{{field}}»: «{{value}}» — не уникальный идентификатор седьмой версии.",
      en: "The field “{{field}}”: “{{value}}” is not a UUID of version 7.",
      fr: "Le champ « {{field}} » : « {{value}} » n'est pas un UUID de version 7.",
    },
    invalid: {
      kk: "«{{field}}» өрісі дұрыс толтырылмаған.",
      ru: "Поле «{{field}}» заполнено неверно.",
      en: "The field “{{field}}” is not valid.",
      fr: "Le champ « {{field}} » n'est pas valide.",
    },
    theRequest: { kk: "сұраныс", ru: "запрос", en: "request", fr: "requête" },
    aField: { kk: "мән", ru: "значение", en: "value", fr: "valeur" },
    kinds: {
      string: { kk: "мәтін", ru: "текстом", en: "text", fr: "du texte" },
      number: { kk: "сан", ru: "числом", en: "a number", fr: "un nombre" },
      int: { kk: "бүтін сан", ru: "целым числом", en: "a whole number", fr: "un nombre entier" },
      boolean: {
        kk: "логикалық мән (иә немесе жоқ)",
        ru: "логическим значением (да или нет)",
        en: "true or false",
        fr: "vrai ou faux",
      },
      object: { kk: "нысан", ru: "объектом", en: "an object", fr: "un objet" },
      array: { kk: "тізім", ru: "списком", en: "a list", fr: "une liste" },
      null: { kk: "бос", ru: "пустым", en: "empty", fr: "vide" },
      date: { kk: "күн", ru: "датой", en: "a date", fr: "une date" },
      bigint: { kk: "бүтін сан", ru: "целым числом", en: "a whole number", fr: "un nombre entier" },
      other: {
        kk: "басқа түрдегі мән",
        ru: "значением другого вида",
        en: "another kind of value",
        fr: "une valeur d'un autre type",
      },
    },
    checks: {
      tenths: {
        kk: "«{{field}}» өрісі үтірден кейін ең көбі бір таңбасы бар пайыз болуы керек, мысалы 66.5.",
        ru: "Поле «{{field}}» должно быть процентом не более чем с одним знаком после точки, например 66.5.",
        en: "The field “{{field}}” must be a percent with at most one decimal, such as 66.5.",
        fr: "Le champ « {{field}} » doit être un pourcentage avec au plus une décimale, par exemple 66.5.",
      },
      aboveCriterionMax: {
        kk: "«{{field}}» өрісінің мәні өлшемнің ең жоғары мәнінен ({{max}}) асып кетті.",
        ru: "Значение поля «{{field}}» больше максимума критерия ({{max}}).",
        en: "The field “{{field}}” is more than the criterion's maximum ({{max}}).",
        fr: "Le champ « {{field}} » dépasse le maximum du critère ({{max}}).",
      },
      topStepAwardsMax: {
        kk: "«{{field}}» өрісі: ең жоғарғы саты өлшемнің ең жоғары мәнін беруі керек.",
        ru: "Поле «{{field}}»: высшая ступень должна давать максимум критерия.",
        en: "The field “{{field}}”: the highest step must award the criterion's maximum.",
        fr: "Le champ « {{field}} » : le palier le plus haut doit accorder le maximum du critère.",
      },
      thresholdsGoDown: {
        kk: "«{{field}}» өрісі: шектер қатаң кемуі керек.",
        ru: "Поле «{{field}}»: пороги должны строго убывать.",
        en: "The field “{{field}}”: thresholds must go strictly down.",
        fr: "Le champ « {{field}} » : les seuils doivent être strictement décroissants.",
      },
      lowerStepAwardsLess: {
        kk: "«{{field}}» өрісі: төменгі саты жоғарғы сатыдан көп бере алмайды.",
        ru: "Поле «{{field}}»: нижняя ступень не может давать больше, чем ступень выше.",
        en: "The field “{{field}}”: a lower step cannot award more than the one above.",
        fr: "Le champ « {{field}} » : un palier inférieur ne peut pas accorder plus que celui du dessus.",
      },
      oneCriterionCounts: {
        kk: "«{{field}}» өрісі: кемінде бір өлшем есепке алынуы керек.",
        ru: "Поле «{{field}}»: должен учитываться хотя бы один критерий.",
        en: "The field “{{field}}”: at least one criterion must count.",
        fr: "Le champ « {{field}} » : au moins un critère doit compter.",
      },
      bandBelowB: {
        kk: "«{{field}}» өрісінің мәні B шегінен ({{b}}) төмен.",
        ru: "Значение поля «{{field}}» ниже порога B ({{b}}).",
        en: "The field “{{field}}” is below band B ({{b}}).",
        fr: "Le champ « {{field}} » est inférieur au seuil B ({{b}}).",
      },
      bandAboveTotal: {
        kk: "«{{field}}» өрісінің мәні жалпы ең жоғары мәннен ({{total}}) асып кетті.",
        ru: "Значение поля «{{field}}» выше общего максимума ({{total}}).",
        en: "The field “{{field}}” is above the total maximum ({{total}}).",
        fr: "Le champ « {{field}} » dépasse le maximum total ({{total}}).",
      },
      daysInYear: {
        kk: "«{{field}}» өрісінің мәні 365 немесе 360 болуы керек.",
        ru: "Значение поля «{{field}}» должно быть 365 или 360.",
        en: "The field “{{field}}” must be 365 or 360.",
        fr: "Le champ « {{field}} » doit valoir 365 ou 360.",
      },
      controlCharacters: {
        kk: "«{{field}}» өрісінде басқару таңбалары болмауы керек.",
        ru: "Поле «{{field}}» не должно содержать управляющих символов.",
        en: "The field “{{field}}” must not contain control characters.",
        fr: "Le champ « {{field}} » ne doit pas contenir de caractères de contrôle.",
      },
      nameRequired: {
        kk: "Тегін немесе атын көрсетіңіз.",
        ru: "Укажите фамилию или имя.",
        en: "Give a family name or a given name.",
        fr: "Indiquez un nom de famille ou un prénom.",
      },
      sharesMinAboveMax: {
        kk: "«{{field}}» өрісінің мәні үлестердің ең көп санынан асып кетті.",
        ru: "Значение поля «{{field}}» больше максимального числа долей.",
        en: "The field “{{field}}” is above the maximum number of shares.",
        fr: "Le champ « {{field}} » dépasse le nombre maximal de parts.",
      },
      sharePricePositive: {
        kk: "«{{field}}» өрісінің мәні нөлден үлкен болуы керек.",
        ru: "Значение поля «{{field}}» должно быть больше нуля.",
        en: "The field “{{field}}” must be above zero.",
        fr: "Le champ « {{field}} » doit être supérieur à zéro.",
      },
    },
  },
  entities: {
    record: { kk: "жазба", ru: "запись", en: "record", fr: "enregistrement" },
  },
};
