// The credit feature's calls to the API, typed and checked by the loans contract of @qadam/core.
import { pageSchema } from "@qadam/core/contract/pagination";
import {
  type applicationBody,
  type decisionBody,
  type disburseBody,
  type LoanDto,
  loanListItemSchema,
  loanSchema,
  type noteBody,
  type paymentBody,
  productDto,
  type requestDecisionBody,
  type reverseBody,
} from "@qadam/core/loans/contract";
import {
  installmentDueSchema,
  type LendableBorrower,
  lendableBorrowerSchema,
  pendingApplicationSchema,
  pendingRequestSchema,
} from "@qadam/core/loans/due-list-contract";
import { type PreviewOptions, schedulePreviewSchema } from "@qadam/core/loans/preview";
import { z } from "zod";
import { api } from "../../api/client.js";

export type { LendableBorrower, LoanDto };

type Paging = { cursor: string | undefined; limit: number };

export const installmentsDue = (orgId: string, on: string, page: Paging) =>
  api("GET", `/api/v1/orgs/${orgId}/installments-due`, {
    query: { on, ...page },
    schema: pageSchema(installmentDueSchema),
  });

export const loansOf = (orgId: string, status: string | undefined, page: Paging) =>
  api("GET", "/api/v1/loans", { query: { orgId, status, ...page }, schema: pageSchema(loanListItemSchema) });

export const pendingApplications = (orgId: string, page: Paging) =>
  api("GET", `/api/v1/orgs/${orgId}/loan-applications/pending`, {
    query: page,
    schema: pageSchema(pendingApplicationSchema),
  });

export const pendingRequests = (orgId: string, page: Paging) =>
  api("GET", `/api/v1/orgs/${orgId}/loan-requests/pending`, {
    query: page,
    schema: pageSchema(pendingRequestSchema),
  });

export const findBorrowers = (orgId: string, query: { type: "person" | "group"; q?: string; ids?: string }) =>
  api("GET", `/api/v1/orgs/${orgId}/borrowers`, {
    query: { ...query, limit: 200 },
    schema: z.array(lendableBorrowerSchema),
  });

export const productsOf = (orgId: string) =>
  api("GET", `/api/v1/orgs/${orgId}/loan-products`, {
    query: { limit: 200 },
    schema: pageSchema(productDto),
  });

export const schedulePreview = (options: PreviewOptions) =>
  api("GET", "/api/v1/loans/schedule-preview", {
    query: options as Record<string, string | number | undefined>,
    schema: schedulePreviewSchema,
  });

export const loan = (id: string) => api("GET", `/api/v1/loans/${id}`, { schema: loanSchema });

export const applyForLoan = (body: z.input<typeof applicationBody>) =>
  api("POST", "/api/v1/loans", { body, schema: loanSchema });

export const decideApplication = (id: string, approve: boolean, body: z.input<typeof decisionBody>) =>
  api("POST", `/api/v1/loans/${id}/${approve ? "approve" : "reject"}`, { body, schema: loanSchema });

export const decideRequest = (
  loanId: string,
  requestId: string,
  approve: boolean,
  body: z.input<typeof requestDecisionBody>,
) =>
  api("POST", `/api/v1/loans/${loanId}/requests/${requestId}/${approve ? "approve" : "reject"}`, {
    body,
    schema: loanSchema,
  });

export const disburseLoan = (id: string, body: z.input<typeof disburseBody>) =>
  api("POST", `/api/v1/loans/${id}/disburse`, { body, schema: loanSchema });

export const repayLoan = (id: string, body: z.input<typeof paymentBody>) =>
  api("POST", `/api/v1/loans/${id}/repayments`, { body, schema: loanSchema });

export const reverseTransaction = (id: string, transactionId: string, body: z.input<typeof reverseBody>) =>
  api("POST", `/api/v1/loans/${id}/transactions/${transactionId}/reverse`, { body, schema: loanSchema });

export const addLoanNote = (id: string, body: z.input<typeof noteBody>) =>
  api("POST", `/api/v1/loans/${id}/notes`, { body, schema: loanSchema });
