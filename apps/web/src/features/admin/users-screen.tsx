// The administrator's users: every user in a virtualised, searchable list; a new user with a first
// role; and for the user chosen, her roles on organisations (grant, revoke) and her access (disable,
// enable). Revoking and disabling ask first. An auditor sees the same list with no write action.
import { ROLES } from "@qadam/core/auth/roles";
import { LOCALES } from "@qadam/core/i18n";
import { createUserBody, grantBody, type UserDto, userSchema } from "@qadam/core/users/contract";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { users } from "../../api/lists.js";
import { queryClient } from "../../api/query.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import { ScreenHeading } from "../../components/heading.js";
import { checkWith, type FieldErrors } from "../../components/issues.js";
import { VirtualList } from "../../components/virtual-list.js";
import { formatInstant } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { messages } from "./messages.js";
import { AdminNav, allPages, ConfirmButton, OrgOptions, useAllOrganisations, useCan } from "./shared.js";
import { treeOrder } from "./tree.js";

registerMessages("admin", messages);

const USERS_KEY = ["admin", "users"] as const;

export default function UsersScreen() {
  const { t } = useTranslation();
  const canWrite = useCan("users.write");
  const list = useQuery({
    queryKey: USERS_KEY,
    queryFn: () => allPages((cursor, limit) => users({ cursor, limit })),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const user = list.data?.find((u) => u.id === chosen) ?? null;

  return (
    <>
      <ScreenHeading>{t("admin.users.title")}</ScreenHeading>
      <AdminNav />
      {canWrite && !creating && !user && (
        <p>
          <button type="button" className="button-secondary" onClick={() => setCreating(true)}>
            {t("admin.users.new")}
          </button>
        </p>
      )}
      {canWrite && creating && (
        <NewUser
          onDone={(id) => {
            setCreating(false);
            if (id) setChosen(id);
          }}
        />
      )}
      {user && (
        <section ref={panel} className="card" aria-labelledby="chosen-user">
          <UserPanel
            user={user}
            canWrite={canWrite}
            onClose={() => {
              setChosen(null);
              requestAnimationFrame(() => document.querySelector<HTMLElement>("main h1")?.focus());
            }}
          />
        </section>
      )}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      )}
      {/* One thing at a time: the list steps aside (kept, with its search) while a user is open or made. */}
      {list.isSuccess && (
        <div hidden={creating || user !== null}>
          <VirtualList<UserDto>
            label={t("admin.users.title")}
            items={list.data}
            keyOf={(u) => u.id}
            searchText={(u) => `${u.displayName} ${u.login} ${u.grants.map((g) => g.orgName).join(" ")}`}
            sorts={[
              {
                id: "name",
                label: t("admin.users.byName"),
                compare: (a, b) => a.displayName.localeCompare(b.displayName),
              },
              {
                id: "login",
                label: t("admin.users.byLogin"),
                compare: (a, b) => a.login.localeCompare(b.login),
              },
            ]}
            count={(shown, total) => t("admin.users.count", { count: shown, total })}
            empty={t("admin.users.none")}
            render={(u) => (
              <div className="admin-user-row">
                <div>
                  <span className="row-title">{u.displayName}</span>
                  <span className="row-detail">{u.login}</span>
                  <span className="row-detail">
                    {u.grants.length === 0
                      ? t("admin.users.noRoles")
                      : [...new Set(u.grants.map((g) => t(`roles.${g.role}`)))].join(", ")}
                  </span>
                  {u.status === "disabled" && (
                    <span className="badge badge-late">{t("users.status.disabled")}</span>
                  )}
                </div>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => {
                    setChosen(u.id);
                    requestAnimationFrame(() => {
                      panel.current?.scrollIntoView({ block: "start" });
                      panel.current?.querySelector<HTMLElement>("h2")?.focus();
                    });
                  }}
                >
                  {t("admin.users.open")}
                  <span className="admin-sr-only">: {u.displayName}</span>
                </button>
              </div>
            )}
          />
        </div>
      )}
    </>
  );
}

/** Puts the user's new state into the list without reading every page again. */
function replaceUser(updated: UserDto) {
  queryClient.setQueryData<UserDto[]>(USERS_KEY, (old) =>
    old ? old.map((u) => (u.id === updated.id ? updated : u)) : old,
  );
}

function UserPanel({ user, canWrite, onClose }: { user: UserDto; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const self = useReloadUser(user.id);
  const act = useMutation({
    mutationFn: (path: `/api/v1/${string}`) => api("POST", path, { schema: userSchema }),
    onSuccess: replaceUser,
  });
  const revoke = useMutation({
    mutationFn: (grantId: string) => api("POST", `/api/v1/users/${user.id}/grants/${grantId}/revoke`),
    onSuccess: () => self.mutate(),
  });
  return (
    <>
      <h2 id="chosen-user" tabIndex={-1}>
        {user.displayName}
      </h2>
      <p className="row-detail">
        {user.login} · {t(`users.status.${user.status}`)} ·{" "}
        {t("admin.users.since", { date: formatInstant(locale, user.createdAt) })}
      </p>
      {(act.isError || revoke.isError) && <ErrorNotice error={act.error ?? revoke.error} />}
      <h3>{t("admin.users.roles")}</h3>
      {user.grants.length === 0 ? (
        <p className="muted">{t("admin.users.noRoles")}</p>
      ) : (
        <ul className="rows">
          {user.grants.map((g) => (
            <li key={g.id} className="admin-grant">
              <span>
                <span className="row-title">{t(`roles.${g.role}`)}</span>
                <span className="row-detail">{g.orgName}</span>
              </span>
              {canWrite && (
                <ConfirmButton
                  label={t("admin.users.revoke")}
                  question={t("admin.users.revokeQuestion", {
                    role: t(`roles.${g.role}`),
                    org: g.orgName,
                    name: user.displayName,
                  })}
                  busy={revoke.isPending}
                  onConfirm={() => revoke.mutate(g.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && <GrantForm user={user} onGranted={() => self.mutate()} />}
      <div className="admin-actions">
        {canWrite &&
          (user.status === "active" ? (
            <ConfirmButton
              label={t("admin.users.disable")}
              question={t("admin.users.disableQuestion", { name: user.displayName })}
              busy={act.isPending}
              onConfirm={() => act.mutate(`/api/v1/users/${user.id}/disable`)}
            />
          ) : (
            <button
              type="button"
              className="button-secondary"
              disabled={act.isPending}
              onClick={() => act.mutate(`/api/v1/users/${user.id}/enable`)}
            >
              {t("admin.users.enable")}
            </button>
          ))}
        <button type="button" className="button-secondary" onClick={onClose}>
          {t("admin.users.close")}
        </button>
      </div>
    </>
  );
}

/** Reads one user again (after a grant or a revocation) and puts her into the list. */
function useReloadUser(id: string) {
  return useMutation({
    mutationFn: () => api("GET", `/api/v1/users/${id}`, { schema: userSchema }),
    onSuccess: replaceUser,
  });
}

function RoleAndOrg({
  role,
  orgId,
  setRole,
  setOrgId,
  errors,
}: {
  role: string;
  orgId: string;
  setRole: (r: string) => void;
  setOrgId: (o: string) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const id = useId();
  const orgs = useAllOrganisations();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t("admin.users.role")}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={errors.orgId ? "field field-invalid" : "field"}>
        <label htmlFor={`${id}-org`}>{t("admin.users.org")}</label>
        <select
          id={`${id}-org`}
          value={orgId}
          onChange={(e) => setOrgId(e.target.value)}
          aria-describedby={errors.orgId ? `${id}-org-error` : undefined}
        >
          <option value="">{t("admin.users.chooseOrg")}</option>
          <OrgOptions orgs={treeOrder(orgs.data ?? [])} />
        </select>
        {errors.orgId && (
          <p className="field-error" id={`${id}-org-error`}>
            {errors.orgId}
          </p>
        )}
      </div>
    </>
  );
}

function GrantForm({ user, onGranted }: { user: UserDto; onGranted: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<string>("federation_officer");
  const [orgId, setOrgId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const grant = useMutation({
    mutationFn: (body: unknown) => api("POST", `/api/v1/users/${user.id}/grants`, { body }),
    onSuccess: () => {
      setOrgId("");
      onGranted();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!orgId) return setErrors({ orgId: t("admin.users.orgRequired") });
    const checked = checkWith(grantBody, { orgId, role });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    grant.mutate(checked.value);
  }
  return (
    <form className="form admin-form" onSubmit={submit} noValidate>
      <h3>{t("admin.users.grant")}</h3>
      {grant.isError && <ErrorNotice error={grant.error} />}
      <RoleAndOrg role={role} orgId={orgId} setRole={setRole} setOrgId={setOrgId} errors={errors} />
      <button type="submit" className="button-primary" disabled={grant.isPending}>
        {t("admin.users.grantSubmit")}
      </button>
    </form>
  );
}

function NewUser({ onDone }: { onDone: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [locale, setLocale] = useState<string>(currentLocale());
  const [role, setRole] = useState<string>("group_bookkeeper");
  const [orgId, setOrgId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: unknown) => api("POST", "/api/v1/users", { body, schema: userSchema }),
    onSuccess: (created) => {
      queryClient.setQueryData<UserDto[]>(USERS_KEY, (old) => (old ? [...old, created] : old));
      onDone(created.id);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "LOGIN_TAKEN") setErrors({ login: error.message });
      else if (error instanceof ApiError && error.code === "WEAK_PASSWORD")
        setErrors({ password: error.message });
      else if (error instanceof ApiError && error.details.length > 0)
        setErrors({
          login: error.onField("login"),
          displayName: error.onField("displayName"),
          password: error.onField("password"),
        });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkWith(createUserBody, {
      login,
      displayName,
      password,
      locale,
      grants: orgId ? [{ orgId, role }] : [],
    });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.value);
  }
  const fieldError =
    create.error instanceof ApiError && ["LOGIN_TAKEN", "WEAK_PASSWORD"].includes(create.error.code);
  return (
    <section className="card" aria-labelledby="new-user">
      <h2 id="new-user">{t("admin.users.new")}</h2>
      <form className="form" onSubmit={submit} noValidate>
        {create.isError && !fieldError && <ErrorNotice error={create.error} />}
        <Field
          label={t("admin.users.displayName")}
          error={errors.displayName}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          required
          autoComplete="off"
        />
        <Field
          label={t("admin.users.login")}
          hint={t("admin.users.loginHint")}
          error={errors.login}
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          required
          autoComplete="off"
        />
        <Field
          label={t("admin.users.password")}
          hint={t("admin.users.passwordHint")}
          error={errors.password}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          autoComplete="new-password"
        />
        <div className="field">
          <label htmlFor="new-user-locale">{t("admin.users.language")}</label>
          <select id="new-user-locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <RoleAndOrg role={role} orgId={orgId} setRole={setRole} setOrgId={setOrgId} errors={errors} />
        <div className="admin-actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {t("admin.users.create")}
          </button>
          <button type="button" className="button-secondary" onClick={() => onDone(null)}>
            {t("admin.confirm.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
