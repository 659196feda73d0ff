// The messages of self-help groups: the errors of their rules, meetings and share-outs, a grade's
// criteria, the social fund's purposes and the descriptions of the journal entries a group writes.
import type { Texts } from "../i18n/texts.js";
import type { GroupErrorCode } from "./errors.js";
import type { GradingCriterion } from "./grading.js";
import type { SocialFundPurpose } from "./rules.js";

export type GroupMessages = {
  errors: Record<GroupErrorCode, Texts>;
  entities: Record<"group" | "meeting" | "internalLoan", Texts>;
  /**
   * A group's grade, criterion by criterion: "grading.<criterion>" with the measured values, and
   * "grading.notMeasured.<criterion>" when there was nothing to measure (see groups/grading.ts).
   */
  grading: Record<GradingCriterion, Texts> & { notMeasured: Record<GradingCriterion, Texts> };
  socialFundPurposes: Record<SocialFundPurpose, Texts>;
  /** The descriptions of the journal entries a group writes, in the tenant's language. */
  journal: Record<"meeting" | "meetingCorrection" | "meetingCorrected" | "shareOut" | "membershipFee", Texts>;
};

export const groupMessages: GroupMessages = {
  errors: {
    RULES_INVALID: {
      kk: "Топ ережелері қате толтырылған: {{details}}.",
      ru: "Правила группы заполнены неверно: {{details}}.",
      en: "The group's rules are not valid: {{details}}.",
      fr: "Les règles du groupe ne sont pas valides : {{details}}.",
    },
    RULES_BEFORE_LATEST_MEETING: {
      kk: "{{date}} бастап ережелерді қабылдау мүмкін емес: топ {{latest}} күні сол кездегі ережелер бойынша жиналған.",
      ru: "Правила с {{date}} нельзя принять: группа уже провела встречу {{latest}} по действовавшим тогда правилам.",
      en: "Rules from {{date}} cannot be adopted: the group already met on {{latest}} under the rules then in force.",
      fr: "Les règles à partir du {{date}} ne peuvent être adoptées : le groupe s'est déjà réuni le {{latest}} sous les règles alors en vigueur.",
    },
    MEETING_NO_RULES: {
      kk: "«{{name}}» тобында {{date}} күні қолданылатын ереже жоқ; алдымен ережелерді енгізіңіз.",
      ru: "У группы «{{name}}» нет правил, действующих на {{date}}; сначала внесите правила.",
      en: "The group “{{name}}” has no rules in force on {{date}}; record its rules first.",
      fr: "Le groupe « {{name}} » n'a pas de règles en vigueur le {{date}} ; enregistrez d'abord ses règles.",
    },
    MEETING_DATE_IN_FUTURE: {
      kk: "Жиналыс күні {{date}} әлі келген жоқ.",
      ru: "Дата встречи {{date}} ещё не наступила.",
      en: "The meeting date {{date}} is in the future.",
      fr: "La date de réunion {{date}} est dans le futur.",
    },
    MEETING_DATE_ORDER: {
      kk: "{{date}} жиналысын енгізу мүмкін емес: топтың соңғы жиналысы {{latest}} болған.",
      ru: "Встречу от {{date}} нельзя внести: последняя встреча группы была {{latest}}.",
      en: "A meeting on {{date}} cannot be recorded: the group's latest meeting was on {{latest}}.",
      fr: "Une réunion du {{date}} ne peut être enregistrée : la dernière réunion du groupe date du {{latest}}.",
    },
    MEETING_NOT_LATEST: {
      kk: "Тек топтың соңғы жиналысын түзетуге болады; {{date}} жиналысы жабық.",
      ru: "Исправить можно только последнюю встречу группы; встреча от {{date}} закрыта.",
      en: "Only the group's latest meeting can be corrected; the meeting of {{date}} is closed.",
      fr: "Seule la dernière réunion du groupe peut être corrigée ; celle du {{date}} est close.",
    },
    MEETING_ALREADY_REVERSED: {
      kk: "Бұл жиналыс бұрын түзетілген.",
      ru: "Эта встреча уже исправлена.",
      en: "This meeting was already corrected.",
      fr: "Cette réunion a déjà été corrigée.",
    },
    MEETING_ATTENDANCE_NOT_A_MEMBER: {
      kk: "Қатысу тізімінде жиналыс күні топ мүшесі емес адам бар ({{member}}).",
      ru: "В списке присутствия есть человек, который не состоит в группе на дату встречи ({{member}}).",
      en: "The attendance lists someone who is not a member of the group on the meeting's date ({{member}}).",
      fr: "La liste de présence contient une personne qui n'est pas membre du groupe à la date de la réunion ({{member}}).",
    },
    MEETING_ATTENDANCE_TWICE: {
      kk: "{{member}} қатысу тізімінде екі рет көрсетілген.",
      ru: "{{member}} указана в списке присутствия дважды.",
      en: "{{member}} is listed twice in the attendance.",
      fr: "{{member}} figure deux fois dans la liste de présence.",
    },
    MEETING_ATTENDANCE_MISSING: {
      kk: "Қатысу тізімінде {{member, genitive}} келген-келмегені белгіленбеген.",
      ru: "В списке присутствия не отмечено, была ли {{member}}.",
      en: "The attendance does not say whether {{member}} came.",
      fr: "La liste de présence ne dit pas si {{member}} est venue.",
    },
    MEETING_AMOUNT_NOT_POSITIVE: {
      kk: "{{line}}-жол: сома нөлден үлкен болуы керек.",
      ru: "Строка {{line}}: сумма должна быть больше нуля.",
      en: "Line {{line}}: the amount must be above zero.",
      fr: "Ligne {{line}} : le montant doit être supérieur à zéro.",
    },
    MEETING_NOT_A_MEMBER: {
      kk: "{{line}}-жол: бұл адам жиналыс күні топ мүшесі емес ({{member}}).",
      ru: "Строка {{line}}: этот человек не состоит в группе на дату встречи ({{member}}).",
      en: "Line {{line}}: this person is not a member of the group on the meeting's date ({{member}}).",
      fr: "Ligne {{line}} : cette personne n'est pas membre du groupe à la date de la réunion ({{member}}).",
    },
    MEETING_SAVINGS_NOT_RULE: {
      kk: "{{line}}-жол: топ ережесі бойынша {{member, genitive}} міндетті жинағы — {{rule}}.",
      ru: "Строка {{line}}: обязательный взнос участницы {{member}} по правилам группы — {{rule}}.",
      en: "Line {{line}}: {{member}}'s compulsory savings must be {{rule}}, as the group's rules say.",
      fr: "Ligne {{line}} : l'épargne obligatoire de {{member}} doit être de {{rule}}, selon les règles du groupe.",
    },
    MEETING_SHARES_NOT_RULE: {
      kk: "{{line}}-жол: {{member, genitive}} бір жиналыста {{price}} бағасымен {{min}}–{{max}} бүтін үлес сатып алуы керек.",
      ru: "Строка {{line}}: {{member}} должна купить целое число паёв по {{price}}, от {{min}} до {{max}} за встречу.",
      en: "Line {{line}}: {{member}} must buy whole shares of {{price}}, between {{min}} and {{max}} at a meeting.",
      fr: "Ligne {{line}} : {{member}} doit acheter des parts entières de {{price}}, entre {{min}} et {{max}} par réunion.",
    },
    MEETING_VOLUNTARY_NOT_ALLOWED: {
      kk: "{{line}}-жол: топ ережесі ерікті жинаққа рұқсат бермейді ({{member}}).",
      ru: "Строка {{line}}: правила группы не допускают добровольных сбережений ({{member}}).",
      en: "Line {{line}}: the group's rules do not allow voluntary savings ({{member}}).",
      fr: "Ligne {{line}} : les règles du groupe n'autorisent pas l'épargne volontaire ({{member}}).",
    },
    MEETING_WITHDRAWAL_NOT_ALLOWED: {
      kk: "{{line}}-жол: топ ережесі жинақты алуға рұқсат бермейді ({{member}}).",
      ru: "Строка {{line}}: правила группы не допускают снятия сбережений ({{member}}).",
      en: "Line {{line}}: the group's rules do not allow withdrawing savings ({{member}}).",
      fr: "Ligne {{line}} : les règles du groupe n'autorisent pas les retraits d'épargne ({{member}}).",
    },
    MEETING_WITHDRAWAL_ABOVE_SAVINGS: {
      kk: "{{line}}-жол: {{member, genitive}} жинағы небәрі {{savings}}.",
      ru: "Строка {{line}}: у участницы {{member}} сбережений только {{savings}}.",
      en: "Line {{line}}: {{member}} has only {{savings}} in savings.",
      fr: "Ligne {{line}} : {{member}} n'a que {{savings}} d'épargne.",
    },
    MEETING_LOAN_OVER_LIMIT: {
      kk: "{{line}}-жол: топ ережесі бойынша {{member, genitive}} қарызы {{limit}} сомасынан аспауы керек.",
      ru: "Строка {{line}}: по правилам группы заём участницы {{member}} не может превышать {{limit}}.",
      en: "Line {{line}}: a loan to {{member}} may not exceed {{limit}} under the group's rules.",
      fr: "Ligne {{line}} : un prêt à {{member}} ne peut dépasser {{limit}} selon les règles du groupe.",
    },
    MEETING_LOAN_TERM: {
      kk: "{{line}}-жол: {{member, genitive}} қарызының мерзімі {{max}} айдан аспауы керек.",
      ru: "Строка {{line}}: заём участницы {{member}} может быть не дольше {{max}} мес.",
      en: "Line {{line}}: a loan to {{member}} may run at most {{max}} months.",
      fr: "Ligne {{line}} : un prêt à {{member}} peut durer au plus {{max}} mois.",
    },
    MEETING_LOAN_NOT_FOUND: {
      kk: "{{line}}-жол: {{member, genitive}} топта мұндай өтелмеген қарызы жоқ.",
      ru: "Строка {{line}}: у заёмщика {{member}} нет такого непогашенного займа в группе.",
      en: "Line {{line}}: {{member}} has no such open loan in the group.",
      fr: "Ligne {{line}} : {{member}} n'a pas ce prêt en cours dans le groupe.",
    },
    MEETING_REPAYMENT_OVER_OWED: {
      kk: "{{line}}-жол: {{member}} бұл қарыз бойынша небәрі {{owed}} қарыз.",
      ru: "Строка {{line}}: {{member}} должна по этому займу только {{owed}}.",
      en: "Line {{line}}: {{member}} owes only {{owed}} on this loan.",
      fr: "Ligne {{line}} : {{member}} ne doit que {{owed}} sur ce prêt.",
    },
    MEETING_SOCIAL_PURPOSE: {
      kk: "{{line}}-жол: топ ережесі бойынша әлеуметтік қор бұған төлемейді ($t(socialFundPurposes.{{purpose}}), {{member}}).",
      ru: "Строка {{line}}: по правилам группы социальный фонд не выплачивает на это ($t(socialFundPurposes.{{purpose}}), {{member}}).",
      en: "Line {{line}}: under the group's rules the social fund does not pay for this ($t(socialFundPurposes.{{purpose}}), {{member}}).",
      fr: "Ligne {{line}} : selon les règles du groupe, le fonds social ne paie pas pour cela ($t(socialFundPurposes.{{purpose}}), {{member}}).",
    },
    MEETING_SOCIAL_FUND_SHORT: {
      kk: "{{line}}-жол: әлеуметтік қорда небәрі {{fund}} бар ({{member}}).",
      ru: "Строка {{line}}: в социальном фонде только {{fund}} ({{member}}).",
      en: "Line {{line}}: the social fund holds only {{fund}} ({{member}}).",
      fr: "Ligne {{line}} : le fonds social ne contient que {{fund}} ({{member}}).",
    },
    MEETING_EXTERNAL_REPAYMENT: {
      kk: "{{line}}-жол: өтеу сыртқы қарыздар бойынша берешекке сәйкес емес ({{owed}}).",
      ru: "Строка {{line}}: погашение не соответствует долгу по внешним займам ({{owed}}).",
      en: "Line {{line}}: the repayment does not fit the external loans owed ({{owed}}).",
      fr: "Ligne {{line}} : le remboursement ne correspond pas aux emprunts extérieurs dus ({{owed}}).",
    },
    MEETING_BANK_SHORT: {
      kk: "{{line}}-жол: банк шотында небәрі {{bank}} бар.",
      ru: "Строка {{line}}: на банковском счёте только {{bank}}.",
      en: "Line {{line}}: the bank account holds only {{bank}}.",
      fr: "Ligne {{line}} : le compte bancaire ne contient que {{bank}}.",
    },
    MEETING_CASH_SHORT: {
      kk: "{{line}}-жол: бұл сәтте кассада небәрі {{cash}} бар.",
      ru: "Строка {{line}}: в кассе на этот момент только {{cash}}.",
      en: "Line {{line}}: the cash box holds only {{cash}} at that point.",
      fr: "Ligne {{line}} : la caisse ne contient que {{cash}} à ce moment.",
    },
    MEETING_CASH_MISMATCH: {
      kk: "Саналған қолма-қол ақша ({{counted}}) есепке ({{books}}) сәйкес келмейді.",
      ru: "Пересчитанная наличность ({{counted}}) не совпадает с учётом ({{books}}).",
      en: "The cash counted ({{counted}}) does not match the books ({{books}}).",
      fr: "L'argent compté ({{counted}}) ne correspond pas aux livres ({{books}}).",
    },
    SHAREOUT_LOANS_OPEN: {
      kk: "Өтелмеген ішкі қарыздар: {{count}}; оларды өтеңіз немесе жаңа кезеңге анық көшіріңіз.",
      ru: "Не погашено внутренних займов: {{count}}; погасите их или явно перенесите в новый цикл.",
      en: "{{count}} internal loans are still open; have them repaid, or carry them over explicitly.",
      fr: "{{count}} prêts internes sont encore en cours ; faites-les rembourser ou reportez-les explicitement.",
    },
    SHAREOUT_NOTHING_SAVED: {
      kk: "Бұл кезеңде ешкім жинақ жасамаған; бөлетін ештеңе жоқ.",
      ru: "В этом цикле никто не сделал сбережений; распределять нечего.",
      en: "No member saved anything in this cycle; there is nothing to share out.",
      fr: "Aucun membre n'a épargné pendant ce cycle ; il n'y a rien à partager.",
    },
    SHAREOUT_CASH_BELOW_DEBTS: {
      kk: "Топ қорының ақшасы ({{cash}}) оның сыртқы қарыздарынан ({{debts}}) аз; бөлетін ештеңе жоқ.",
      ru: "Денежные средства фонда группы ({{cash}}) меньше её внешних долгов ({{debts}}); распределять нечего.",
      en: "The group's loan-fund cash ({{cash}}) is less than what it owes outside ({{debts}}); nothing can be shared out.",
      fr: "La trésorerie du fonds de prêt du groupe ({{cash}}) est inférieure à ses dettes extérieures ({{debts}}) ; rien ne peut être partagé.",
    },
    SHAREOUT_NET_WORTH_NEGATIVE: {
      kk: "Топтың қарызы ({{debts}}) оның мүлкінен көп: таза құны {{worth}}; бөлетін ештеңе жоқ.",
      ru: "Группа должна больше ({{debts}} внешних долгов), чем имеет: её чистая стоимость {{worth}}; распределять нечего.",
      en: "The group owes more ({{debts}} outside) than it has: its net worth is {{worth}}; nothing can be shared out.",
      fr: "Le groupe doit plus ({{debts}} à l'extérieur) qu'il ne possède : sa valeur nette est de {{worth}} ; rien ne peut être partagé.",
    },
  },
  entities: {
    group: { kk: "топ", ru: "группа", en: "group", fr: "groupe" },
    meeting: { kk: "жиналыс", ru: "встреча", en: "meeting", fr: "réunion" },
    internalLoan: { kk: "ішкі қарыз", ru: "внутренний заём", en: "internal loan", fr: "prêt interne" },
  },
  grading: {
    meetingRegularity: {
      kk: "Күтілген {{expected}} жиналыстың {{held}} өтті ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
      ru: "Проведено {{held}} из {{expected}} положенных встреч ({{percent}} %); баллы: {{points}} из {{max}}.",
      en: "{{held}} of {{expected}} expected meetings held ({{percent}} %): {{points}} of {{max}} points.",
      fr: "{{held}} réunions tenues sur {{expected}} prévues ({{percent}} %) : {{points}} points sur {{max}}.",
    },
    attendance: {
      kk: "Қатысу: {{memberMeetings}} мүмкін қатысудың {{attendances}} ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
      ru: "Явка: {{attendances}} из {{memberMeetings}} участий во встречах ({{percent}} %); баллы: {{points}} из {{max}}.",
      en: "Members came to {{attendances}} of {{memberMeetings}} member-meetings ({{percent}} %): {{points}} of {{max}} points.",
      fr: "Présence à {{attendances}} participations sur {{memberMeetings}} ({{percent}} %) : {{points}} points sur {{max}}.",
    },
    savingsRegularity: {
      kk: "Жинақ {{due}} жағдайдың {{paid}} салынды ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
      ru: "Сбережения внесены в {{paid}} из {{due}} случаев ({{percent}} %); баллы: {{points}} из {{max}}.",
      en: "Savings paid at {{paid}} of {{due}} member-meetings ({{percent}} %): {{points}} of {{max}} points.",
      fr: "Épargne versée {{paid}} fois sur {{due}} ({{percent}} %) : {{points}} points sur {{max}}.",
    },
    fundOnLoan: {
      kk: "Несие қорының {{percent}} %-ы мүшелерге қарызға берілген: {{points}} ұпай (ең көбі {{max}}).",
      ru: "В займах у участниц {{percent}} % кредитного фонда; баллы: {{points}} из {{max}}.",
      en: "{{percent}} % of the loan fund is lent to members: {{points}} of {{max}} points.",
      fr: "{{percent}} % du fonds de crédit est prêté aux membres : {{points}} points sur {{max}}.",
    },
    loanRotation: {
      kk: "Кезеңде {{members}} мүшенің {{borrowers}} қарыз алды ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
      ru: "За период займы брали {{borrowers}} из {{members}} участниц ({{percent}} %); баллы: {{points}} из {{max}}.",
      en: "{{borrowers}} of {{members}} members borrowed in the period ({{percent}} %): {{points}} of {{max}} points.",
      fr: "{{borrowers}} membres sur {{members}} ont emprunté pendant la période ({{percent}} %) : {{points}} points sur {{max}}.",
    },
    repaymentOnTime: {
      kk: "Мерзімі келген {{due}} төлемнің {{onTime}} уақытында өтелді ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
      ru: "Вовремя погашено {{onTime}} из {{due}} взносов по займам ({{percent}} %); баллы: {{points}} из {{max}}.",
      en: "{{onTime}} of {{due}} installments due were repaid on time ({{percent}} %): {{points}} of {{max}} points.",
      fr: "{{onTime}} échéances sur {{due}} remboursées à temps ({{percent}} %) : {{points}} points sur {{max}}.",
    },
    booksUpToDate: {
      kk: "{{held}} жиналыстың {{recordedWithinWeek}} бір апта ішінде енгізілді ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
      ru: "В течение недели внесено {{recordedWithinWeek}} из {{held}} встреч ({{percent}} %); баллы: {{points}} из {{max}}.",
      en: "{{recordedWithinWeek}} of {{held}} meetings were recorded within a week ({{percent}} %): {{points}} of {{max}} points.",
      fr: "{{recordedWithinWeek}} réunions sur {{held}} saisies dans la semaine ({{percent}} %) : {{points}} points sur {{max}}.",
    },
    groupSize: {
      kk: "Топта {{members}} белсенді мүше бар: {{points}} ұпай (ең көбі {{max}}).",
      ru: "Активных участниц в группе: {{members}}; баллы: {{points}} из {{max}}.",
      en: "{{members}} active members: {{points}} of {{max}} points.",
      fr: "{{members}} membres actifs : {{points}} points sur {{max}}.",
    },
    notMeasured: {
      meetingRegularity: {
        kk: "Кезеңде бірде-бір жиналыс күтілмеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
        ru: "За период не было положенных встреч: не измерено; баллы: {{points}} из {{max}}.",
        en: "No meeting was expected in the period: not measured, {{points}} of {{max}} points.",
        fr: "Aucune réunion n'était prévue pendant la période : non mesuré, {{points}} points sur {{max}}.",
      },
      attendance: {
        kk: "Кезеңде қатысу тіркелмеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
        ru: "За период явка не отмечалась: не измерено; баллы: {{points}} из {{max}}.",
        en: "No attendance was recorded in the period: not measured, {{points}} of {{max}} points.",
        fr: "Aucune présence n'a été relevée pendant la période : non mesuré, {{points}} points sur {{max}}.",
      },
      savingsRegularity: {
        kk: "Кезеңде жинақ салу мерзімі келмеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
        ru: "За период не причиталось ни одного взноса сбережений: не измерено; баллы: {{points}} из {{max}}.",
        en: "No saving fell due in the period: not measured, {{points}} of {{max}} points.",
        fr: "Aucune épargne n'était due pendant la période : non mesuré, {{points}} points sur {{max}}.",
      },
      fundOnLoan: {
        kk: "Топтың несие қоры жоқ: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
        ru: "У группы нет кредитного фонда: не измерено; баллы: {{points}} из {{max}}.",
        en: "The group has no loan fund: not measured, {{points}} of {{max}} points.",
        fr: "Le groupe n'a pas de fonds de crédit : non mesuré, {{points}} points sur {{max}}.",
      },
      loanRotation: {
        kk: "Топта мүше жоқ: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
        ru: "В группе нет участниц: не измерено; баллы: {{points}} из {{max}}.",
        en: "The group has no members: not measured, {{points}} of {{max}} points.",
        fr: "Le groupe n'a pas de membres : non mesuré, {{points}} points sur {{max}}.",
      },
      repaymentOnTime: {
        kk: "Кезеңде қарыз бойынша бірде-бір төлем мерзімі келмеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
        ru: "За период не наступил срок ни одного взноса по займам: не измерено; баллы: {{points}} из {{max}}.",
        en: "No loan installment fell due in the period: not measured, {{points}} of {{max}} points.",
        fr: "Aucune échéance de prêt n'est tombée pendant la période : non mesuré, {{points}} points sur {{max}}.",
      },
      booksUpToDate: {
        kk: "Кезеңде бірде-бір жиналыс өтпеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
        ru: "За период не проведено ни одной встречи: не измерено; баллы: {{points}} из {{max}}.",
        en: "No meeting was held in the period: not measured, {{points}} of {{max}} points.",
        fr: "Aucune réunion ne s'est tenue pendant la période : non mesuré, {{points}} points sur {{max}}.",
      },
      groupSize: {
        kk: "Топта белсенді мүше жоқ: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
        ru: "В группе нет активных участниц: не измерено; баллы: {{points}} из {{max}}.",
        en: "The group has no active members: not measured, {{points}} of {{max}} points.",
        fr: "Le groupe n'a pas de membres actifs : non mesuré, {{points}} points sur {{max}}.",
      },
    },
  },
  socialFundPurposes: {
    illness: { kk: "науқас", ru: "болезнь", en: "illness", fr: "maladie" },
    death: { kk: "қаза", ru: "смерть", en: "death", fr: "décès" },
    childbirth: { kk: "бала туу", ru: "рождение ребёнка", en: "childbirth", fr: "naissance" },
    education: { kk: "білім алу", ru: "учёба", en: "education", fr: "études" },
    disaster: { kk: "апат", ru: "бедствие", en: "disaster", fr: "catastrophe" },
    other: { kk: "басқа", ru: "прочее", en: "other", fr: "autre" },
  },
  journal: {
    meeting: {
      kk: "{{date}} жиналысы",
      ru: "Встреча {{date}}",
      en: "Meeting of {{date}}",
      fr: "Réunion du {{date}}",
    },
    meetingCorrection: {
      kk: "{{date}} жиналысын түзету",
      ru: "Исправление встречи {{date}}",
      en: "Correction of the meeting of {{date}}",
      fr: "Correction de la réunion du {{date}}",
    },
    meetingCorrected: {
      kk: "{{date}} жиналысы түзетілді",
      ru: "встреча {{date}} исправлена",
      en: "meeting of {{date}} corrected",
      fr: "réunion du {{date}} corrigée",
    },
    shareOut: {
      kk: "{{from}} – {{to}} кезеңінің қорын бөлу",
      ru: "Распределение фонда за цикл {{from}} – {{to}}",
      en: "Share-out of the cycle {{from}} – {{to}}",
      fr: "Partage du cycle {{from}} – {{to}}",
    },
    membershipFee: {
      kk: "«{{group}}» тобының мүшелік жарнасы",
      ru: "Членский взнос группы «{{group}}»",
      en: "Membership fee from {{group}}",
      fr: "Cotisation du groupe « {{group}} »",
    },
  },
};
