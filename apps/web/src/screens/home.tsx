// The home page: a greeting, the user's organisations and roles, and for each role what it does first.
import { ROLES } from "@qadam/core/auth/roles";
import { useTranslation } from "react-i18next";
import { ScreenHeading } from "../components/heading.js";
import { RolePanel } from "../home/role-panels.js";
import { formatDate, todayHere } from "../i18n/format.js";
import { currentLocale } from "../i18n/i18n.js";
import { useSession } from "../session.js";

export function Home() {
  const { t } = useTranslation();
  const { me } = useSession();
  const locale = currentLocale();
  const grants = [...me.user.grants].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  return (
    <>
      <ScreenHeading>{t("home.greeting", { name: me.user.displayName })}</ScreenHeading>
      <p className="lead">
        {me.tenant.name} · {t("home.today", { date: formatDate(locale, todayHere()) })}
      </p>

      <section className="card" aria-labelledby="organisations">
        <h2 id="organisations">{t("home.organisations")}</h2>
        {grants.length === 0 ? (
          <p>{t("home.noRoles")}</p>
        ) : (
          <ul className="rows">
            {grants.map((g) => (
              <li key={g.id}>
                <span className="row-title">{g.orgName}</span>
                <span className="row-detail">{t(`roles.${g.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {grants.length > 0 && (
        <section aria-labelledby="work">
          <h2 id="work">{t("home.roleTitle")}</h2>
          {grants.map((g) => (
            <div key={g.id} className="role">
              <p className="role-task">
                <strong>{t("home.roleOn", { role: t(`roles.${g.role}`), org: g.orgName })}.</strong>{" "}
                {t(`roleTasks.${g.role}`)}
              </p>
              <RolePanel role={g.role} orgId={g.orgId} />
            </div>
          ))}
        </section>
      )}
    </>
  );
}
