// English messages: the fallback language.
import type { Messages } from "../messages.js";

export const en: Messages = {
  errors: {
    VALIDATION_FAILED: "The request is not valid: {{details}}",
    MALFORMED_REQUEST: "The request could not be read: {{details}}",
    INVALID_CURSOR: "The page cursor is not valid; start again from the first page.",
    IDEMPOTENCY_KEY_REQUIRED: "This request changes data and needs an Idempotency-Key header.",
    UNAUTHENTICATED: "Please log in.",
    INVALID_CREDENTIALS: "The login or password is wrong.",
    FORBIDDEN: "You may see this record but not change it.",
    NOT_FOUND: "No such {{entity}}.",
    ROUTE_NOT_FOUND: "There is no such address in the API.",
    METHOD_NOT_ALLOWED: "This address does not accept that method.",
    IDEMPOTENCY_KEY_REUSED: "This Idempotency-Key was already used for a different request.",
    CONCURRENT_UPDATE: "Someone else changed this record at the same time; please try again.",
    PAYLOAD_TOO_LARGE: "The request is too large.",
    UNSUPPORTED_MEDIA_TYPE: "Send the request body as JSON.",
    LOGIN_RATE_LIMITED: "Too many failed log-ins. Try again in {{minutes}} minutes.",
    RATE_LIMITED: "Too many requests. Try again in a moment.",
    INTERNAL: "Something went wrong on our side. Nothing was saved.",
    ORG_PARENT_NOT_ALLOWED: "A {{kind}} cannot be placed under a {{parentKind}}.",
    ORG_MOVE_INTO_OWN_SUBTREE: "An organisation cannot be moved under itself or one of its own branches.",
    ORG_NOT_ACTIVE: "The organisation “{{name}}” is not active.",
    ORG_NOT_A_GROUP: "“{{name}}” is not a self-help group.",
    ORG_HAS_ACTIVE_CHILDREN: "“{{name}}” still has active organisations under it.",
    ORG_ROOT_CANNOT_MOVE: "The association itself cannot be moved.",
    ORG_DATE_BEFORE_OPENING: "The date {{date}} is before the organisation opened ({{openedOn}}).",
    TENANT_SLUG_TAKEN: "The short name “{{slug}}” is already taken.",
    INVALID_IIN: "The IIN {{iin}} is not valid: $t(iinReasons.{{reason}}).",
    IIN_BIRTH_DATE_MISMATCH: "The IIN {{iin}} does not match the birth date {{birthDate}}.",
    IIN_SEX_MISMATCH: "The IIN {{iin}} does not match the person's sex.",
    IIN_ALREADY_REGISTERED: "A person with the IIN {{iin}} is already registered.",
    INVALID_PHONE: "The phone number “{{phone}}” is not valid.",
    CONSENT_REQUIRED:
      "Personal data can be kept only with the person's consent; without it, record an anonymous count.",
    PERSON_ANONYMISED: "This person withdrew consent; their personal data has been removed.",
    MEMBER_ALREADY_IN_GROUP: "This person is already an active member of a self-help group: {{groupName}}.",
    MEMBERSHIP_ROLE_TAKEN: "The group already has an active $t(memberRoles.{{role}}).",
    MEMBERSHIP_ALREADY_ENDED: "This membership has already ended.",
    MEMBERSHIP_DATES_INVALID: "The leaving date {{leftOn}} is before the joining date {{joinedOn}}.",
    MEMBERSHIP_PERIOD_OVERLAP:
      "This person left their previous group on {{leftOn}}; a new membership cannot start before that date ({{joinedOn}}).",
    LOGIN_TAKEN: "The login “{{login}}” is already taken.",
    WEAK_PASSWORD: "The password must have at least {{min}} characters.",
    USER_DISABLED: "This user account is disabled.",
    CURRENT_PASSWORD_WRONG: "Your current password is wrong.",
    SELF_LOCKOUT: "You cannot disable your own account or remove your own administrator role.",
    JOURNAL_EMPTY: "An entry needs at least two lines.",
    JOURNAL_LINE_ZERO: "Line {{line}} of the entry has no amount.",
    JOURNAL_UNBALANCED: "The entry does not balance in {{currency}}: it is off by {{difference}}.",
    BOOKS_ALREADY_OPEN: "The books of “{{org}}” are already open.",
    ACCOUNT_CODE_INVALID:
      "“{{code}}” is not an account code: use 1 to 20 letters, digits, dots, dashes or underscores, starting with a letter or a digit.",
    ACCOUNT_CODE_TAKEN: "Another account of this chart already has the code {{code}}.",
    ACCOUNT_NAME_INVALID:
      "An account needs a name of at most 200 characters, without “:” (it separates the levels of an account's full name).",
    ACCOUNT_NAME_TAKEN: "The parent account already has an account named “{{name}}”.",
    ACCOUNT_CLOSED: "The account “{{account}}” is closed.",
    ACCOUNT_TOP_LEVEL: "“{{account}}” is a top-level account of the chart and cannot be closed.",
    ACCOUNT_HAS_CHILDREN: "The account “{{account}}” still has open accounts under it; close them first.",
    ACCOUNT_NOT_EMPTY: "The account “{{account}}” cannot be closed: its balance is {{balance}} {{currency}}.",
    JOURNAL_ALREADY_REVERSED: "This entry has already been reversed.",
    JOURNAL_ENTRY_NOT_MANUAL:
      "This entry was posted for another record (a loan, a meeting…); correct it through that record.",
    SCHEDULE_TERMS_INVALID: "These loan terms cannot make a schedule: {{details}}",
    PRODUCT_RATE_ABOVE_CAP:
      "Loans of this product could cost up to {{rate}} % a year, above the legal cap of {{cap}} % in force on {{date}}.",
    BOOKS_NOT_OPEN: "The books of {{org}} are not open yet: open them first.",
    LOAN_LENDER_KIND:
      "A {{kind}} cannot lend: loan products belong to a micro-credit organisation, a federation or a cluster.",
    LOAN_PRODUCT_NAME_TAKEN: "A loan product named “{{name}}” already exists here.",
    LOAN_PRODUCT_RETIRED: "The loan product “{{name}}” is no longer offered.",
    LOAN_OUTSIDE_PRODUCT_LIMITS: "The {{field}} must be between {{min}} and {{max}} for this product.",
    LOAN_SHARES_INVALID: "The members' shares of this group loan are not right: {{details}}.",
    LOAN_WRONG_STATUS: "This cannot be done to a loan whose status is “{{status}}”.",
    LOAN_MAKER_CHECKER:
      "A loan must be approved or rejected by someone other than the person who entered the application.",
    LOAN_DATE_IN_FUTURE: "The date {{date}} is in the future.",
    LOAN_DATE_BEFORE_DISBURSEMENT: "The date {{date}} is before the loan was disbursed ({{disbursed}}).",
    LOAN_DATE_BEFORE_APPLICATION: "The date {{date}} is before the application ({{applied}}).",
    LOAN_OVERPAYMENT:
      "The payment is {{amount}} more than what is owed ({{owed}}); record it as an advance or take less.",
    LOAN_ALREADY_REVERSED: "This repayment has already been reversed.",
    LOAN_REVERSAL_BLOCKED: "This repayment cannot be reversed: a later {{kind}} depends on it.",
    LOAN_WRITE_OFF_BACKDATED:
      "A write-off cannot be dated {{date}}, before the loan's last recorded event ({{last}}).",
    LOAN_NO_ADVANCE: "There is no advance to refund on this loan.",
    LOAN_GROUP_GRADE_REQUIRED:
      "“{{name}}” needs grade {{required}} or better for this loan product; its latest grade is {{grade}}.",
    RULES_INVALID: "The group's rules are not valid: {{details}}.",
    RULES_BEFORE_LATEST_MEETING:
      "Rules from {{date}} cannot be adopted: the group already met on {{latest}} under the rules then in force.",
    MEETING_NO_RULES: "The group “{{name}}” has no rules in force on {{date}}; record its rules first.",
    MEETING_DATE_IN_FUTURE: "The meeting date {{date}} is in the future.",
    MEETING_DATE_ORDER:
      "A meeting on {{date}} cannot be recorded: the group's latest meeting was on {{latest}}.",
    MEETING_NOT_LATEST:
      "Only the group's latest meeting can be corrected; the meeting of {{date}} is closed.",
    MEETING_ALREADY_REVERSED: "This meeting was already corrected.",
    MEETING_ATTENDANCE_NOT_A_MEMBER:
      "The attendance lists someone who is not a member of the group on the meeting's date ({{member}}).",
    MEETING_ATTENDANCE_TWICE: "{{member}} is listed twice in the attendance.",
    MEETING_ATTENDANCE_MISSING: "The attendance does not say whether {{member}} came.",
    MEETING_AMOUNT_NOT_POSITIVE: "Line {{line}}: the amount must be above zero.",
    MEETING_NOT_A_MEMBER:
      "Line {{line}}: this person is not a member of the group on the meeting's date ({{member}}).",
    MEETING_SAVINGS_NOT_RULE:
      "Line {{line}}: {{member}}'s compulsory savings must be {{rule}}, as the group's rules say.",
    MEETING_SHARES_NOT_RULE:
      "Line {{line}}: {{member}} must buy whole shares of {{price}}, between {{min}} and {{max}} at a meeting.",
    MEETING_VOLUNTARY_NOT_ALLOWED:
      "Line {{line}}: the group's rules do not allow voluntary savings ({{member}}).",
    MEETING_WITHDRAWAL_NOT_ALLOWED:
      "Line {{line}}: the group's rules do not allow withdrawing savings ({{member}}).",
    MEETING_WITHDRAWAL_ABOVE_SAVINGS: "Line {{line}}: {{member}} has only {{savings}} in savings.",
    MEETING_LOAN_OVER_LIMIT:
      "Line {{line}}: a loan to {{member}} may not exceed {{limit}} under the group's rules.",
    MEETING_LOAN_TERM: "Line {{line}}: a loan to {{member}} may run at most {{max}} months.",
    MEETING_LOAN_NOT_FOUND: "Line {{line}}: {{member}} has no such open loan in the group.",
    MEETING_REPAYMENT_OVER_OWED: "Line {{line}}: {{member}} owes only {{owed}} on this loan.",
    MEETING_SOCIAL_PURPOSE:
      "Line {{line}}: under the group's rules the social fund does not pay for this ({{purpose}}, {{member}}).",
    MEETING_SOCIAL_FUND_SHORT: "Line {{line}}: the social fund holds only {{fund}} ({{member}}).",
    MEETING_EXTERNAL_REPAYMENT:
      "Line {{line}}: the repayment does not fit the external loans owed ({{owed}}).",
    MEETING_BANK_SHORT: "Line {{line}}: the bank account holds only {{bank}}.",
    MEETING_CASH_SHORT: "Line {{line}}: the cash box holds only {{cash}} at that point.",
    MEETING_CASH_MISMATCH: "The cash counted ({{counted}}) does not match the books ({{books}}).",
    SHAREOUT_LOANS_OPEN:
      "{{count}} internal loans are still open; have them repaid, or carry them over explicitly.",
    SHAREOUT_NOTHING_SAVED: "No member saved anything in this cycle; there is nothing to share out.",
    SHAREOUT_CASH_BELOW_DEBTS:
      "The group's loan-fund cash ({{cash}}) is less than what it owes outside ({{debts}}); nothing can be shared out.",
    INVALID_DATE: "“{{value}}” is not a date (use YYYY-MM-DD).",
    UNKNOWN_CURRENCY: "“{{currency}}” is not a known currency.",
    UNKNOWN_TIME_ZONE: "“{{timeZone}}” is not a known time zone.",
    INVALID_AMOUNT: "“{{amount}}” is not an amount in {{currency}}.",
    PERIOD_INVALID: "The period ends ({{to}}) before it starts ({{from}}).",
  },
  entities: {
    organisation: "organisation",
    person: "person",
    household: "household",
    membership: "membership",
    user: "user",
    grant: "grant",
    tenant: "tenant",
    loan: "loan",
    loanProduct: "loan product",
    record: "record",
    account: "account",
    journalEntry: "journal entry",
    group: "group",
    meeting: "meeting",
    internalLoan: "internal loan",
  },
  memberRoles: {
    president: "president",
    secretary: "secretary",
    treasurer: "treasurer",
    member: "member",
  },
  iinReasons: {
    format: "it must have 12 digits",
    century: "the seventh digit must be 1 to 6 for a person",
    "birth-date": "the first six digits are not a date of birth",
    "check-digit": "the check digit does not match",
  },
  hiddenGroupName: "(a group you cannot see)",
  grading: {
    meetingRegularity:
      "{{held}} of {{expected}} expected meetings held ({{percent}} %): {{points}} of {{max}} points.",
    attendance:
      "Members came to {{attendances}} of {{memberMeetings}} member-meetings ({{percent}} %): {{points}} of {{max}} points.",
    savingsRegularity:
      "Savings paid at {{paid}} of {{due}} member-meetings ({{percent}} %): {{points}} of {{max}} points.",
    fundOnLoan: "{{percent}} % of the loan fund is lent to members: {{points}} of {{max}} points.",
    loanRotation:
      "{{borrowers}} of {{members}} members borrowed in the period ({{percent}} %): {{points}} of {{max}} points.",
    repaymentOnTime:
      "{{onTime}} of {{due}} installments due were repaid on time ({{percent}} %): {{points}} of {{max}} points.",
    booksUpToDate:
      "{{recordedWithinWeek}} of {{held}} meetings were recorded within a week ({{percent}} %): {{points}} of {{max}} points.",
    groupSize: "{{members}} active members: {{points}} of {{max}} points.",
    notMeasured: {
      meetingRegularity: "No meeting was expected in the period: not measured, {{points}} of {{max}} points.",
      attendance: "No attendance was recorded in the period: not measured, {{points}} of {{max}} points.",
      savingsRegularity: "No saving fell due in the period: not measured, {{points}} of {{max}} points.",
      fundOnLoan: "The group has no loan fund: not measured, {{points}} of {{max}} points.",
      loanRotation: "The group has no members: not measured, {{points}} of {{max}} points.",
      repaymentOnTime:
        "No loan installment fell due in the period: not measured, {{points}} of {{max}} points.",
      booksUpToDate: "No meeting was held in the period: not measured, {{points}} of {{max}} points.",
      groupSize: "The group has no active members: not measured, {{points}} of {{max}} points.",
    },
  },
};
