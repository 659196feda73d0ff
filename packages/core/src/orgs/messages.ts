// The messages of the organisation tree and its tenants, and the word for each kind of organisation.
import type { Texts } from "../i18n/texts.js";
import type { OrgErrorCode } from "./errors.js";
import type { OrgKind } from "./types.js";

export type OrgMessages = {
  errors: Record<OrgErrorCode, Texts>;
  entities: Record<"organisation" | "tenant", Texts>;
  /** The word a message shows for a kind ("$t(orgKinds.{{kind}})"). */
  orgKinds: Record<OrgKind, Texts>;
};

export const orgMessages: OrgMessages = {
  errors: {
    ORG_PARENT_NOT_ALLOWED: {
      kk: "«$t(orgKinds.{{kind}})» түріндегі ұйымды «$t(orgKinds.{{parentKind}})» құрамына орналастыруға болмайды.",
      ru: "Организацию вида «$t(orgKinds.{{kind}})» нельзя разместить под организацией вида «$t(orgKinds.{{parentKind}})».",
      en: "An organisation of the kind “$t(orgKinds.{{kind}})” cannot be placed under one of the kind “$t(orgKinds.{{parentKind}})”.",
      fr: "Une organisation de type « $t(orgKinds.{{kind}}) » ne peut pas dépendre d'une organisation de type « $t(orgKinds.{{parentKind}}) ».",
    },
    ORG_MOVE_INTO_OWN_SUBTREE: {
      kk: "Ұйымды өзінің немесе өз бөлімшесінің құрамына ауыстыруға болмайды.",
      ru: "Организацию нельзя перенести под неё саму или её подразделение.",
      en: "An organisation cannot be moved under itself or one of its own branches.",
      fr: "Une organisation ne peut pas être déplacée sous elle-même ou l'une de ses branches.",
    },
    ORG_NOT_ACTIVE: {
      kk: "«{{name}}» ұйымы жұмыс істемейді.",
      ru: "Организация «{{name}}» не действует.",
      en: "The organisation “{{name}}” is not active.",
      fr: "L'organisation « {{name}} » n'est pas active.",
    },
    ORG_NOT_A_GROUP: {
      kk: "«{{name}}» өзара көмек тобы емес.",
      ru: "«{{name}}» — не группа самопомощи.",
      en: "“{{name}}” is not a self-help group.",
      fr: "« {{name}} » n'est pas un groupe d'entraide.",
    },
    ORG_HAS_ACTIVE_CHILDREN: {
      kk: "«{{name}}» құрамында әлі де жұмыс істеп тұрған ұйымдар бар.",
      ru: "В «{{name}}» ещё есть действующие организации.",
      en: "“{{name}}” still has active organisations under it.",
      fr: "« {{name}} » a encore des organisations actives.",
    },
    ORG_ROOT_CANNOT_MOVE: {
      kk: "Қауымдастықтың өзін ауыстыруға болмайды.",
      ru: "Саму ассоциацию перенести нельзя.",
      en: "The association itself cannot be moved.",
      fr: "L'association elle-même ne peut pas être déplacée.",
    },
    ORG_DATE_BEFORE_OPENING: {
      kk: "{{date}} күні ұйым ашылған күннен ({{openedOn}}) бұрын.",
      ru: "Дата {{date}} раньше даты открытия организации ({{openedOn}}).",
      en: "The date {{date}} is before the organisation opened ({{openedOn}}).",
      fr: "La date {{date}} précède l'ouverture de l'organisation ({{openedOn}}).",
    },
    TENANT_SLUG_TAKEN: {
      kk: "«{{slug}}» қысқа атауы бос емес.",
      ru: "Краткое имя «{{slug}}» уже занято.",
      en: "The short name “{{slug}}” is already taken.",
      fr: "Le nom court « {{slug}} » est déjà pris.",
    },
  },
  entities: {
    organisation: { kk: "ұйым", ru: "организация", en: "organisation", fr: "organisation" },
    tenant: { kk: "ұйым-жалгерші", ru: "организация-арендатор", en: "tenant", fr: "locataire" },
  },
  orgKinds: {
    association: { kk: "қауымдастық", ru: "ассоциация", en: "association", fr: "association" },
    partner_ngo: { kk: "серіктес ҮЕҰ", ru: "партнёрская НКО", en: "partner NGO", fr: "ONG partenaire" },
    federation: { kk: "федерация", ru: "федерация", en: "federation", fr: "fédération" },
    cluster: { kk: "кластер", ru: "кластер", en: "cluster", fr: "grappe" },
    shg: { kk: "өзара көмек тобы", ru: "группа самопомощи", en: "self-help group", fr: "groupe d'entraide" },
    mfo: {
      kk: "микроқаржы ұйымы",
      ru: "микрофинансовая организация",
      en: "micro-credit organisation",
      fr: "institution de microfinance",
    },
    centre: { kk: "орталық", ru: "центр", en: "centre", fr: "centre" },
  },
};
