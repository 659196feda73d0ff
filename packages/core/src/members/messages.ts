// The messages of memberships in self-help groups, and the word for each member's role.
import type { Texts } from "../i18n/texts.js";
import type { MemberErrorCode } from "./errors.js";
import type { MemberRole } from "./types.js";

export type MemberMessages = {
  errors: Record<MemberErrorCode, Texts>;
  entities: Record<"membership", Texts>;
  /** The word a message nests by a role ("$t(memberRoles.{{role}})"). */
  memberRoles: Record<MemberRole, Texts>;
  /** Stands in a message for the name of a group the reader may not see. */
  hiddenGroupName: Texts;
};

export const memberMessages: MemberMessages = {
  errors: {
    MEMBER_ALREADY_IN_GROUP: {
      kk: "Бұл адам өзара көмек тобының белсенді мүшесі: {{groupName}}.",
      ru: "Этот человек уже состоит в группе самопомощи: {{groupName}}.",
      en: "This person is already an active member of a self-help group: {{groupName}}.",
      fr: "Cette personne est déjà membre d'un groupe d'entraide : {{groupName}}.",
    },
    MEMBERSHIP_ROLE_TAKEN: {
      kk: "Топта белсенді $t(memberRoles.{{role}}) бар.",
      ru: "В группе уже есть действующий $t(memberRoles.{{role}}).",
      en: "The group already has an active $t(memberRoles.{{role}}).",
      fr: "Le groupe a déjà une $t(memberRoles.{{role}}) en fonction.",
    },
    MEMBERSHIP_ALREADY_ENDED: {
      kk: "Бұл мүшелік тоқтатылған.",
      ru: "Это членство уже прекращено.",
      en: "This membership has already ended.",
      fr: "Cette adhésion est déjà terminée.",
    },
    MEMBERSHIP_DATES_INVALID: {
      kk: "Шыққан күн {{leftOn}} кірген күннен {{joinedOn}} бұрын.",
      ru: "Дата выхода {{leftOn}} раньше даты вступления {{joinedOn}}.",
      en: "The leaving date {{leftOn}} is before the joining date {{joinedOn}}.",
      fr: "La date de départ {{leftOn}} précède la date d'adhésion {{joinedOn}}.",
    },
    MEMBERSHIP_PERIOD_OVERLAP: {
      kk: "Бұл адам алдыңғы тобынан {{leftOn}} күні шықты; жаңа мүшелік бұл күннен бұрын ({{joinedOn}}) басталмайды.",
      ru: "Этот человек вышел из прежней группы {{leftOn}}; новое членство не может начаться раньше этой даты ({{joinedOn}}).",
      en: "This person left their previous group on {{leftOn}}; a new membership cannot start before that date ({{joinedOn}}).",
      fr: "Cette personne a quitté son groupe précédent le {{leftOn}} ; une nouvelle adhésion ne peut pas commencer avant cette date ({{joinedOn}}).",
    },
  },
  entities: {
    membership: { kk: "мүшелік", ru: "членство", en: "membership", fr: "adhésion" },
  },
  memberRoles: {
    president: { kk: "төраға", ru: "председатель", en: "president", fr: "présidente" },
    secretary: { kk: "хатшы", ru: "секретарь", en: "secretary", fr: "secrétaire" },
    treasurer: { kk: "қазынашы", ru: "казначей", en: "treasurer", fr: "trésorière" },
    member: { kk: "мүше", ru: "член группы", en: "member", fr: "membre" },
  },
  hiddenGroupName: {
    kk: "(сізге қолжетімсіз топ)",
    ru: "(группа вне вашего доступа)",
    en: "(a group you cannot see)",
    fr: "(un groupe auquel vous n'avez pas accès)",
  },
};
