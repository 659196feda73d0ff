// The app's cache of API answers (TanStack Query): a read is shared by the screens that ask for it,
// kept fresh for a short while, and retried once on a network failure but never on a refusal.
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./client.js";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
