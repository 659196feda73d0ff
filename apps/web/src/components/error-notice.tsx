// A failure said in the reader's language: the API's own message, or ours when there was no answer.
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.js";

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.message : errorText(error, t);
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t("app.retry")}
        </button>
      )}
    </div>
  );
}

function errorText(error: unknown, t: (key: string) => string): string {
  return error instanceof TypeError || (error instanceof Error && error.name === "NetworkError")
    ? t("errors.network")
    : t("errors.unexpected");
}
