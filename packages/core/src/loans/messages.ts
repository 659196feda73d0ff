// The messages of loans: their errors and the phrases those take, the words for a loan's statuses,
// transactions and fields, and the descriptions of the journal entries a loan writes.
import type { Texts } from "../i18n/texts.js";
import type { LoanErrorCode, LoanProblemKey } from "./errors.js";

// Named here for the messages; a test (apps/server/src/loans/messages.test.ts) checks them against the store's lists.
export type LoanStatusName = "applied" | "approved" | "rejected" | "active" | "closed" | "written_off";
export type LoanTransactionKindName =
  | "disbursement"
  | "repayment"
  | "prepayment"
  | "penalty"
  | "reversal"
  | "reschedule"
  | "write_off"
  | "recovery"
  | "refund";

export type LoanMessages = {
  errors: Record<LoanErrorCode, Texts>;
  entities: Record<"loan" | "loanProduct", Texts>;
  /** Statuses by domain, as the word a message shows for them ("$t(statuses.loan.{{status}})"). */
  statuses: { loan: Record<LoanStatusName, Texts> };
  loanTransactionKinds: Record<LoanTransactionKindName, Texts>;
  loanFields: Record<"principal" | "installments", Texts>;
  /** Phrases a message takes as a parameter (a PhraseParam of errors.ts). */
  problems: Record<LoanProblemKey, Texts>;
  /** The descriptions of the journal entries a loan writes, in the tenant's language. */
  journal: Record<
    | "loanDisbursed"
    | "loanPenalty"
    | "loanRepayment"
    | "loanPrepayment"
    | "loanReversal"
    | "loanRepaymentReapplied"
    | "loanReprocessed"
    | "loanRepaymentReprocessed"
    | "loanPrepaymentReprocessed"
    | "loanWrittenOffReprocessed"
    | "loanWrittenOff"
    | "loanRecovery"
    | "loanAdvanceRefunded",
    Texts
  >;
};

export const loanMessages: LoanMessages = {
  errors: {
    SCHEDULE_TERMS_INVALID: {
      kk: "Бұл шарттар бойынша кесте құру мүмкін емес: {{details}}",
      ru: "По этим условиям нельзя построить график: {{details}}",
      en: "These loan terms cannot make a schedule: {{details}}",
      fr: "Ces conditions ne permettent pas d'établir un échéancier : {{details}}",
    },
    SCHEDULE_OPTION_UNUSED: {
      kk: "{{option}} параметрі тек {{requires}} болғанда әсер етеді: оны алып тастаңыз немесе шарттарды өзгертіңіз.",
      ru: "Параметр {{option}} действует только при {{requires}}: уберите его или измените условия.",
      en: "The option {{option}} has no effect unless {{requires}}: leave it out or change the terms.",
      fr: "L'option {{option}} n'a d'effet qu'avec {{requires}} : retirez-la ou changez les conditions.",
    },
    SCHEDULE_ROUNDING_ZERO: {
      kk: "Төлемдерді {{rounding}} еселігіне дейін дөңгелектеуге болмайды: кемінде бір ең кіші ақша бірлігін көрсетіңіз (мысалы, 1 немесе 100) немесе дөңгелектеуді көрсетпеңіз.",
      ru: "Платежи нельзя округлять до суммы, кратной {{rounding}}: укажите не меньше одной минимальной денежной единицы (например, 1 или 100) или не указывайте округление.",
      en: "Installments cannot be rounded to a multiple of {{rounding}}: give at least one minor unit (for example 1 or 100), or leave the rounding out.",
      fr: "Les échéances ne peuvent pas être arrondies à un multiple de {{rounding}} : indiquez au moins une unité (par exemple 1 ou 100), ou aucun arrondi.",
    },
    SCHEDULE_RATE_ABOVE_CAP: {
      kk: "Бұл кесте бойынша ЖТСМ {{rate}} % құрайды, бұл {{date}} күні қолданыстағы {{cap}} % шегінен жоғары: мұндай шарттармен қарыз берілмейді.",
      ru: "ГЭСВ по этому графику составляет {{rate}} %, что выше предельного значения {{cap}} %, действующего на {{date}}: заём на таких условиях будет отклонён.",
      en: "The effective annual rate of this schedule is {{rate}} %, above the legal cap of {{cap}} % in force on {{date}}: a loan on these terms would be refused.",
      fr: "Le taux annuel effectif de cet échéancier est de {{rate}} %, au-dessus du plafond légal de {{cap}} % en vigueur le {{date}} : un prêt à ces conditions serait refusé.",
    },
    PRODUCT_RATE_ABOVE_CAP: {
      kk: "Бұл өнім бойынша қарыздардың ЖТСМ {{rate}} %-ға дейін жетуі мүмкін, бұл {{date}} күні қолданыстағы {{cap}} % шегінен жоғары.",
      ru: "ГЭСВ займов по этому продукту может достигать {{rate}} %, что выше предельного значения {{cap}} %, действующего на {{date}}.",
      en: "Loans of this product could cost up to {{rate}} % a year, above the legal cap of {{cap}} % in force on {{date}}.",
      fr: "Les prêts de ce produit pourraient coûter jusqu'à {{rate}} % par an, au-dessus du plafond légal de {{cap}} % en vigueur le {{date}}.",
    },
    LOAN_LENDER_KIND: {
      kk: "«$t(orgKinds.{{kind}})» түріндегі ұйым қарыз бере алмайды: өнімдер МҚҰ, федерация немесе кластерде болады.",
      ru: "Организация вида «$t(orgKinds.{{kind}})» не может выдавать займы: продукты бывают у МФО, федерации или кластера.",
      en: "An organisation of the kind “$t(orgKinds.{{kind}})” cannot lend: loan products belong to a micro-credit organisation, a federation or a cluster.",
      fr: "Une organisation de type « $t(orgKinds.{{kind}}) » ne peut pas prêter : les produits appartiennent à une IMF, une fédération ou un cluster.",
    },
    LOAN_PRODUCT_NAME_TAKEN: {
      kk: "«{{name}}» атты қарыз өнімі мұнда бар.",
      ru: "Кредитный продукт «{{name}}» здесь уже есть.",
      en: "A loan product named “{{name}}” already exists here.",
      fr: "Un produit de prêt nommé « {{name}} » existe déjà ici.",
    },
    LOAN_PRODUCT_RETIRED: {
      kk: "«{{name}}» қарыз өнімі енді ұсынылмайды.",
      ru: "Кредитный продукт «{{name}}» больше не предлагается.",
      en: "The loan product “{{name}}” is no longer offered.",
      fr: "Le produit de prêt « {{name}} » n'est plus proposé.",
    },
    LOAN_OUTSIDE_PRODUCT_LIMITS: {
      kk: "Бұл өнім үшін $t(loanFields.{{field}}) {{min}} – {{max}} аралығында болуы керек.",
      ru: "Для этого продукта $t(loanFields.{{field}}): от {{min}} до {{max}}.",
      en: "The $t(loanFields.{{field}}) must be between {{min}} and {{max}} for this product.",
      fr: "Pour ce produit, $t(loanFields.{{field}}) doit être compris entre {{min}} et {{max}}.",
    },
    LOAN_SHARES_INVALID: {
      kk: "Топтық қарыздағы мүшелердің үлестері дұрыс емес: {{details}}.",
      ru: "Доли участниц группового займа указаны неверно: {{details}}.",
      en: "The members' shares of this group loan are not right: {{details}}.",
      fr: "Les parts des membres de ce prêt de groupe ne conviennent pas : {{details}}.",
    },
    LOAN_WRONG_STATUS: {
      kk: "Мәртебесі «$t(statuses.loan.{{status}})» қарызбен мұны істеуге болмайды.",
      ru: "Это нельзя сделать с займом в статусе «$t(statuses.loan.{{status}})».",
      en: "This cannot be done to a loan whose status is “$t(statuses.loan.{{status}})”.",
      fr: "Impossible pour un prêt au statut « $t(statuses.loan.{{status}}) ».",
    },
    LOAN_MAKER_CHECKER: {
      kk: "Өтінімді оны енгізген қызметкер емес, басқа адам мақұлдауы немесе қабылдамауы керек.",
      ru: "Заявку должен одобрить или отклонить не тот сотрудник, который её ввёл.",
      en: "A loan must be approved or rejected by someone other than the person who entered the application.",
      fr: "Un prêt doit être approuvé ou refusé par une autre personne que celle qui a saisi la demande.",
    },
    LOAN_REQUEST_MAKER_CHECKER: {
      kk: "Қарызды есептен шығару немесе қайта құрылымдау сұранымын оны берген қызметкер емес, басқа адам мақұлдауы немесе қабылдамауы керек.",
      ru: "Запрос на списание или реструктуризацию должен одобрить или отклонить не тот сотрудник, который его подал.",
      en: "A write-off or a reschedule must be approved or rejected by someone other than the person who asked for it.",
      fr: "Une passation en perte ou un rééchelonnement doit être approuvé ou refusé par une autre personne que celle qui l'a demandé.",
    },
    LOAN_REQUEST_PENDING: {
      kk: "Бұл қарыз бойынша шешім күтіп тұрған есептен шығару немесе қайта құрылымдау сұранымы бар.",
      ru: "По этому займу уже есть запрос на списание или реструктуризацию, ожидающий решения.",
      en: "This loan already has a write-off or reschedule request waiting for a decision.",
      fr: "Ce prêt a déjà une demande de passation en perte ou de rééchelonnement en attente de décision.",
    },
    LOAN_REQUEST_DECIDED: {
      kk: "Бұл сұраным бойынша шешім қабылданып қойған.",
      ru: "По этому запросу решение уже принято.",
      en: "This request has already been decided.",
      fr: "Cette demande a déjà été tranchée.",
    },
    LOAN_WRITE_OFF_REASON_REQUIRED: {
      kk: "Қарыздың мерзімі {{days}} күн өтіп кеткен: мерзімі {{threshold}} күн өткенге дейін есептен шығару үшін себебін көрсету керек.",
      ru: "Просрочка по займу составляет {{days}} дн.: для списания до {{threshold}} дней просрочки нужно указать причину.",
      en: "The loan is {{days}} days past due: a write-off before {{threshold}} days past due needs a stated reason.",
      fr: "Le prêt a {{days}} jours de retard : une passation en perte avant {{threshold}} jours de retard exige un motif.",
    },
    LOAN_DATE_IN_FUTURE: {
      kk: "{{date}} күні әлі келген жоқ.",
      ru: "Дата {{date}} ещё не наступила.",
      en: "The date {{date}} is in the future.",
      fr: "La date du {{date}} est dans le futur.",
    },
    LOAN_DATE_BEFORE_DISBURSEMENT: {
      kk: "{{date}} күні қарыз берілген күннен ({{disbursed}}) бұрын.",
      ru: "Дата {{date}} раньше выдачи займа ({{disbursed}}).",
      en: "The date {{date}} is before the loan was disbursed ({{disbursed}}).",
      fr: "La date du {{date}} précède le décaissement du prêt ({{disbursed}}).",
    },
    LOAN_DATE_BEFORE_APPLICATION: {
      kk: "{{date}} күні өтінім берілген күннен ({{applied}}) бұрын.",
      ru: "Дата {{date}} раньше подачи заявки ({{applied}}).",
      en: "The date {{date}} is before the application ({{applied}}).",
      fr: "La date du {{date}} précède la demande ({{applied}}).",
    },
    LOAN_OVERPAYMENT: {
      kk: "Төлем берешектен ({{owed}}) {{amount}} артық: оны аванс ретінде қабылдаңыз немесе соманы азайтыңыз.",
      ru: "Платёж на {{amount}} больше задолженности ({{owed}}): примите его как аванс или уменьшите сумму.",
      en: "The payment is {{amount}} more than what is owed ({{owed}}); record it as an advance or take less.",
      fr: "Le paiement dépasse de {{amount}} ce qui est dû ({{owed}}) : enregistrez-le comme avance ou réduisez-le.",
    },
    LOAN_ALREADY_REVERSED: {
      kk: "Бұл төлем бұрыннан сторнирленген.",
      ru: "Этот платёж уже сторнирован.",
      en: "This repayment has already been reversed.",
      fr: "Ce remboursement a déjà été annulé.",
    },
    LOAN_REVERSAL_BLOCKED: {
      kk: "Бұл төлемді сторнирлеуге болмайды: одан кейінгі операция ($t(loanTransactionKinds.{{kind}})) соған байланысты.",
      ru: "Этот платёж нельзя сторнировать: от него зависит более поздняя операция ($t(loanTransactionKinds.{{kind}})).",
      en: "This repayment cannot be reversed: a later $t(loanTransactionKinds.{{kind}}) depends on it.",
      fr: "Ce remboursement ne peut pas être annulé : une opération ultérieure ($t(loanTransactionKinds.{{kind}})) en dépend.",
    },
    LOAN_WRITE_OFF_BACKDATED: {
      kk: "Қарызды есептен шығару күні {{date}} бола алмайды: бұл қарыз бойынша соңғы тіркелген операциядан ({{last}}) бұрын.",
      ru: "Списание нельзя датировать {{date}}: это раньше последней записанной операции по займу ({{last}}).",
      en: "A write-off cannot be dated {{date}}, before the loan's last recorded event ({{last}}).",
      fr: "Une radiation ne peut pas être datée du {{date}}, avant la dernière opération enregistrée sur le prêt ({{last}}).",
    },
    LOAN_NO_ADVANCE: {
      kk: "Бұл қарыз бойынша қайтаратын аванс жоқ.",
      ru: "По этому займу нет аванса к возврату.",
      en: "There is no advance to refund on this loan.",
      fr: "Il n'y a pas d'avance à rembourser sur ce prêt.",
    },
    LOAN_GROUP_GRADE_REQUIRED: {
      kk: "Бұл өнім үшін «{{name}}» тобына {{required}} немесе жоғары баға қажет; соңғы бағасы — {{grade}}.",
      ru: "Для этого продукта группе «{{name}}» нужна оценка {{required}} или выше; её последняя оценка — {{grade}}.",
      en: "“{{name}}” needs grade {{required}} or better for this loan product; its latest grade is {{grade}}.",
      fr: "« {{name}} » doit avoir la note {{required}} ou mieux pour ce produit ; sa dernière note est {{grade}}.",
    },
  },
  entities: {
    loan: { kk: "қарыз", ru: "заём", en: "loan", fr: "prêt" },
    loanProduct: { kk: "қарыз өнімі", ru: "кредитный продукт", en: "loan product", fr: "produit de prêt" },
  },
  statuses: {
    loan: {
      applied: { kk: "өтінім берілген", ru: "заявка подана", en: "applied", fr: "demandé" },
      approved: { kk: "мақұлданған", ru: "одобрен", en: "approved", fr: "approuvé" },
      rejected: { kk: "қабылданбаған", ru: "отклонён", en: "rejected", fr: "refusé" },
      active: { kk: "өтелуде", ru: "погашается", en: "active", fr: "en cours" },
      closed: { kk: "жабылған", ru: "закрыт", en: "closed", fr: "clôturé" },
      written_off: { kk: "есептен шығарылған", ru: "списан", en: "written off", fr: "passé en perte" },
    },
  },
  loanTransactionKinds: {
    disbursement: { kk: "қарыз беру", ru: "выдача", en: "disbursement", fr: "décaissement" },
    repayment: { kk: "өтеу", ru: "погашение", en: "repayment", fr: "remboursement" },
    prepayment: {
      kk: "мерзімінен бұрын өтеу",
      ru: "досрочное погашение",
      en: "prepayment",
      fr: "remboursement anticipé",
    },
    penalty: { kk: "өсімпұл", ru: "пеня", en: "penalty", fr: "pénalité" },
    reversal: { kk: "сторно", ru: "сторно", en: "reversal", fr: "annulation" },
    reschedule: { kk: "қайта құрылымдау", ru: "реструктуризация", en: "rescheduling", fr: "rééchelonnement" },
    write_off: { kk: "есептен шығару", ru: "списание", en: "write-off", fr: "passage en perte" },
    recovery: {
      kk: "есептен шығарылған қарызды өндіру",
      ru: "возврат списанного займа",
      en: "recovery",
      fr: "recouvrement",
    },
    refund: { kk: "авансты қайтару", ru: "возврат аванса", en: "refund", fr: "remboursement d'avance" },
  },
  loanFields: {
    principal: { kk: "қарыз сомасы", ru: "сумма займа", en: "amount of the loan", fr: "le montant du prêt" },
    installments: {
      kk: "төлемдер саны",
      ru: "число взносов",
      en: "number of installments",
      fr: "le nombre d'échéances",
    },
  },
  problems: {
    memberListedTwice: {
      kk: "бір мүше екі рет көрсетілген",
      ru: "одна и та же участница указана дважды",
      en: "the same member is listed twice",
      fr: "le même membre figure deux fois",
    },
    memberNotActive: {
      kk: "{{member}} — топтың белсенді мүшесі емес",
      ru: "{{member}} не состоит в группе",
      en: "{{member}} is not an active member of the group",
      fr: "{{member}} n'est pas membre actif du groupe",
    },
    sharesDoNotSum: {
      kk: "үлестердің жиыны {{total}}, ал қарыз {{principal}}",
      ru: "сумма долей {{total}}, а заём {{principal}}",
      en: "the shares sum to {{total}}, the loan is {{principal}}",
      fr: "les parts totalisent {{total}}, le prêt est de {{principal}}",
    },
    firstDueNotAfterApplication: {
      kk: "алғашқы төлем мерзімі өтінім берілген күннен кейін болуы керек",
      ru: "первый взнос должен наступать позже даты заявки",
      en: "the first installment must fall due after the application date",
      fr: "la première échéance doit tomber après la date de la demande",
    },
    firstDueNotAfterReschedule: {
      kk: "алғашқы төлем мерзімі қайта құрылымдау күнінен кейін болуы керек",
      ru: "первый взнос должен наступать позже даты реструктуризации",
      en: "the first installment must fall due after the rescheduling date",
      fr: "la première échéance doit tomber après la date du rééchelonnement",
    },
  },
  journal: {
    loanDisbursed: { kk: "Қарыз берілді", ru: "Выдача займа", en: "Loan disbursed", fr: "Prêt décaissé" },
    loanPenalty: {
      kk: "Мерзімі өткен төлемдер бойынша өсімпұл",
      ru: "Пеня по просроченным взносам",
      en: "Penalty on overdue installments",
      fr: "Pénalité sur échéances en retard",
    },
    loanRepayment: {
      kk: "Қарызды өтеу",
      ru: "Погашение займа",
      en: "Loan repayment",
      fr: "Remboursement de prêt",
    },
    loanPrepayment: {
      kk: "Қарызды мерзімінен бұрын өтеу",
      ru: "Досрочное погашение займа",
      en: "Loan prepayment",
      fr: "Remboursement anticipé de prêt",
    },
    loanReversal: {
      kk: "Сторно: {{reason}}",
      ru: "Сторно: {{reason}}",
      en: "Reversal: {{reason}}",
      fr: "Annulation : {{reason}}",
    },
    loanRepaymentReapplied: {
      kk: "Сторнодан кейін қайта есепке алынған өтеу",
      ru: "Погашение займа, повторно разнесённое после сторно",
      en: "Loan repayment re-applied after a reversal",
      fr: "Remboursement réimputé après une annulation",
    },
    loanReprocessed: {
      kk: "Сторно: {{date}} күнінен бастап валюталау күні бойынша қайта өткізу",
      ru: "Сторно: перепроведение по дате валютирования с {{date}}",
      en: "Reversal: re-processed by value date from {{date}}",
      fr: "Annulation : retraitement par date de valeur depuis le {{date}}",
    },
    loanRepaymentReprocessed: {
      kk: "Қарызды өтеу (валюталау күні бойынша қайта өткізілді)",
      ru: "Погашение займа (перепроведено по дате валютирования)",
      en: "Loan repayment (re-processed by value date)",
      fr: "Remboursement de prêt (retraité par date de valeur)",
    },
    loanPrepaymentReprocessed: {
      kk: "Қарызды мерзімінен бұрын өтеу (валюталау күні бойынша қайта өткізілді)",
      ru: "Досрочное погашение займа (перепроведено по дате валютирования)",
      en: "Loan prepayment (re-processed by value date)",
      fr: "Remboursement anticipé de prêt (retraité par date de valeur)",
    },
    loanWrittenOffReprocessed: {
      kk: "Қарыз есептен шығарылды: {{reason}} (валюталау күні бойынша қайта өткізілді)",
      ru: "Списание займа: {{reason}} (перепроведено по дате валютирования)",
      en: "Loan written off: {{reason}} (re-processed by value date)",
      fr: "Prêt passé en perte : {{reason}} (retraité par date de valeur)",
    },
    loanWrittenOff: {
      kk: "Қарыз есептен шығарылды: {{reason}}",
      ru: "Списание займа: {{reason}}",
      en: "Loan written off: {{reason}}",
      fr: "Prêt passé en perte : {{reason}}",
    },
    loanRecovery: {
      kk: "Есептен шығарылған қарызды өндіру",
      ru: "Возврат списанного займа",
      en: "Recovery of a written-off loan",
      fr: "Recouvrement d'un prêt passé en perte",
    },
    loanAdvanceRefunded: {
      kk: "Қарыз алушыға аванс қайтарылды",
      ru: "Возврат аванса заёмщику",
      en: "Advance refunded to the borrower",
      fr: "Avance rendue à l'emprunteur",
    },
  },
};
