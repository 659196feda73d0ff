// The messages of user accounts, their access grants and passwords.
import type { Texts } from "../i18n/texts.js";
import type { UserErrorCode } from "./errors.js";

/** Why a password is refused (WEAK_PASSWORD's reason; see auth/password-strength.ts in the server). */
export type PasswordWeakness = "short" | "login" | "repeated" | "common" | "guessable";

export type UserMessages = {
  errors: Record<UserErrorCode, Texts>;
  entities: Record<"user" | "grant", Texts>;
  passwordWeakness: Record<PasswordWeakness, Texts>;
};

export const userMessages: UserMessages = {
  errors: {
    LOGIN_TAKEN: {
      kk: "«{{login}}» логині бос емес.",
      ru: "Логин «{{login}}» уже занят.",
      en: "The login “{{login}}” is already taken.",
      fr: "L'identifiant « {{login}} » est déjà pris.",
    },
    WEAK_PASSWORD: {
      kk: "Құпиясөз тым әлсіз: $t(passwordWeakness.{{reason}}).",
      ru: "Пароль слишком слабый: $t(passwordWeakness.{{reason}}).",
      en: "The password is too weak: $t(passwordWeakness.{{reason}}).",
      fr: "Le mot de passe est trop faible : $t(passwordWeakness.{{reason}}).",
    },
    USER_DISABLED: {
      kk: "Бұл есептік жазба өшірілген.",
      ru: "Учётная запись отключена.",
      en: "This user account is disabled.",
      fr: "Ce compte utilisateur est désactivé.",
    },
    CURRENT_PASSWORD_WRONG: {
      kk: "Қазіргі құпиясөз қате енгізілді.",
      ru: "Текущий пароль указан неверно.",
      en: "Your current password is wrong.",
      fr: "Votre mot de passe actuel est incorrect.",
    },
    SELF_LOCKOUT: {
      kk: "Өз есептік жазбаңызды өшіруге немесе өзіңізден әкімші рөлін алуға болмайды.",
      ru: "Нельзя отключить собственную учётную запись или снять с себя роль администратора.",
      en: "You cannot disable your own account or remove your own administrator role.",
      fr: "Vous ne pouvez pas désactiver votre propre compte ni vous retirer le rôle d'administrateur.",
    },
  },
  entities: {
    user: { kk: "пайдаланушы", ru: "пользователь", en: "user", fr: "utilisateur" },
    grant: { kk: "қол жеткізу құқығы", ru: "право доступа", en: "grant", fr: "droit d'accès" },
  },
  passwordWeakness: {
    short: {
      kk: "онда кемінде {{min}} таңба болуы керек",
      ru: "в нём должно быть не менее {{min}} символов",
      en: "it must have at least {{min}} characters",
      fr: "il doit compter au moins {{min}} caractères",
    },
    login: {
      kk: "ол логиніңізбен немесе оның нұсқасымен сәйкес келмеуі керек",
      ru: "он не должен совпадать с вашим логином или его вариантом",
      en: "it must not be your login or a variant of it",
      fr: "il ne doit pas reprendre votre identifiant ni une variante de celui-ci",
    },
    repeated: {
      kk: "ол бір таңбаның немесе үзіндінің қайталануынан тұрмауы керек",
      ru: "он не должен состоять из повторов одного символа или фрагмента",
      en: "it must not repeat the same character or pattern",
      fr: "il ne doit pas répéter le même caractère ou le même motif",
    },
    common: {
      kk: "бұл ең жиі қолданылатын құпиясөздердің бірі",
      ru: "это один из самых распространённых паролей",
      en: "it is one of the most common passwords",
      fr: "c'est l'un des mots de passe les plus courants",
    },
    guessable: {
      kk: "оны табу тым оңай; бір-бірімен байланыссыз бірнеше сөзді алыңыз",
      ru: "его слишком легко угадать; возьмите несколько не связанных между собой слов",
      en: "it is too easy to guess; use a few unrelated words",
      fr: "il est trop facile à deviner ; prenez quelques mots sans rapport entre eux",
    },
  },
};
