// The messages of logging in and of permissions.
import type { Texts } from "../i18n/texts.js";
import type { AuthErrorCode } from "./errors.js";

export type AuthMessages = {
  errors: Record<AuthErrorCode, Texts>;
};

export const authMessages: AuthMessages = {
  errors: {
    UNAUTHENTICATED: {
      kk: "Жүйеге кіріңіз.",
      ru: "Войдите в систему.",
      en: "Please log in.",
      fr: "Veuillez vous connecter.",
    },
    INVALID_CREDENTIALS: {
      kk: "Логин немесе құпиясөз қате.",
      ru: "Неверный логин или пароль.",
      en: "The login or password is wrong.",
      fr: "L'identifiant ou le mot de passe est incorrect.",
    },
    FORBIDDEN: {
      kk: "Бұл жазбаны көре аласыз, бірақ өзгерте алмайсыз.",
      ru: "Вы можете просматривать эту запись, но не изменять её.",
      en: "You may see this record but not change it.",
      fr: "Vous pouvez voir cet enregistrement mais pas le modifier.",
    },
    LOGIN_RATE_LIMITED: {
      kk: "Сәтсіз кіру әрекеттері тым көп. {{minutes}} минуттан кейін қайталаңыз.",
      ru: "Слишком много неудачных попыток входа. Повторите через {{minutes}} мин.",
      en: "Too many failed log-ins. Try again in {{minutes}} minutes.",
      fr: "Trop de connexions échouées. Réessayez dans {{minutes}} minutes.",
    },
  },
};
