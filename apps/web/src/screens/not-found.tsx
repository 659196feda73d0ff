// An address the app does not know: said plainly, with the way home.
import { useTranslation } from "react-i18next";
import { ScreenHeading } from "../components/heading.js";
import { navigate, ROUTES } from "../router.js";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t("app.notFound")}</ScreenHeading>
      <p>
        <a
          href={ROUTES.home}
          onClick={(event) => {
            event.preventDefault();
            navigate("home");
          }}
        >
          {t("app.goHome")}
        </a>
      </p>
    </>
  );
}
