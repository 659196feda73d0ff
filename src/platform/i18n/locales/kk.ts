// Kazakh messages (Cyrillic script; a Latin-script locale can be added beside it).
import type { Messages } from "../messages.js";

export const kk: Messages = {
  errors: {
    VALIDATION_FAILED: "Сұраныс дұрыс толтырылмаған: {{details}}",
    MALFORMED_REQUEST: "Сұранысты оқу мүмкін болмады: {{details}}",
    INVALID_CURSOR: "Бет курсоры жарамсыз; бірінші беттен бастаңыз.",
    IDEMPOTENCY_KEY_REQUIRED: "Бұл сұраныс деректерді өзгертеді, оған Idempotency-Key тақырыбы қажет.",
    UNAUTHENTICATED: "Жүйеге кіріңіз.",
    INVALID_CREDENTIALS: "Логин немесе құпиясөз қате.",
    FORBIDDEN: "Бұл жазбаны көре аласыз, бірақ өзгерте алмайсыз.",
    NOT_FOUND: "Табылмады: {{entity}}.",
    ROUTE_NOT_FOUND: "API-да мұндай мекенжай жоқ.",
    METHOD_NOT_ALLOWED: "Бұл мекенжай мұндай әдісті қабылдамайды.",
    IDEMPOTENCY_KEY_REUSED: "Бұл Idempotency-Key басқа сұраныс үшін пайдаланылған.",
    CONCURRENT_UPDATE: "Жазбаны бір мезгілде басқа пайдаланушы өзгертті; қайталап көріңіз.",
    PAYLOAD_TOO_LARGE: "Сұраныс тым үлкен.",
    UNSUPPORTED_MEDIA_TYPE: "Сұраныс денесін JSON түрінде жіберіңіз.",
    LOGIN_RATE_LIMITED: "Сәтсіз кіру әрекеттері тым көп. {{minutes}} минуттан кейін қайталаңыз.",
    RATE_LIMITED: "Сұраныстар тым көп. Сәлден кейін қайталаңыз.",
    INTERNAL: "Біз жақта қате орын алды. Ештеңе сақталған жоқ.",
    ORG_PARENT_NOT_ALLOWED: "«{{kind}}» түріндегі ұйымды «{{parentKind}}» құрамына орналастыруға болмайды.",
    ORG_MOVE_INTO_OWN_SUBTREE: "Ұйымды өзінің немесе өз бөлімшесінің құрамына ауыстыруға болмайды.",
    ORG_NOT_ACTIVE: "«{{name}}» ұйымы жұмыс істемейді.",
    ORG_NOT_A_GROUP: "«{{name}}» өзара көмек тобы емес.",
    ORG_HAS_ACTIVE_CHILDREN: "«{{name}}» құрамында әлі де жұмыс істеп тұрған ұйымдар бар.",
    ORG_ROOT_CANNOT_MOVE: "Қауымдастықтың өзін ауыстыруға болмайды.",
    ORG_DATE_BEFORE_OPENING: "{{date}} күні ұйым ашылған күннен ({{openedOn}}) бұрын.",
    TENANT_SLUG_TAKEN: "«{{slug}}» қысқа атауы бос емес.",
    INVALID_IIN: "ЖСН {{iin}} жарамсыз: $t(iinReasons.{{reason}}).",
    IIN_BIRTH_DATE_MISMATCH: "ЖСН {{iin}} туған күнге ({{birthDate}}) сәйкес келмейді.",
    IIN_SEX_MISMATCH: "ЖСН {{iin}} адамның жынысына сәйкес келмейді.",
    IIN_ALREADY_REGISTERED: "ЖСН {{iin}} бар адам тіркеліп қойған.",
    INVALID_PHONE: "«{{phone}}» телефон нөмірі жарамсыз.",
    CONSENT_REQUIRED:
      "Дербес деректерді тек адамның келісімімен сақтауға болады; келісімсіз тек жасырын санын тіркеңіз.",
    PERSON_ANONYMISED: "Бұл адам келісімін қайтарып алды; оның дербес деректері жойылды.",
    MEMBER_ALREADY_IN_GROUP: "Бұл адам өзара көмек тобының белсенді мүшесі: {{groupName}}.",
    MEMBERSHIP_ROLE_TAKEN: "Топта белсенді $t(memberRoles.{{role}}) бар.",
    MEMBERSHIP_ALREADY_ENDED: "Бұл мүшелік тоқтатылған.",
    MEMBERSHIP_DATES_INVALID: "Шыққан күн {{leftOn}} кірген күннен {{joinedOn}} бұрын.",
    MEMBERSHIP_PERIOD_OVERLAP:
      "Бұл адам алдыңғы тобынан {{leftOn}} күні шықты; жаңа мүшелік бұл күннен бұрын ({{joinedOn}}) басталмайды.",
    LOGIN_TAKEN: "«{{login}}» логині бос емес.",
    WEAK_PASSWORD: "Құпиясөзде кемінде {{min}} таңба болуы керек.",
    USER_DISABLED: "Бұл есептік жазба өшірілген.",
    CURRENT_PASSWORD_WRONG: "Қазіргі құпиясөз қате енгізілді.",
    SELF_LOCKOUT: "Өз есептік жазбаңызды өшіруге немесе өзіңізден әкімші рөлін алуға болмайды.",
    JOURNAL_EMPTY: "Жазбада кемінде екі жол болуы керек.",
    JOURNAL_LINE_ZERO: "Жазбаның {{line}}-жолында сома жоқ.",
    JOURNAL_UNBALANCED: "Жазба {{currency}} бойынша теңгерілмеген: айырма {{difference}}.",
    BOOKS_ALREADY_OPEN: "«{{org}}» ұйымының бухгалтерлік есебі бұрыннан ашылған.",
    ACCOUNT_CODE_INVALID:
      "«{{code}}» шот коды емес: әріптен немесе цифрдан басталатын 1–20 әріп, цифр, нүкте, сызықша немесе астыңғы сызық қолданыңыз.",
    ACCOUNT_CODE_TAKEN: "Шоттар жоспарында {{code}} коды бар шот бұрыннан бар.",
    ACCOUNT_NAME_INVALID:
      "Шоттың 200 таңбадан аспайтын, «:» белгісі жоқ атауы болуы керек (бұл белгі шоттың толық атауының деңгейлерін бөледі).",
    ACCOUNT_NAME_TAKEN: "Жоғарғы шотта «{{name}}» деген шот бұрыннан бар.",
    ACCOUNT_CLOSED: "«{{account}}» шоты жабық.",
    ACCOUNT_TOP_LEVEL: "«{{account}}» — шоттар жоспарының жоғарғы деңгейдегі шоты, оны жабуға болмайды.",
    ACCOUNT_HAS_CHILDREN: "«{{account}}» шотының астында ашық шоттар бар; алдымен соларды жабыңыз.",
    ACCOUNT_NOT_EMPTY: "«{{account}}» шотын жабуға болмайды: оның сальдосы {{balance}} {{currency}}.",
    JOURNAL_ALREADY_REVERSED: "Бұл жазба бұрыннан сторнирленген.",
    JOURNAL_ENTRY_NOT_MANUAL:
      "Бұл жазба басқа құжат (қарыз, жиналыс…) бойынша жасалған; оны сол құжат арқылы түзетіңіз.",
    SCHEDULE_TERMS_INVALID: "Бұл шарттар бойынша кесте құру мүмкін емес: {{details}}",
    PRODUCT_RATE_ABOVE_CAP:
      "Бұл өнім бойынша қарыздардың ЖТСМ {{rate}} %-ға дейін жетуі мүмкін, бұл {{date}} күні қолданыстағы {{cap}} % шегінен жоғары.",
    BOOKS_NOT_OPEN: "{{org}} есеп кітаптары әлі ашылмаған: алдымен оларды ашыңыз.",
    LOAN_LENDER_KIND:
      "«{{kind}}» түріндегі ұйым қарыз бере алмайды: өнімдер МҚҰ, федерация немесе кластерде болады.",
    LOAN_PRODUCT_NAME_TAKEN: "«{{name}}» атты қарыз өнімі мұнда бар.",
    LOAN_PRODUCT_RETIRED: "«{{name}}» қарыз өнімі енді ұсынылмайды.",
    LOAN_OUTSIDE_PRODUCT_LIMITS: "Бұл өнім үшін {{field}} {{min}} мен {{max}} аралығында болуы керек.",
    LOAN_SHARES_INVALID: "Топтық қарыздағы мүшелердің үлестері дұрыс емес: {{details}}.",
    LOAN_WRONG_STATUS: "Мәртебесі «{{status}}» қарызбен мұны істеуге болмайды.",
    LOAN_MAKER_CHECKER:
      "Өтінімді оны енгізген қызметкер емес, басқа адам мақұлдауы немесе қабылдамауы керек.",
    LOAN_DATE_IN_FUTURE: "{{date}} күні әлі келген жоқ.",
    LOAN_DATE_BEFORE_DISBURSEMENT: "{{date}} күні қарыз берілген күннен ({{disbursed}}) бұрын.",
    LOAN_DATE_BEFORE_APPLICATION: "{{date}} күні өтінім берілген күннен ({{applied}}) бұрын.",
    LOAN_OVERPAYMENT:
      "Төлем берешектен ({{owed}}) {{amount}} артық: оны аванс ретінде қабылдаңыз немесе соманы азайтыңыз.",
    LOAN_ALREADY_REVERSED: "Бұл төлем бұрыннан сторнирленген.",
    LOAN_REVERSAL_BLOCKED:
      "Бұл төлемді сторнирлеуге болмайды: одан кейінгі операция ({{kind}}) соған байланысты.",
    LOAN_WRITE_OFF_BACKDATED:
      "Қарызды есептен шығару күні {{date}} бола алмайды: бұл қарыз бойынша соңғы тіркелген операциядан ({{last}}) бұрын.",
    LOAN_NO_ADVANCE: "Бұл қарыз бойынша қайтаратын аванс жоқ.",
    LOAN_GROUP_GRADE_REQUIRED:
      "Бұл өнім үшін «{{name}}» тобына {{required}} немесе жоғары баға қажет; соңғы бағасы — {{grade}}.",
    RULES_INVALID: "Топ ережелері қате толтырылған: {{details}}.",
    RULES_BEFORE_LATEST_MEETING:
      "{{date}} бастап ережелерді қабылдау мүмкін емес: топ {{latest}} күні сол кездегі ережелер бойынша жиналған.",
    MEETING_NO_RULES:
      "«{{name}}» тобында {{date}} күні қолданылатын ереже жоқ; алдымен ережелерді енгізіңіз.",
    MEETING_DATE_IN_FUTURE: "Жиналыс күні {{date}} әлі келген жоқ.",
    MEETING_DATE_ORDER: "{{date}} жиналысын енгізу мүмкін емес: топтың соңғы жиналысы {{latest}} болған.",
    MEETING_NOT_LATEST: "Тек топтың соңғы жиналысын түзетуге болады; {{date}} жиналысы жабық.",
    MEETING_ALREADY_REVERSED: "Бұл жиналыс бұрын түзетілген.",
    MEETING_ATTENDANCE_NOT_A_MEMBER: "Қатысу тізімінде жиналыс күні топ мүшесі емес адам бар ({{member}}).",
    MEETING_ATTENDANCE_TWICE: "{{member}} қатысу тізімінде екі рет көрсетілген.",
    MEETING_ATTENDANCE_MISSING: "Қатысу тізімінде {{member}} келген-келмегені белгіленбеген.",
    MEETING_AMOUNT_NOT_POSITIVE: "{{line}}-жол: сома нөлден үлкен болуы керек.",
    MEETING_NOT_A_MEMBER: "{{line}}-жол: бұл адам жиналыс күні топ мүшесі емес ({{member}}).",
    MEETING_SAVINGS_NOT_RULE: "{{line}}-жол: топ ережесі бойынша {{member}} міндетті жинағы — {{rule}}.",
    MEETING_SHARES_NOT_RULE:
      "{{line}}-жол: {{member}} бір жиналыста {{price}} бағасымен {{min}}–{{max}} бүтін үлес сатып алуы керек.",
    MEETING_VOLUNTARY_NOT_ALLOWED: "{{line}}-жол: топ ережесі ерікті жинаққа рұқсат бермейді ({{member}}).",
    MEETING_WITHDRAWAL_NOT_ALLOWED: "{{line}}-жол: топ ережесі жинақты алуға рұқсат бермейді ({{member}}).",
    MEETING_WITHDRAWAL_ABOVE_SAVINGS: "{{line}}-жол: {{member}} жинағы небәрі {{savings}}.",
    MEETING_LOAN_OVER_LIMIT:
      "{{line}}-жол: топ ережесі бойынша {{member}} қарызы {{limit}} сомасынан аспауы керек.",
    MEETING_LOAN_TERM: "{{line}}-жол: {{member}} қарызының мерзімі {{max}} айдан аспауы керек.",
    MEETING_LOAN_NOT_FOUND: "{{line}}-жол: {{member}} топта мұндай өтелмеген қарызы жоқ.",
    MEETING_REPAYMENT_OVER_OWED: "{{line}}-жол: {{member}} бұл қарыз бойынша небәрі {{owed}} қарыз.",
    MEETING_SOCIAL_PURPOSE:
      "{{line}}-жол: топ ережесі бойынша әлеуметтік қор бұған төлемейді ({{purpose}}, {{member}}).",
    MEETING_SOCIAL_FUND_SHORT: "{{line}}-жол: әлеуметтік қорда небәрі {{fund}} бар ({{member}}).",
    MEETING_EXTERNAL_REPAYMENT:
      "{{line}}-жол: өтеу сыртқы қарыздар бойынша берешекке сәйкес емес ({{owed}}).",
    MEETING_BANK_SHORT: "{{line}}-жол: банк шотында небәрі {{bank}} бар.",
    MEETING_CASH_SHORT: "{{line}}-жол: бұл сәтте кассада небәрі {{cash}} бар.",
    MEETING_CASH_MISMATCH: "Саналған қолма-қол ақша ({{counted}}) есепке ({{books}}) сәйкес келмейді.",
    SHAREOUT_LOANS_OPEN:
      "Өтелмеген ішкі қарыздар: {{count}}; оларды өтеңіз немесе жаңа кезеңге анық көшіріңіз.",
    SHAREOUT_NOTHING_SAVED: "Бұл кезеңде ешкім жинақ жасамаған; бөлетін ештеңе жоқ.",
    SHAREOUT_CASH_BELOW_DEBTS:
      "Топ қорының ақшасы ({{cash}}) оның сыртқы қарыздарынан ({{debts}}) аз; бөлетін ештеңе жоқ.",
    INVALID_DATE: "«{{value}}» күн емес (ЖЖЖЖ-АА-КК пішімін қолданыңыз).",
    UNKNOWN_CURRENCY: "«{{currency}}» валютасы белгісіз.",
    UNKNOWN_TIME_ZONE: "«{{timeZone}}» уақыт белдеуі белгісіз.",
    INVALID_AMOUNT: "«{{amount}}» — {{currency}} валютасындағы сома емес.",
    PERIOD_INVALID: "Кезеңнің соңы ({{to}}) басынан ({{from}}) бұрын тұр.",
  },
  entities: {
    organisation: "ұйым",
    person: "адам",
    household: "үй шаруашылығы",
    membership: "мүшелік",
    user: "пайдаланушы",
    grant: "қол жеткізу құқығы",
    tenant: "ұйым-жалгерші",
    loan: "қарыз",
    loanProduct: "қарыз өнімі",
    record: "жазба",
    account: "шот",
    journalEntry: "бухгалтерлік жазба",
    group: "топ",
    meeting: "жиналыс",
    internalLoan: "ішкі қарыз",
  },
  memberRoles: {
    president: "төраға",
    secretary: "хатшы",
    treasurer: "қазынашы",
    member: "мүше",
  },
  iinReasons: {
    format: "онда 12 цифр болуы керек",
    century: "жеке тұлға үшін жетінші цифр 1-ден 6-ға дейін болуы керек",
    "birth-date": "алғашқы алты цифр туған күнді білдірмейді",
    "check-digit": "бақылау цифры сәйкес келмейді",
  },
  hiddenGroupName: "(сізге қолжетімсіз топ)",
  grading: {
    meetingRegularity:
      "Күтілген {{expected}} жиналыстың {{held}} өтті ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
    attendance:
      "Қатысу: {{memberMeetings}} мүмкін қатысудың {{attendances}} ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
    savingsRegularity:
      "Жинақ {{due}} жағдайдың {{paid}} салынды ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
    fundOnLoan:
      "Несие қорының {{percent}} %-ы мүшелерге қарызға берілген: {{points}} ұпай (ең көбі {{max}}).",
    loanRotation:
      "Кезеңде {{members}} мүшенің {{borrowers}} қарыз алды ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
    repaymentOnTime:
      "Мерзімі келген {{due}} төлемнің {{onTime}} уақытында өтелді ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
    booksUpToDate:
      "{{held}} жиналыстың {{recordedWithinWeek}} бір апта ішінде енгізілді ({{percent}} %): {{points}} ұпай (ең көбі {{max}}).",
    groupSize: "Топта {{members}} белсенді мүше бар: {{points}} ұпай (ең көбі {{max}}).",
    notMeasured: {
      meetingRegularity:
        "Кезеңде бірде-бір жиналыс күтілмеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
      attendance: "Кезеңде қатысу тіркелмеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
      savingsRegularity: "Кезеңде жинақ салу мерзімі келмеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
      fundOnLoan: "Топтың несие қоры жоқ: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
      loanRotation: "Топта мүше жоқ: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
      repaymentOnTime:
        "Кезеңде қарыз бойынша бірде-бір төлем мерзімі келмеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
      booksUpToDate: "Кезеңде бірде-бір жиналыс өтпеген: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
      groupSize: "Топта белсенді мүше жоқ: өлшенбеді, {{points}} ұпай (ең көбі {{max}}).",
    },
  },
};
