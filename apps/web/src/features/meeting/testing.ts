// The meeting flow's tests' group: a kit as the server gives it, small enough to read.
import type { MeetingKit } from "@qadam/core/groups/meeting-kit";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";

export const TODAY = "2026-12-02";
export const LOAN_ID = "01930000-0000-7000-8000-0000000000aa";
export const personId = (i: number) => `01930000-0000-7000-8000-${String(100 + i).padStart(12, "0")}`;

/** A group of 15 members meeting on Wednesdays, 500 a week, with one loan overdue and a group loan due. */
export function kit(): MeetingKit {
  const members = Array.from({ length: 15 }, (_, i) => ({
    personId: personId(i),
    name: `Member ${i + 1}`,
    joinedOn: "2026-01-07",
    leftOn: null,
    savings: "10000",
  }));
  return {
    groupId: "01930000-0000-7000-8000-0000000000ff",
    name: "Moldir",
    currency: "KZT",
    timeZone: "Asia/Almaty",
    openedOn: "2026-01-01",
    today: TODAY,
    fetchedAt: "2026-12-02T08:00:00.000Z",
    latestMeeting: "2026-11-25",
    meetingIds: ["01930000-0000-7000-8000-00000000c125"],
    nextMeeting: "2026-12-02",
    rules: [
      {
        validFrom: "2026-01-01",
        rules: {
          ...DEFAULT_RULES,
          savings: { ...DEFAULT_RULES.savings, voluntary: true, withdrawals: true },
        } as never,
      },
    ],
    members,
    cashBox: "20000",
    bank: "0",
    socialFund: "3000",
    externalLoans: "0",
    openLoans: [
      {
        id: LOAN_ID,
        personId: personId(0),
        principal: "10000",
        monthlyRate: "0.02",
        method: "flat",
        termMonths: 10,
        issuedOn: "2026-09-02",
        repayments: [],
      },
    ],
    groupLoans: [
      {
        loanId: "01930000-0000-7000-8000-0000000000bb",
        penaltyPending: "0",
        allocationOrder: "penalties-fees-interest-principal",
        installments: [
          {
            number: 1,
            dueOn: "2026-11-30",
            owed: "5000",
            principal: "4000",
            interest: "1000",
            fee: "0",
            penalty: "0",
          },
        ],
      },
    ],
  };
}
