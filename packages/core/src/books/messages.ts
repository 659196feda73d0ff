// The messages of the books: their errors, the names of the accounts of the chart templates
// (books/accounts.ts) and the descriptions of the entries Qadam writes outside loans and meetings.
import type { Texts } from "../i18n/texts.js";
import type { BooksErrorCode } from "./errors.js";

export type AccountNameKey =
  | "assets"
  | "liabilities"
  | "equity"
  | "income"
  | "expenses"
  | "cash"
  | "cashBox"
  | "bank"
  | "loanPortfolio"
  | "individualLoans"
  | "groupLoans"
  | "loansToGroups"
  | "loansToMembers"
  | "interestReceivable"
  | "feesReceivable"
  | "penaltiesReceivable"
  | "loanLossAllowance"
  | "socialFundCash"
  | "borrowings"
  | "clientAdvances"
  | "advancesFromGroups"
  | "membersSavings"
  | "externalLoans"
  | "socialFund"
  | "capital"
  | "revolvingFund"
  | "retainedEarnings"
  | "membershipFees"
  | "interestIncome"
  | "interestFromMembers"
  | "feeIncome"
  | "penaltyIncome"
  | "fines"
  | "otherIncome"
  | "recoveries"
  | "loanLosses"
  | "operatingExpenses"
  | "interestExpense"
  | "groupExpenses"
  | "interestOnExternalLoans";

export type BooksMessages = {
  errors: Record<BooksErrorCode, Texts>;
  entities: Record<"account" | "journalEntry", Texts>;
  /** The names of the accounts of the chart templates (books/accounts.ts), in the tenant's language. */
  chartOfAccounts: Record<AccountNameKey, Texts>;
  /** The descriptions of the journal entries Qadam writes itself, in the tenant's language. */
  journal: Record<"capitalContributed" | "cashFloatDrawn", Texts>;
};

export const booksMessages: BooksMessages = {
  errors: {
    JOURNAL_EMPTY: {
      kk: "Жазбада кемінде екі жол болуы керек.",
      ru: "Проводка должна содержать не менее двух строк.",
      en: "An entry needs at least two lines.",
      fr: "Une écriture doit compter au moins deux lignes.",
    },
    JOURNAL_LINE_ZERO: {
      kk: "Жазбаның {{line}}-жолында сома жоқ.",
      ru: "В строке {{line}} проводки нет суммы.",
      en: "Line {{line}} of the entry has no amount.",
      fr: "La ligne {{line}} de l'écriture n'a pas de montant.",
    },
    JOURNAL_UNBALANCED: {
      kk: "Жазба {{currency}} бойынша теңгерілмеген: айырма {{difference}}.",
      ru: "Проводка не сбалансирована в {{currency}}: расхождение {{difference}}.",
      en: "The entry does not balance in {{currency}}: it is off by {{difference}}.",
      fr: "L'écriture n'est pas équilibrée en {{currency}} : écart de {{difference}}.",
    },
    BOOKS_ALREADY_OPEN: {
      kk: "«{{org}}» ұйымының бухгалтерлік есебі бұрыннан ашылған.",
      ru: "Бухгалтерский учёт организации «{{org}}» уже открыт.",
      en: "The books of “{{org}}” are already open.",
      fr: "La comptabilité de « {{org}} » est déjà ouverte.",
    },
    ACCOUNT_CODE_INVALID: {
      kk: "«{{code}}» шот коды емес: әріптен немесе цифрдан басталатын 1–20 әріп, цифр, нүкте, сызықша немесе астыңғы сызық қолданыңыз.",
      ru: "«{{code}}» — не код счёта: используйте от 1 до 20 букв, цифр, точек, дефисов или подчёркиваний, начиная с буквы или цифры.",
      en: "“{{code}}” is not an account code: use 1 to 20 letters, digits, dots, dashes or underscores, starting with a letter or a digit.",
      fr: "« {{code}} » n'est pas un code de compte : utilisez de 1 à 20 lettres, chiffres, points, tirets ou soulignés, en commençant par une lettre ou un chiffre.",
    },
    ACCOUNT_CODE_TAKEN: {
      kk: "Шоттар жоспарында {{code}} коды бар шот бұрыннан бар.",
      ru: "В плане счетов уже есть счёт с кодом {{code}}.",
      en: "Another account of this chart already has the code {{code}}.",
      fr: "Un autre compte du plan porte déjà le code {{code}}.",
    },
    ACCOUNT_NAME_INVALID: {
      kk: "Шоттың 200 таңбадан аспайтын, «:» белгісі жоқ атауы болуы керек (бұл белгі шоттың толық атауының деңгейлерін бөледі).",
      ru: "У счёта должно быть название не длиннее 200 символов, без «:» (этот знак разделяет уровни полного названия счёта).",
      en: "An account needs a name of at most 200 characters, without “:” (it separates the levels of an account's full name).",
      fr: "Un compte doit avoir un nom d'au plus 200 caractères, sans « : » (qui sépare les niveaux du nom complet d'un compte).",
    },
    ACCOUNT_NAME_TAKEN: {
      kk: "Жоғарғы шотта «{{name}}» деген шот бұрыннан бар.",
      ru: "У родительского счёта уже есть счёт «{{name}}».",
      en: "The parent account already has an account named “{{name}}”.",
      fr: "Le compte parent a déjà un compte nommé « {{name}} ».",
    },
    ACCOUNT_CLOSED: {
      kk: "«{{account}}» шоты жабық.",
      ru: "Счёт «{{account}}» закрыт.",
      en: "The account “{{account}}” is closed.",
      fr: "Le compte « {{account}} » est clôturé.",
    },
    ACCOUNT_TOP_LEVEL: {
      kk: "«{{account}}» — шоттар жоспарының жоғарғы деңгейдегі шоты, оны жабуға болмайды.",
      ru: "«{{account}}» — счёт верхнего уровня плана счетов, его нельзя закрыть.",
      en: "“{{account}}” is a top-level account of the chart and cannot be closed.",
      fr: "« {{account}} » est un compte de premier niveau du plan et ne peut pas être clôturé.",
    },
    ACCOUNT_HAS_CHILDREN: {
      kk: "«{{account}}» шотының астында ашық шоттар бар; алдымен соларды жабыңыз.",
      ru: "У счёта «{{account}}» есть открытые субсчета; сначала закройте их.",
      en: "The account “{{account}}” still has open accounts under it; close them first.",
      fr: "Le compte « {{account}} » a encore des sous-comptes ouverts ; clôturez-les d'abord.",
    },
    ACCOUNT_NOT_EMPTY: {
      kk: "«{{account}}» шотын жабуға болмайды: оның сальдосы {{balance}}.",
      ru: "Счёт «{{account}}» нельзя закрыть: его сальдо {{balance}}.",
      en: "The account “{{account}}” cannot be closed: its balance is {{balance}}.",
      fr: "Le compte « {{account}} » ne peut pas être clôturé : son solde est de {{balance}}.",
    },
    JOURNAL_ALREADY_REVERSED: {
      kk: "Бұл жазба бұрыннан сторнирленген.",
      ru: "Эта проводка уже сторнирована.",
      en: "This entry has already been reversed.",
      fr: "Cette écriture a déjà été contrepassée.",
    },
    JOURNAL_ENTRY_NOT_MANUAL: {
      kk: "Бұл жазба басқа құжат (қарыз, жиналыс…) бойынша жасалған; оны сол құжат арқылы түзетіңіз.",
      ru: "Эта проводка создана по другой записи (займу, встрече…); исправляйте её через ту запись.",
      en: "This entry was posted for another record (a loan, a meeting…); correct it through that record.",
      fr: "Cette écriture a été passée pour un autre enregistrement (un prêt, une réunion…) ; corrigez-la par cet enregistrement.",
    },
    BOOKS_NOT_OPEN: {
      kk: "«{{org}}» ұйымының есеп кітаптары әлі ашылмаған: алдымен оларды ашыңыз.",
      ru: "Книги учёта организации «{{org}}» ещё не открыты: сначала откройте их.",
      en: "The books of {{org}} are not open yet: open them first.",
      fr: "La comptabilité de {{org}} n'est pas encore ouverte : ouvrez-la d'abord.",
    },
  },
  entities: {
    account: { kk: "шот", ru: "счёт", en: "account", fr: "compte" },
    journalEntry: { kk: "бухгалтерлік жазба", ru: "проводка", en: "journal entry", fr: "écriture" },
  },
  chartOfAccounts: {
    assets: { kk: "Активтер", ru: "Активы", en: "Assets", fr: "Actifs" },
    liabilities: { kk: "Міндеттемелер", ru: "Обязательства", en: "Liabilities", fr: "Passifs" },
    equity: { kk: "Меншікті капитал", ru: "Собственный капитал", en: "Equity", fr: "Capitaux propres" },
    income: { kk: "Кірістер", ru: "Доходы", en: "Income", fr: "Produits" },
    expenses: { kk: "Шығыстар", ru: "Расходы", en: "Expenses", fr: "Charges" },
    cash: { kk: "Касса", ru: "Касса", en: "Cash", fr: "Caisse" },
    cashBox: { kk: "Топтың кассасы", ru: "Касса группы", en: "Cash box", fr: "Caisse du groupe" },
    bank: { kk: "Банк шоты", ru: "Банковский счёт", en: "Bank", fr: "Banque" },
    loanPortfolio: {
      kk: "Қарыз портфелі",
      ru: "Кредитный портфель",
      en: "Loan portfolio",
      fr: "Portefeuille de prêts",
    },
    individualLoans: {
      kk: "Жеке қарыздар",
      ru: "Индивидуальные займы",
      en: "Individual loans",
      fr: "Prêts individuels",
    },
    groupLoans: { kk: "Топтық қарыздар", ru: "Групповые займы", en: "Group loans", fr: "Prêts de groupe" },
    loansToGroups: {
      kk: "Топтарға берілген қарыздар",
      ru: "Займы группам",
      en: "Loans to groups",
      fr: "Prêts aux groupes",
    },
    loansToMembers: {
      kk: "Мүшелерге берілген қарыздар",
      ru: "Займы участницам",
      en: "Loans to members",
      fr: "Prêts aux membres",
    },
    interestReceivable: {
      kk: "Алынатын сыйақы",
      ru: "Вознаграждение к получению",
      en: "Interest receivable",
      fr: "Intérêts à recevoir",
    },
    feesReceivable: {
      kk: "Алынатын комиссиялар",
      ru: "Комиссии к получению",
      en: "Fees receivable",
      fr: "Commissions à recevoir",
    },
    penaltiesReceivable: {
      kk: "Алынатын өсімпұлдар",
      ru: "Пени к получению",
      en: "Penalties receivable",
      fr: "Pénalités à recevoir",
    },
    loanLossAllowance: {
      kk: "Қарыздар бойынша шығындар резерві",
      ru: "Резерв на потери по займам",
      en: "Loan loss allowance",
      fr: "Provision pour pertes sur prêts",
    },
    socialFundCash: {
      kk: "Әлеуметтік қордың ақшасы",
      ru: "Денежные средства социального фонда",
      en: "Social fund cash",
      fr: "Trésorerie du fonds social",
    },
    borrowings: { kk: "Алынған қарыздар", ru: "Полученные займы", en: "Borrowings", fr: "Emprunts" },
    clientAdvances: {
      kk: "Клиенттердің аванстары",
      ru: "Авансы клиентов",
      en: "Client advances",
      fr: "Avances des clients",
    },
    advancesFromGroups: {
      kk: "Топтардың аванстары",
      ru: "Авансы групп",
      en: "Advances from groups",
      fr: "Avances des groupes",
    },
    membersSavings: {
      kk: "Мүшелердің жинақтары",
      ru: "Сбережения участниц",
      en: "Members' savings",
      fr: "Épargne des membres",
    },
    externalLoans: {
      kk: "Сыртқы қарыздар",
      ru: "Внешние займы",
      en: "External loans",
      fr: "Prêts extérieurs",
    },
    socialFund: { kk: "Әлеуметтік қор", ru: "Социальный фонд", en: "Social fund", fr: "Fonds social" },
    capital: { kk: "Жарғылық капитал", ru: "Уставный капитал", en: "Capital", fr: "Capital" },
    revolvingFund: {
      kk: "Айналым қоры",
      ru: "Возобновляемый фонд",
      en: "Revolving fund",
      fr: "Fonds renouvelable",
    },
    retainedEarnings: {
      kk: "Бөлінбеген пайда",
      ru: "Нераспределённая прибыль",
      en: "Retained earnings",
      fr: "Résultats reportés",
    },
    membershipFees: {
      kk: "Мүшелік жарналар",
      ru: "Членские взносы",
      en: "Membership fees",
      fr: "Cotisations",
    },
    interestIncome: {
      kk: "Сыйақы бойынша кірістер",
      ru: "Доходы по вознаграждению",
      en: "Interest income",
      fr: "Produits d'intérêts",
    },
    interestFromMembers: {
      kk: "Мүшелерден алынған сыйақы",
      ru: "Вознаграждение от участниц",
      en: "Interest from members",
      fr: "Intérêts des membres",
    },
    feeIncome: {
      kk: "Комиссиялық кірістер",
      ru: "Комиссионные доходы",
      en: "Fee income",
      fr: "Produits de commissions",
    },
    penaltyIncome: {
      kk: "Өсімпұлдан түскен кірістер",
      ru: "Доходы от пени",
      en: "Penalty income",
      fr: "Produits de pénalités",
    },
    fines: { kk: "Айыппұлдар", ru: "Штрафы", en: "Fines", fr: "Amendes" },
    otherIncome: { kk: "Басқа кірістер", ru: "Прочие доходы", en: "Other income", fr: "Autres produits" },
    recoveries: {
      kk: "Есептен шығарылған қарыздарды өндіру",
      ru: "Возврат списанных займов",
      en: "Recoveries of written-off loans",
      fr: "Recouvrements de prêts passés en perte",
    },
    loanLosses: {
      kk: "Қарыздар бойынша шығындар",
      ru: "Потери по займам",
      en: "Loan losses",
      fr: "Pertes sur prêts",
    },
    operatingExpenses: {
      kk: "Операциялық шығыстар",
      ru: "Операционные расходы",
      en: "Operating expenses",
      fr: "Charges d'exploitation",
    },
    interestExpense: {
      kk: "Сыйақы бойынша шығыстар",
      ru: "Расходы по вознаграждению",
      en: "Interest expense",
      fr: "Charges d'intérêts",
    },
    groupExpenses: { kk: "Топтың шығыстары", ru: "Расходы группы", en: "Expenses", fr: "Dépenses du groupe" },
    interestOnExternalLoans: {
      kk: "Сыртқы қарыздар бойынша сыйақы",
      ru: "Вознаграждение по внешним займам",
      en: "Interest on external loans",
      fr: "Intérêts des prêts extérieurs",
    },
  },
  journal: {
    capitalContributed: {
      kk: "Қауымдастық салған капитал",
      ru: "Капитал, внесённый ассоциацией",
      en: "Capital contributed by the association",
      fr: "Capital apporté par l'association",
    },
    cashFloatDrawn: {
      kk: "Банктен кассаға алынған қолма-қол ақша",
      ru: "Наличные, снятые с банковского счёта в кассу",
      en: "Cash float drawn from the bank",
      fr: "Fonds de caisse retiré de la banque",
    },
  },
};
