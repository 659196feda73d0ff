// The shell's word on this phone's offline life: "offline" with no connection, and how many meetings
// wait to be sent or were refused, linking to the outbox. A chunk of its own (the phone's database),
// loaded after the shell is drawn.
import { useTranslation } from "react-i18next";
import { AppLink } from "../../components/app-link.js";
import { useOutbox } from "../../offline/runtime.js";
import { useOnline } from "../../session.js";

export default function OutboxIndicator({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  const rows = useOutbox(userId) ?? [];
  const waiting = rows.filter((r) => r.state === "waiting" || r.state === "sending").length;
  const refused = rows.filter((r) => r.state === "refused").length;
  if (online && waiting === 0 && refused === 0) return null;
  return (
    <AppLink to="/outbox" className="outbox-indicator">
      {!online && <span className="outbox-indicator-offline">{t("outbox.indicator.offline")}</span>}
      {refused > 0 && (
        <span className="outbox-indicator-refused">{t("outbox.indicator.refused", { count: refused })}</span>
      )}
      {waiting > 0 && (
        <span className="outbox-indicator-waiting">{t("outbox.indicator.waiting", { count: waiting })}</span>
      )}
    </AppLink>
  );
}
