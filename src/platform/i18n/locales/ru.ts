// Russian messages.
import type { Messages } from "../messages.js";

export const ru: Messages = {
  errors: {
    VALIDATION_FAILED: "Запрос заполнен неверно: {{details}}",
    MALFORMED_REQUEST: "Не удалось прочитать запрос: {{details}}",
    INVALID_CURSOR: "Неверный курсор страницы; начните с первой страницы.",
    IDEMPOTENCY_KEY_REQUIRED: "Запрос изменяет данные и должен содержать заголовок Idempotency-Key.",
    UNAUTHENTICATED: "Войдите в систему.",
    INVALID_CREDENTIALS: "Неверный логин или пароль.",
    FORBIDDEN: "Вы можете просматривать эту запись, но не изменять её.",
    NOT_FOUND: "Не найдено: {{entity}}.",
    ROUTE_NOT_FOUND: "Такого адреса в API нет.",
    METHOD_NOT_ALLOWED: "Этот адрес не принимает такой метод.",
    IDEMPOTENCY_KEY_REUSED: "Этот Idempotency-Key уже использован для другого запроса.",
    CONCURRENT_UPDATE: "Запись одновременно изменил другой пользователь; повторите попытку.",
    PAYLOAD_TOO_LARGE: "Запрос слишком большой.",
    UNSUPPORTED_MEDIA_TYPE: "Отправьте тело запроса в формате JSON.",
    LOGIN_RATE_LIMITED: "Слишком много неудачных попыток входа. Повторите через {{minutes}} мин.",
    RATE_LIMITED: "Слишком много запросов. Повторите чуть позже.",
    INTERNAL: "На нашей стороне произошла ошибка. Ничего не сохранено.",
    ORG_PARENT_NOT_ALLOWED: "Организацию вида «{{kind}}» нельзя разместить под «{{parentKind}}».",
    ORG_MOVE_INTO_OWN_SUBTREE: "Организацию нельзя перенести под неё саму или её подразделение.",
    ORG_NOT_ACTIVE: "Организация «{{name}}» не действует.",
    ORG_NOT_A_GROUP: "«{{name}}» — не группа самопомощи.",
    ORG_HAS_ACTIVE_CHILDREN: "В «{{name}}» ещё есть действующие организации.",
    ORG_ROOT_CANNOT_MOVE: "Саму ассоциацию перенести нельзя.",
    ORG_DATE_BEFORE_OPENING: "Дата {{date}} раньше даты открытия организации ({{openedOn}}).",
    TENANT_SLUG_TAKEN: "Краткое имя «{{slug}}» уже занято.",
    INVALID_IIN: "ИИН {{iin}} неверен: $t(iinReasons.{{reason}}).",
    IIN_BIRTH_DATE_MISMATCH: "ИИН {{iin}} не соответствует дате рождения {{birthDate}}.",
    IIN_SEX_MISMATCH: "ИИН {{iin}} не соответствует полу человека.",
    IIN_ALREADY_REGISTERED: "Человек с ИИН {{iin}} уже зарегистрирован.",
    INVALID_PHONE: "Номер телефона «{{phone}}» неверен.",
    CONSENT_REQUIRED:
      "Персональные данные можно хранить только с согласия человека; без него учитывайте анонимно.",
    PERSON_ANONYMISED: "Человек отозвал согласие; его персональные данные удалены.",
    MEMBER_ALREADY_IN_GROUP: "Этот человек уже состоит в группе самопомощи: {{groupName}}.",
    MEMBERSHIP_ROLE_TAKEN: "В группе уже есть действующий $t(memberRoles.{{role}}).",
    MEMBERSHIP_ALREADY_ENDED: "Это членство уже прекращено.",
    MEMBERSHIP_DATES_INVALID: "Дата выхода {{leftOn}} раньше даты вступления {{joinedOn}}.",
    MEMBERSHIP_PERIOD_OVERLAP:
      "Этот человек вышел из прежней группы {{leftOn}}; новое членство не может начаться раньше этой даты ({{joinedOn}}).",
    LOGIN_TAKEN: "Логин «{{login}}» уже занят.",
    WEAK_PASSWORD: "Пароль должен содержать не менее {{min}} символов.",
    USER_DISABLED: "Учётная запись отключена.",
    CURRENT_PASSWORD_WRONG: "Текущий пароль указан неверно.",
    SELF_LOCKOUT: "Нельзя отключить собственную учётную запись или снять с себя роль администратора.",
    JOURNAL_EMPTY: "Проводка должна содержать не менее двух строк.",
    JOURNAL_LINE_ZERO: "В строке {{line}} проводки нет суммы.",
    JOURNAL_UNBALANCED: "Проводка не сбалансирована в {{currency}}: расхождение {{difference}}.",
    BOOKS_ALREADY_OPEN: "Бухгалтерский учёт организации «{{org}}» уже открыт.",
    ACCOUNT_CODE_INVALID:
      "«{{code}}» — не код счёта: используйте от 1 до 20 букв, цифр, точек, дефисов или подчёркиваний, начиная с буквы или цифры.",
    ACCOUNT_CODE_TAKEN: "В плане счетов уже есть счёт с кодом {{code}}.",
    ACCOUNT_NAME_INVALID:
      "У счёта должно быть название не длиннее 200 символов, без «:» (этот знак разделяет уровни полного названия счёта).",
    ACCOUNT_NAME_TAKEN: "У родительского счёта уже есть счёт «{{name}}».",
    ACCOUNT_CLOSED: "Счёт «{{account}}» закрыт.",
    ACCOUNT_TOP_LEVEL: "«{{account}}» — счёт верхнего уровня плана счетов, его нельзя закрыть.",
    ACCOUNT_HAS_CHILDREN: "У счёта «{{account}}» есть открытые субсчета; сначала закройте их.",
    ACCOUNT_NOT_EMPTY: "Счёт «{{account}}» нельзя закрыть: его сальдо {{balance}} {{currency}}.",
    JOURNAL_ALREADY_REVERSED: "Эта проводка уже сторнирована.",
    JOURNAL_ENTRY_NOT_MANUAL:
      "Эта проводка создана по другой записи (займу, встрече…); исправляйте её через ту запись.",
    SCHEDULE_TERMS_INVALID: "По этим условиям нельзя построить график: {{details}}",
    PRODUCT_RATE_ABOVE_CAP:
      "ГЭСВ займов по этому продукту может достигать {{rate}} %, что выше предельного значения {{cap}} %, действующего на {{date}}.",
    BOOKS_NOT_OPEN: "Книги учёта {{org}} ещё не открыты: сначала откройте их.",
    LOAN_LENDER_KIND:
      "Организация вида «{{kind}}» не может выдавать займы: продукты бывают у МФО, федерации или кластера.",
    LOAN_PRODUCT_NAME_TAKEN: "Кредитный продукт «{{name}}» здесь уже есть.",
    LOAN_PRODUCT_RETIRED: "Кредитный продукт «{{name}}» больше не предлагается.",
    LOAN_OUTSIDE_PRODUCT_LIMITS: "Для этого продукта {{field}} должно быть от {{min}} до {{max}}.",
    LOAN_SHARES_INVALID: "Доли участниц группового займа указаны неверно: {{details}}.",
    LOAN_WRONG_STATUS: "Это нельзя сделать с займом в статусе «{{status}}».",
    LOAN_MAKER_CHECKER: "Заявку должен одобрить или отклонить не тот сотрудник, который её ввёл.",
    LOAN_DATE_IN_FUTURE: "Дата {{date}} ещё не наступила.",
    LOAN_DATE_BEFORE_DISBURSEMENT: "Дата {{date}} раньше выдачи займа ({{disbursed}}).",
    LOAN_DATE_BEFORE_APPLICATION: "Дата {{date}} раньше подачи заявки ({{applied}}).",
    LOAN_OVERPAYMENT:
      "Платёж на {{amount}} больше задолженности ({{owed}}): примите его как аванс или уменьшите сумму.",
    LOAN_ALREADY_REVERSED: "Этот платёж уже сторнирован.",
    LOAN_REVERSAL_BLOCKED:
      "Этот платёж нельзя сторнировать: от него зависит более поздняя операция ({{kind}}).",
    LOAN_WRITE_OFF_BACKDATED:
      "Списание нельзя датировать {{date}}: это раньше последней записанной операции по займу ({{last}}).",
    LOAN_NO_ADVANCE: "По этому займу нет аванса к возврату.",
    LOAN_GROUP_GRADE_REQUIRED:
      "Для этого продукта группе «{{name}}» нужна оценка {{required}} или выше; её последняя оценка — {{grade}}.",
    RULES_INVALID: "Правила группы заполнены неверно: {{details}}.",
    RULES_BEFORE_LATEST_MEETING:
      "Правила с {{date}} нельзя принять: группа уже провела встречу {{latest}} по действовавшим тогда правилам.",
    MEETING_NO_RULES: "У группы «{{name}}» нет правил, действующих на {{date}}; сначала внесите правила.",
    MEETING_DATE_IN_FUTURE: "Дата встречи {{date}} ещё не наступила.",
    MEETING_DATE_ORDER: "Встречу от {{date}} нельзя внести: последняя встреча группы была {{latest}}.",
    MEETING_NOT_LATEST: "Исправить можно только последнюю встречу группы; встреча от {{date}} закрыта.",
    MEETING_ALREADY_REVERSED: "Эта встреча уже исправлена.",
    MEETING_ATTENDANCE_NOT_A_MEMBER:
      "В списке присутствия есть человек, который не состоит в группе на дату встречи ({{member}}).",
    MEETING_ATTENDANCE_TWICE: "{{member}} указана в списке присутствия дважды.",
    MEETING_ATTENDANCE_MISSING: "В списке присутствия не отмечено, была ли {{member}}.",
    MEETING_AMOUNT_NOT_POSITIVE: "Строка {{line}}: сумма должна быть больше нуля.",
    MEETING_NOT_A_MEMBER: "Строка {{line}}: этот человек не состоит в группе на дату встречи ({{member}}).",
    MEETING_SAVINGS_NOT_RULE: "Строка {{line}}: обязательный взнос {{member}} по правилам группы — {{rule}}.",
    MEETING_SHARES_NOT_RULE:
      "Строка {{line}}: {{member}} должна купить целое число паёв по {{price}}, от {{min}} до {{max}} за встречу.",
    MEETING_VOLUNTARY_NOT_ALLOWED:
      "Строка {{line}}: правила группы не допускают добровольных сбережений ({{member}}).",
    MEETING_WITHDRAWAL_NOT_ALLOWED:
      "Строка {{line}}: правила группы не допускают снятия сбережений ({{member}}).",
    MEETING_WITHDRAWAL_ABOVE_SAVINGS: "Строка {{line}}: у {{member}} сбережений только {{savings}}.",
    MEETING_LOAN_OVER_LIMIT:
      "Строка {{line}}: по правилам группы заём {{member}} не может превышать {{limit}}.",
    MEETING_LOAN_TERM: "Строка {{line}}: заём {{member}} может быть не дольше {{max}} мес.",
    MEETING_LOAN_NOT_FOUND: "Строка {{line}}: у {{member}} нет такого непогашенного займа в группе.",
    MEETING_REPAYMENT_OVER_OWED: "Строка {{line}}: {{member}} должна по этому займу только {{owed}}.",
    MEETING_SOCIAL_PURPOSE:
      "Строка {{line}}: по правилам группы социальный фонд не выплачивает на это ({{purpose}}, {{member}}).",
    MEETING_SOCIAL_FUND_SHORT: "Строка {{line}}: в социальном фонде только {{fund}} ({{member}}).",
    MEETING_EXTERNAL_REPAYMENT:
      "Строка {{line}}: погашение не соответствует долгу по внешним займам ({{owed}}).",
    MEETING_BANK_SHORT: "Строка {{line}}: на банковском счёте только {{bank}}.",
    MEETING_CASH_SHORT: "Строка {{line}}: в кассе на этот момент только {{cash}}.",
    MEETING_CASH_MISMATCH: "Пересчитанная наличность ({{counted}}) не совпадает с учётом ({{books}}).",
    SHAREOUT_LOANS_OPEN:
      "Не погашено внутренних займов: {{count}}; погасите их или явно перенесите в новый цикл.",
    SHAREOUT_NOTHING_SAVED: "В этом цикле никто не сделал сбережений; распределять нечего.",
    SHAREOUT_CASH_BELOW_DEBTS:
      "Денежные средства фонда группы ({{cash}}) меньше её внешних долгов ({{debts}}); распределять нечего.",
    INVALID_DATE: "«{{value}}» — не дата (формат ГГГГ-ММ-ДД).",
    UNKNOWN_CURRENCY: "Валюта «{{currency}}» неизвестна.",
    UNKNOWN_TIME_ZONE: "Часовой пояс «{{timeZone}}» неизвестен.",
    INVALID_AMOUNT: "«{{amount}}» — не сумма в {{currency}}.",
    PERIOD_INVALID: "Период заканчивается ({{to}}) раньше, чем начинается ({{from}}).",
  },
  entities: {
    organisation: "организация",
    person: "человек",
    household: "домохозяйство",
    membership: "членство",
    user: "пользователь",
    grant: "право доступа",
    tenant: "организация-арендатор",
    loan: "заём",
    loanProduct: "кредитный продукт",
    record: "запись",
    account: "счёт",
    journalEntry: "проводка",
    group: "группа",
    meeting: "встреча",
    internalLoan: "внутренний заём",
  },
  memberRoles: {
    president: "председатель",
    secretary: "секретарь",
    treasurer: "казначей",
    member: "член группы",
  },
  iinReasons: {
    format: "в нём должно быть 12 цифр",
    century: "седьмая цифра у физического лица должна быть от 1 до 6",
    "birth-date": "первые шесть цифр не образуют дату рождения",
    "check-digit": "не сходится контрольная цифра",
  },
  hiddenGroupName: "(группа вне вашего доступа)",
  grading: {
    meetingRegularity:
      "Проведено {{held}} из {{expected}} положенных встреч ({{percent}} %); баллы: {{points}} из {{max}}.",
    attendance:
      "Явка: {{attendances}} из {{memberMeetings}} участий во встречах ({{percent}} %); баллы: {{points}} из {{max}}.",
    savingsRegularity:
      "Сбережения внесены в {{paid}} из {{due}} случаев ({{percent}} %); баллы: {{points}} из {{max}}.",
    fundOnLoan: "В займах у участниц {{percent}} % кредитного фонда; баллы: {{points}} из {{max}}.",
    loanRotation:
      "За период займы брали {{borrowers}} из {{members}} участниц ({{percent}} %); баллы: {{points}} из {{max}}.",
    repaymentOnTime:
      "Вовремя погашено {{onTime}} из {{due}} взносов по займам ({{percent}} %); баллы: {{points}} из {{max}}.",
    booksUpToDate:
      "В течение недели внесено {{recordedWithinWeek}} из {{held}} встреч ({{percent}} %); баллы: {{points}} из {{max}}.",
    groupSize: "Активных участниц в группе: {{members}}; баллы: {{points}} из {{max}}.",
    notMeasured: {
      meetingRegularity: "За период не было положенных встреч: не измерено; баллы: {{points}} из {{max}}.",
      attendance: "За период явка не отмечалась: не измерено; баллы: {{points}} из {{max}}.",
      savingsRegularity:
        "За период не причиталось ни одного взноса сбережений: не измерено; баллы: {{points}} из {{max}}.",
      fundOnLoan: "У группы нет кредитного фонда: не измерено; баллы: {{points}} из {{max}}.",
      loanRotation: "В группе нет участниц: не измерено; баллы: {{points}} из {{max}}.",
      repaymentOnTime:
        "За период не наступил срок ни одного взноса по займам: не измерено; баллы: {{points}} из {{max}}.",
      booksUpToDate: "За период не проведено ни одной встречи: не измерено; баллы: {{points}} из {{max}}.",
      groupSize: "В группе нет активных участниц: не измерено; баллы: {{points}} из {{max}}.",
    },
  },
};
