// French messages.
import type { Messages } from "../messages.js";

export const fr: Messages = {
  errors: {
    VALIDATION_FAILED: "La requête n'est pas valide : {{details}}",
    MALFORMED_REQUEST: "La requête n'a pas pu être lue : {{details}}",
    INVALID_CURSOR: "Le curseur de page n'est pas valide ; reprenez à la première page.",
    IDEMPOTENCY_KEY_REQUIRED: "Cette requête modifie des données et exige un en-tête Idempotency-Key.",
    UNAUTHENTICATED: "Veuillez vous connecter.",
    INVALID_CREDENTIALS: "L'identifiant ou le mot de passe est incorrect.",
    FORBIDDEN: "Vous pouvez voir cet enregistrement mais pas le modifier.",
    NOT_FOUND: "Introuvable : {{entity}}.",
    ROUTE_NOT_FOUND: "Cette adresse n'existe pas dans l'API.",
    METHOD_NOT_ALLOWED: "Cette adresse n'accepte pas cette méthode.",
    IDEMPOTENCY_KEY_REUSED: "Cette Idempotency-Key a déjà servi pour une autre requête.",
    CONCURRENT_UPDATE: "Quelqu'un d'autre a modifié cet enregistrement en même temps ; réessayez.",
    PAYLOAD_TOO_LARGE: "La requête est trop volumineuse.",
    UNSUPPORTED_MEDIA_TYPE: "Envoyez le corps de la requête en JSON.",
    LOGIN_RATE_LIMITED: "Trop de connexions échouées. Réessayez dans {{minutes}} minutes.",
    RATE_LIMITED: "Trop de requêtes. Réessayez dans un instant.",
    INTERNAL: "Une erreur s'est produite de notre côté. Rien n'a été enregistré.",
    ORG_PARENT_NOT_ALLOWED:
      "Une organisation de type « {{kind}} » ne peut pas dépendre d'un(e) « {{parentKind}} ».",
    ORG_MOVE_INTO_OWN_SUBTREE:
      "Une organisation ne peut pas être déplacée sous elle-même ou l'une de ses branches.",
    ORG_NOT_ACTIVE: "L'organisation « {{name}} » n'est pas active.",
    ORG_NOT_A_GROUP: "« {{name}} » n'est pas un groupe d'entraide.",
    ORG_HAS_ACTIVE_CHILDREN: "« {{name}} » a encore des organisations actives.",
    ORG_ROOT_CANNOT_MOVE: "L'association elle-même ne peut pas être déplacée.",
    ORG_DATE_BEFORE_OPENING: "La date {{date}} précède l'ouverture de l'organisation ({{openedOn}}).",
    TENANT_SLUG_TAKEN: "Le nom court « {{slug}} » est déjà pris.",
    INVALID_IIN: "L'IIN {{iin}} n'est pas valide : $t(iinReasons.{{reason}}).",
    IIN_BIRTH_DATE_MISMATCH: "L'IIN {{iin}} ne correspond pas à la date de naissance {{birthDate}}.",
    IIN_SEX_MISMATCH: "L'IIN {{iin}} ne correspond pas au sexe de la personne.",
    IIN_ALREADY_REGISTERED: "Une personne avec l'IIN {{iin}} est déjà enregistrée.",
    INVALID_PHONE: "Le numéro de téléphone « {{phone}} » n'est pas valide.",
    CONSENT_REQUIRED:
      "Les données personnelles ne peuvent être conservées qu'avec le consentement de la personne ; sans lui, enregistrez un décompte anonyme.",
    PERSON_ANONYMISED:
      "Cette personne a retiré son consentement ; ses données personnelles ont été effacées.",
    MEMBER_ALREADY_IN_GROUP: "Cette personne est déjà membre d'un groupe d'entraide : {{groupName}}.",
    MEMBERSHIP_ROLE_TAKEN: "Le groupe a déjà une $t(memberRoles.{{role}}) en fonction.",
    MEMBERSHIP_ALREADY_ENDED: "Cette adhésion est déjà terminée.",
    MEMBERSHIP_DATES_INVALID: "La date de départ {{leftOn}} précède la date d'adhésion {{joinedOn}}.",
    MEMBERSHIP_PERIOD_OVERLAP:
      "Cette personne a quitté son groupe précédent le {{leftOn}} ; une nouvelle adhésion ne peut pas commencer avant cette date ({{joinedOn}}).",
    LOGIN_TAKEN: "L'identifiant « {{login}} » est déjà pris.",
    WEAK_PASSWORD: "Le mot de passe doit compter au moins {{min}} caractères.",
    USER_DISABLED: "Ce compte utilisateur est désactivé.",
    CURRENT_PASSWORD_WRONG: "Votre mot de passe actuel est incorrect.",
    SELF_LOCKOUT:
      "Vous ne pouvez pas désactiver votre propre compte ni vous retirer le rôle d'administrateur.",
    JOURNAL_EMPTY: "Une écriture doit compter au moins deux lignes.",
    JOURNAL_LINE_ZERO: "La ligne {{line}} de l'écriture n'a pas de montant.",
    JOURNAL_UNBALANCED: "L'écriture n'est pas équilibrée en {{currency}} : écart de {{difference}}.",
    BOOKS_ALREADY_OPEN: "La comptabilité de « {{org}} » est déjà ouverte.",
    ACCOUNT_CODE_INVALID:
      "« {{code}} » n'est pas un code de compte : utilisez de 1 à 20 lettres, chiffres, points, tirets ou soulignés, en commençant par une lettre ou un chiffre.",
    ACCOUNT_CODE_TAKEN: "Un autre compte du plan porte déjà le code {{code}}.",
    ACCOUNT_NAME_INVALID:
      "Un compte doit avoir un nom d'au plus 200 caractères, sans « : » (qui sépare les niveaux du nom complet d'un compte).",
    ACCOUNT_NAME_TAKEN: "Le compte parent a déjà un compte nommé « {{name}} ».",
    ACCOUNT_CLOSED: "Le compte « {{account}} » est clôturé.",
    ACCOUNT_TOP_LEVEL: "« {{account}} » est un compte de premier niveau du plan et ne peut pas être clôturé.",
    ACCOUNT_HAS_CHILDREN:
      "Le compte « {{account}} » a encore des sous-comptes ouverts ; clôturez-les d'abord.",
    ACCOUNT_NOT_EMPTY:
      "Le compte « {{account}} » ne peut pas être clôturé : son solde est de {{balance}} {{currency}}.",
    JOURNAL_ALREADY_REVERSED: "Cette écriture a déjà été contrepassée.",
    JOURNAL_ENTRY_NOT_MANUAL:
      "Cette écriture a été passée pour un autre enregistrement (un prêt, une réunion…) ; corrigez-la par cet enregistrement.",
    SCHEDULE_TERMS_INVALID: "Ces conditions ne permettent pas d'établir un échéancier : {{details}}",
    PRODUCT_RATE_ABOVE_CAP:
      "Les prêts de ce produit pourraient coûter jusqu'à {{rate}} % par an, au-dessus du plafond légal de {{cap}} % en vigueur le {{date}}.",
    BOOKS_NOT_OPEN: "La comptabilité de {{org}} n'est pas encore ouverte : ouvrez-la d'abord.",
    LOAN_LENDER_KIND:
      "Une organisation de type « {{kind}} » ne peut pas prêter : les produits appartiennent à une IMF, une fédération ou un cluster.",
    LOAN_PRODUCT_NAME_TAKEN: "Un produit de prêt nommé « {{name}} » existe déjà ici.",
    LOAN_PRODUCT_RETIRED: "Le produit de prêt « {{name}} » n'est plus proposé.",
    LOAN_OUTSIDE_PRODUCT_LIMITS: "Pour ce produit, {{field}} doit être compris entre {{min}} et {{max}}.",
    LOAN_SHARES_INVALID: "Les parts des membres de ce prêt de groupe ne conviennent pas : {{details}}.",
    LOAN_WRONG_STATUS: "Impossible pour un prêt au statut « {{status}} ».",
    LOAN_MAKER_CHECKER:
      "Un prêt doit être approuvé ou refusé par une autre personne que celle qui a saisi la demande.",
    LOAN_DATE_IN_FUTURE: "La date du {{date}} est dans le futur.",
    LOAN_DATE_BEFORE_DISBURSEMENT: "La date du {{date}} précède le décaissement du prêt ({{disbursed}}).",
    LOAN_DATE_BEFORE_APPLICATION: "La date du {{date}} précède la demande ({{applied}}).",
    LOAN_OVERPAYMENT:
      "Le paiement dépasse de {{amount}} ce qui est dû ({{owed}}) : enregistrez-le comme avance ou réduisez-le.",
    LOAN_ALREADY_REVERSED: "Ce remboursement a déjà été annulé.",
    LOAN_REVERSAL_BLOCKED:
      "Ce remboursement ne peut pas être annulé : une opération ultérieure ({{kind}}) en dépend.",
    LOAN_WRITE_OFF_BACKDATED:
      "Une radiation ne peut pas être datée du {{date}}, avant la dernière opération enregistrée sur le prêt ({{last}}).",
    LOAN_NO_ADVANCE: "Il n'y a pas d'avance à rembourser sur ce prêt.",
    LOAN_GROUP_GRADE_REQUIRED:
      "« {{name}} » doit avoir la note {{required}} ou mieux pour ce produit ; sa dernière note est {{grade}}.",
    RULES_INVALID: "Les règles du groupe ne sont pas valides : {{details}}.",
    RULES_BEFORE_LATEST_MEETING:
      "Les règles à partir du {{date}} ne peuvent être adoptées : le groupe s'est déjà réuni le {{latest}} sous les règles alors en vigueur.",
    MEETING_NO_RULES:
      "Le groupe « {{name}} » n'a pas de règles en vigueur le {{date}} ; enregistrez d'abord ses règles.",
    MEETING_DATE_IN_FUTURE: "La date de réunion {{date}} est dans le futur.",
    MEETING_DATE_ORDER:
      "Une réunion du {{date}} ne peut être enregistrée : la dernière réunion du groupe date du {{latest}}.",
    MEETING_NOT_LATEST:
      "Seule la dernière réunion du groupe peut être corrigée ; celle du {{date}} est close.",
    MEETING_ALREADY_REVERSED: "Cette réunion a déjà été corrigée.",
    MEETING_ATTENDANCE_NOT_A_MEMBER:
      "La liste de présence contient une personne qui n'est pas membre du groupe à la date de la réunion ({{member}}).",
    MEETING_ATTENDANCE_TWICE: "{{member}} figure deux fois dans la liste de présence.",
    MEETING_ATTENDANCE_MISSING: "La liste de présence ne dit pas si {{member}} est venue.",
    MEETING_AMOUNT_NOT_POSITIVE: "Ligne {{line}} : le montant doit être supérieur à zéro.",
    MEETING_NOT_A_MEMBER:
      "Ligne {{line}} : cette personne n'est pas membre du groupe à la date de la réunion ({{member}}).",
    MEETING_SAVINGS_NOT_RULE:
      "Ligne {{line}} : l'épargne obligatoire de {{member}} doit être de {{rule}}, selon les règles du groupe.",
    MEETING_SHARES_NOT_RULE:
      "Ligne {{line}} : {{member}} doit acheter des parts entières de {{price}}, entre {{min}} et {{max}} par réunion.",
    MEETING_VOLUNTARY_NOT_ALLOWED:
      "Ligne {{line}} : les règles du groupe n'autorisent pas l'épargne volontaire ({{member}}).",
    MEETING_WITHDRAWAL_NOT_ALLOWED:
      "Ligne {{line}} : les règles du groupe n'autorisent pas les retraits d'épargne ({{member}}).",
    MEETING_WITHDRAWAL_ABOVE_SAVINGS: "Ligne {{line}} : {{member}} n'a que {{savings}} d'épargne.",
    MEETING_LOAN_OVER_LIMIT:
      "Ligne {{line}} : un prêt à {{member}} ne peut dépasser {{limit}} selon les règles du groupe.",
    MEETING_LOAN_TERM: "Ligne {{line}} : un prêt à {{member}} peut durer au plus {{max}} mois.",
    MEETING_LOAN_NOT_FOUND: "Ligne {{line}} : {{member}} n'a pas ce prêt en cours dans le groupe.",
    MEETING_REPAYMENT_OVER_OWED: "Ligne {{line}} : {{member}} ne doit que {{owed}} sur ce prêt.",
    MEETING_SOCIAL_PURPOSE:
      "Ligne {{line}} : selon les règles du groupe, le fonds social ne paie pas pour cela ({{purpose}}, {{member}}).",
    MEETING_SOCIAL_FUND_SHORT: "Ligne {{line}} : le fonds social ne contient que {{fund}} ({{member}}).",
    MEETING_EXTERNAL_REPAYMENT:
      "Ligne {{line}} : le remboursement ne correspond pas aux emprunts extérieurs dus ({{owed}}).",
    MEETING_BANK_SHORT: "Ligne {{line}} : le compte bancaire ne contient que {{bank}}.",
    MEETING_CASH_SHORT: "Ligne {{line}} : la caisse ne contient que {{cash}} à ce moment.",
    MEETING_CASH_MISMATCH: "L'argent compté ({{counted}}) ne correspond pas aux livres ({{books}}).",
    SHAREOUT_LOANS_OPEN:
      "{{count}} prêts internes sont encore en cours ; faites-les rembourser ou reportez-les explicitement.",
    SHAREOUT_NOTHING_SAVED: "Aucun membre n'a épargné pendant ce cycle ; il n'y a rien à partager.",
    SHAREOUT_CASH_BELOW_DEBTS:
      "La trésorerie du fonds de prêt du groupe ({{cash}}) est inférieure à ses dettes extérieures ({{debts}}) ; rien ne peut être partagé.",
    INVALID_DATE: "« {{value}} » n'est pas une date (format AAAA-MM-JJ).",
    UNKNOWN_CURRENCY: "« {{currency}} » n'est pas une devise connue.",
    UNKNOWN_TIME_ZONE: "« {{timeZone}} » n'est pas un fuseau horaire connu.",
    INVALID_AMOUNT: "« {{amount}} » n'est pas un montant en {{currency}}.",
    PERIOD_INVALID: "La période se termine ({{to}}) avant de commencer ({{from}}).",
  },
  entities: {
    organisation: "organisation",
    person: "personne",
    household: "ménage",
    membership: "adhésion",
    user: "utilisateur",
    grant: "droit d'accès",
    tenant: "locataire",
    loan: "prêt",
    loanProduct: "produit de prêt",
    record: "enregistrement",
    account: "compte",
    journalEntry: "écriture",
    group: "groupe",
    meeting: "réunion",
    internalLoan: "prêt interne",
  },
  memberRoles: {
    president: "présidente",
    secretary: "secrétaire",
    treasurer: "trésorière",
    member: "membre",
  },
  iinReasons: {
    format: "il doit compter 12 chiffres",
    century: "le septième chiffre doit être entre 1 et 6 pour une personne",
    "birth-date": "les six premiers chiffres ne forment pas une date de naissance",
    "check-digit": "le chiffre de contrôle ne correspond pas",
  },
  hiddenGroupName: "(un groupe auquel vous n'avez pas accès)",
  grading: {
    meetingRegularity:
      "{{held}} réunions tenues sur {{expected}} prévues ({{percent}} %) : {{points}} points sur {{max}}.",
    attendance:
      "Présence à {{attendances}} participations sur {{memberMeetings}} ({{percent}} %) : {{points}} points sur {{max}}.",
    savingsRegularity:
      "Épargne versée {{paid}} fois sur {{due}} ({{percent}} %) : {{points}} points sur {{max}}.",
    fundOnLoan: "{{percent}} % du fonds de crédit est prêté aux membres : {{points}} points sur {{max}}.",
    loanRotation:
      "{{borrowers}} membres sur {{members}} ont emprunté pendant la période ({{percent}} %) : {{points}} points sur {{max}}.",
    repaymentOnTime:
      "{{onTime}} échéances sur {{due}} remboursées à temps ({{percent}} %) : {{points}} points sur {{max}}.",
    booksUpToDate:
      "{{recordedWithinWeek}} réunions sur {{held}} saisies dans la semaine ({{percent}} %) : {{points}} points sur {{max}}.",
    groupSize: "{{members}} membres actifs : {{points}} points sur {{max}}.",
    notMeasured: {
      meetingRegularity:
        "Aucune réunion n'était prévue pendant la période : non mesuré, {{points}} points sur {{max}}.",
      attendance:
        "Aucune présence n'a été relevée pendant la période : non mesuré, {{points}} points sur {{max}}.",
      savingsRegularity:
        "Aucune épargne n'était due pendant la période : non mesuré, {{points}} points sur {{max}}.",
      fundOnLoan: "Le groupe n'a pas de fonds de crédit : non mesuré, {{points}} points sur {{max}}.",
      loanRotation: "Le groupe n'a pas de membres : non mesuré, {{points}} points sur {{max}}.",
      repaymentOnTime:
        "Aucune échéance de prêt n'est tombée pendant la période : non mesuré, {{points}} points sur {{max}}.",
      booksUpToDate:
        "Aucune réunion ne s'est tenue pendant la période : non mesuré, {{points}} points sur {{max}}.",
      groupSize: "Le groupe n'a pas de membres actifs : non mesuré, {{points}} points sur {{max}}.",
    },
  },
};
