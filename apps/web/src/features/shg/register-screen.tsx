// Register a person and, for those who may, add her to a group with a role. Each record's id is chosen
// here (UUIDv7) when the form opens, so a double tap or a retry after a lost answer records her once.
// The details are checked by core as the API checks them; the API's refusals land on their fields.

import { errorMessage } from "@qadam/core/i18n";
import { systemIds } from "@qadam/core/ids";
import { joinBody } from "@qadam/core/members/contract";
import { MEMBER_ROLES } from "@qadam/core/members/types";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearch } from "wouter";
import { useAllPages } from "../../api/all-pages.js";
import { ApiError } from "../../api/client.js";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import { ScreenHeading } from "../../components/heading.js";
import { checkWith, type FieldErrors } from "../../components/issues.js";
import { todayHere } from "../../i18n/format.js";
import { registerMessages } from "../../i18n/register.js";
import { useSession } from "../../session.js";
import { groupsPage, joinGroup, type PersonDto, registerPerson } from "./api.js";
import { messages } from "./messages.js";
import { useCan, useFormat } from "./parts.js";
import { checkPerson, FIELD_OF_CODE } from "./person-checks.js";
import { SelectField } from "./select-field.js";

registerMessages("shg", messages);

const EMPTY = {
  givenName: "",
  familyName: "",
  patronymic: "",
  birthDate: "",
  sex: "female",
  phone: "",
  iin: "",
  village: "",
};
type Details = typeof EMPTY;

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

export default function RegisterScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const { me } = useSession();
  const client = useQueryClient();
  const mayJoin = useCan("members.write");
  const search = new URLSearchParams(useSearch());
  const groups = useAllPages(mayJoin ? groupsPage : noGroups);
  const today = todayHere();
  // Where a person not joining a group is registered: an organisation where the reader may register people.
  const homes = useMemo(() => {
    const allowed = new Set(
      me.permissions.filter((p) => p.allows.includes("people.write")).map((p) => p.orgId),
    );
    const seen = new Map<string, string>();
    for (const g of me.user.grants) if (allowed.has(g.orgId)) seen.set(g.orgId, g.orgName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [me]);

  const [ids, setIds] = useState(() => ({ person: systemIds.next(), membership: systemIds.next() }));
  const [details, setDetails] = useState<Details>(EMPTY);
  const [consent, setConsent] = useState(false);
  const [homeId, setHomeId] = useState(homes[0]?.id ?? "");
  const [groupId, setGroupId] = useState(search.get("group") ?? "");
  const [role, setRole] = useState<(typeof MEMBER_ROLES)[number]>("member");
  const [joinedOn, setJoinedOn] = useState(today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [person, setPerson] = useState<PersonDto | null>(null);
  const [joined, setJoined] = useState<string | null>(null);

  // With one group in sight (a bookkeeper's own), she joins it unless the reader says otherwise.
  const chosenGroup =
    groupId ||
    (mayJoin && groups.state === "ready" && groups.items.length === 1 ? (groups.items[0]?.id ?? "") : "");

  const set = (key: keyof Details) => (e: { target: { value: string } }) =>
    setDetails((d) => ({ ...d, [key]: e.target.value }));

  function refused(error: unknown) {
    if (!(error instanceof ApiError)) return setFailure(error);
    const field = FIELD_OF_CODE[error.code];
    const onFields: FieldErrors = {};
    for (const name of [...Object.keys(EMPTY), "consent", "groupId", "role", "joinedOn", "orgId"]) {
      const message = error.onField(name);
      if (message) onFields[name] = message;
    }
    if (field) onFields[field] = error.message;
    if (Object.keys(onFields).length > 0) setErrors(onFields);
    else setFailure(error);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const body = {
      id: ids.person,
      orgId: chosenGroup || homeId,
      familyName: orNull(details.familyName),
      givenName: orNull(details.givenName),
      patronymic: orNull(details.patronymic),
      birthDate: orNull(details.birthDate),
      sex: details.sex === "" ? null : details.sex,
      phone: orNull(details.phone),
      iin: orNull(details.iin),
      village: orNull(details.village),
      consent: consent ? { givenOn: today, scope: t("shg.register.consentScope") } : null,
    };
    const found: FieldErrors = {};
    if (!person) {
      const checked = checkPerson(f.locale, body, today);
      if (!checked.ok) Object.assign(found, checked.errors);
      if (!consent) found.consent = errorMessage(f.locale, { code: "CONSENT_REQUIRED", params: {} });
    }
    const join = { id: ids.membership, personId: person?.id ?? ids.person, role, joinedOn };
    if (chosenGroup) {
      const checked = checkWith(joinBody, join);
      if (!checked.ok) Object.assign(found, checked.errors);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      let registered = person;
      if (!registered) {
        registered = await registerPerson(body as Parameters<typeof registerPerson>[0]);
        setPerson(registered);
        void client.invalidateQueries({ queryKey: ["shg", "people"] });
      }
      if (chosenGroup) {
        await joinGroup(chosenGroup, { ...join, personId: registered.id });
        setJoined(chosenGroup);
        void client.invalidateQueries({ queryKey: ["shg", chosenGroup] });
      }
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  }

  function again() {
    setIds({ person: systemIds.next(), membership: systemIds.next() });
    setDetails(EMPTY);
    setConsent(false);
    setPerson(null);
    setJoined(null);
    setErrors({});
    setFailure(null);
  }

  const name = person ? [person.givenName, person.familyName].filter(Boolean).join(" ") : "";
  if (person && (joined || !chosenGroup))
    return (
      <div className="content-narrow">
        <ScreenHeading>{t("shg.register.title")}</ScreenHeading>
        <p className="notice notice-done" role="status">
          {joined
            ? t("shg.register.doneJoined", {
                name,
                group: groups.items.find((g) => g.id === joined)?.name ?? "",
                role: t(`shg.role.${role}`),
              })
            : t("shg.register.done", { name })}
        </p>
        <div className="shg-actions">
          {joined && (
            <AppLink to={`/groups/${joined}`} className="button-secondary shg-button-link">
              {t("shg.register.openGroup")}
            </AppLink>
          )}
          <button type="button" className="button-secondary" onClick={again}>
            {t("shg.register.another")}
          </button>
        </div>
      </div>
    );

  return (
    <div className="content-narrow">
      <ScreenHeading>{t("shg.register.title")}</ScreenHeading>
      <p className="lead">{t("shg.register.intro")}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {failure !== null && <ErrorNotice error={failure} />}
        {person && (
          <p className="notice notice-done" role="status">
            {t("shg.register.registeredNotJoined", { name })}
          </p>
        )}
        <fieldset className="shg-fieldset" disabled={person !== null}>
          <legend>{t("shg.register.person")}</legend>
          <Field
            label={t("shg.register.givenName")}
            name="givenName"
            autoComplete="off"
            error={errors.givenName}
            value={details.givenName}
            onChange={set("givenName")}
          />
          <Field
            label={t("shg.register.familyName")}
            name="familyName"
            autoComplete="off"
            error={errors.familyName}
            value={details.familyName}
            onChange={set("familyName")}
          />
          <Field
            label={t("shg.register.patronymic")}
            name="patronymic"
            autoComplete="off"
            error={errors.patronymic}
            value={details.patronymic}
            onChange={set("patronymic")}
          />
          <SelectField
            label={t("shg.register.sex")}
            name="sex"
            error={errors.sex}
            value={details.sex}
            onChange={set("sex")}
          >
            <option value="female">{t("shg.register.female")}</option>
            <option value="male">{t("shg.register.male")}</option>
          </SelectField>
          <Field
            label={t("shg.register.birthDate")}
            name="birthDate"
            type="date"
            max={today}
            error={errors.birthDate}
            value={details.birthDate}
            onChange={set("birthDate")}
          />
          <Field
            label={t("shg.register.iin")}
            hint={t("shg.register.iinHint")}
            name="iin"
            inputMode="numeric"
            autoComplete="off"
            error={errors.iin}
            value={details.iin}
            onChange={set("iin")}
          />
          <Field
            label={t("shg.register.phone")}
            hint={t("shg.register.phoneHint")}
            name="phone"
            type="tel"
            autoComplete="off"
            error={errors.phone}
            value={details.phone}
            onChange={set("phone")}
          />
          <Field
            label={t("shg.register.village")}
            name="village"
            autoComplete="off"
            error={errors.village}
            value={details.village}
            onChange={set("village")}
          />
          {!chosenGroup && homes.length > 1 && (
            <SelectField
              label={t("shg.register.org")}
              name="orgId"
              error={errors.orgId}
              value={homeId}
              onChange={(e) => setHomeId(e.target.value)}
            >
              {homes.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </SelectField>
          )}
          <div className={errors.consent ? "field field-invalid" : "field"}>
            <label className="check">
              <input
                type="checkbox"
                name="consent"
                checked={consent}
                aria-invalid={errors.consent ? true : undefined}
                aria-describedby={errors.consent ? "shg-consent-error" : "shg-consent-hint"}
                onChange={(e) => setConsent(e.target.checked)}
              />
              {t("shg.register.consent")}
            </label>
            <p className="hint" id="shg-consent-hint">
              {t("shg.register.consentHint")}
            </p>
            {errors.consent && (
              <p className="field-error" id="shg-consent-error">
                {errors.consent}
              </p>
            )}
          </div>
        </fieldset>
        {mayJoin && (
          <fieldset className="shg-fieldset">
            <legend>{t("shg.register.membership")}</legend>
            <SelectField
              label={t("shg.register.group")}
              name="groupId"
              error={errors.groupId}
              value={chosenGroup}
              onChange={(e) => setGroupId(e.target.value)}
            >
              <option value="">{t("shg.register.noGroup")}</option>
              {groups.items.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </SelectField>
            {chosenGroup && (
              <>
                <SelectField
                  label={t("shg.register.role")}
                  name="role"
                  error={errors.role}
                  value={role}
                  onChange={(e) => setRole(e.target.value as typeof role)}
                >
                  {MEMBER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`shg.role.${r}`)}
                    </option>
                  ))}
                </SelectField>
                <Field
                  label={t("shg.register.joinedOn")}
                  name="joinedOn"
                  type="date"
                  max={today}
                  error={errors.joinedOn}
                  value={joinedOn}
                  onChange={(e) => setJoinedOn(e.target.value)}
                />
              </>
            )}
          </fieldset>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy
            ? t("shg.register.saving")
            : chosenGroup
              ? t("shg.register.submitJoin")
              : t("shg.register.submit")}
        </button>
      </form>
    </div>
  );
}

const noGroups: typeof groupsPage = async () => ({ items: [], nextCursor: null });
