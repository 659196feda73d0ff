// The administrator's organisation tree: nested lists that open and close by keyboard or touch; an
// organisation's details, and for whoever may change the tree, adding an organisation under it,
// moving it under another parent, and opening, pausing or closing it (closing asks first).

import { createOrganisationBody, moveOrganisationBody, statusBody } from "@qadam/core/orgs/contract";
import type { OrgKind, OrgStatus } from "@qadam/core/orgs/types";
import { ALLOWED_PARENTS, ORG_STATUSES } from "@qadam/core/orgs/types";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { OrganisationDto } from "../../api/lists.js";
import { queryClient } from "../../api/query.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import { ScreenHeading } from "../../components/heading.js";
import { checkWith, type FieldErrors } from "../../components/issues.js";
import { formatDate, todayHere } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { messages } from "./messages.js";
import { AdminNav, ConfirmButton, ORGS_KEY, OrgOptions, useAllOrganisations, useCan } from "./shared.js";
import { childrenOf, treeOrder } from "./tree.js";

registerMessages("admin", messages);

const NEW_KINDS = ["federation", "cluster", "shg", "mfo", "centre"] as const;

export default function OrgsScreen() {
  const { t } = useTranslation();
  const orgs = useAllOrganisations();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const all = orgs.data ?? [];
  const children = useMemo(() => childrenOf(all), [all]);
  const roots = useMemo(() => {
    const ids = new Set(all.map((o) => o.id));
    return all.filter((o) => o.parentId === null || !ids.has(o.parentId));
  }, [all]);
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const isOpen = (o: OrganisationDto) => open.has(o.id) !== (o.depth === 0);

  const node = (o: OrganisationDto) => {
    const kids = children.get(o.id) ?? [];
    const expanded = kids.length > 0 && isOpen(o);
    return (
      <li key={o.id}>
        <div className="admin-node">
          {kids.length > 0 ? (
            <button
              type="button"
              className="admin-toggle"
              aria-expanded={expanded}
              aria-label={t(expanded ? "admin.orgs.collapse" : "admin.orgs.expand", { name: o.name })}
              onClick={() => toggle(o.id)}
            >
              <span aria-hidden="true">{expanded ? "−" : "+"}</span>
            </button>
          ) : (
            <span className="admin-toggle-space" />
          )}
          <button
            type="button"
            className="admin-node-name"
            aria-expanded={selected === o.id}
            onClick={() => setSelected(selected === o.id ? null : o.id)}
          >
            <span className="row-title">{o.name}</span>
            <span className="row-detail">
              {t(`orgKinds.${o.kind}`)}
              {kids.length > 0 ? ` · ${t("admin.orgs.children", { count: kids.length })}` : ""}
            </span>
          </button>
          {o.status !== "active" && (
            <span className={o.status === "closed" ? "badge badge-late" : "badge"}>
              {t(`admin.orgs.status.${o.status}`)}
            </span>
          )}
        </div>
        {selected === o.id && <OrgPanel org={o} orgs={all} />}
        {expanded && <ul className="admin-tree">{kids.map(node)}</ul>}
      </li>
    );
  };

  return (
    <>
      <ScreenHeading>{t("admin.orgs.title")}</ScreenHeading>
      <AdminNav />
      <p className="lead">{t("admin.orgs.intro")}</p>
      {orgs.isError && <ErrorNotice error={orgs.error} onRetry={() => void orgs.refetch()} />}
      {orgs.isPending && (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      )}
      {orgs.isSuccess && (
        <>
          <p className="count">{t("admin.orgs.count", { count: all.length })}</p>
          <ul className="admin-tree admin-tree-root" aria-label={t("admin.orgs.title")}>
            {roots.map(node)}
          </ul>
        </>
      )}
    </>
  );
}

type Action = "add" | "move" | "status" | null;

function OrgPanel({ org, orgs }: { org: OrganisationDto; orgs: readonly OrganisationDto[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canWrite = useCan("orgs.write");
  const [action, setAction] = useState<Action>(null);
  const place = [org.place.village, org.place.district, org.place.region].filter(Boolean).join(", ");
  return (
    <div className="card admin-panel">
      <dl className="admin-facts">
        <dt>{t("admin.orgs.kind")}</dt>
        <dd>{t(`orgKinds.${org.kind}`)}</dd>
        {place && (
          <>
            <dt>{t("admin.orgs.place")}</dt>
            <dd>{place}</dd>
          </>
        )}
        <dt>{t("admin.orgs.opened")}</dt>
        <dd>{formatDate(locale, org.openedOn)}</dd>
        <dt>{t("admin.orgs.statusLabel")}</dt>
        <dd>
          {t(`admin.orgs.status.${org.status}`)}
          {org.statusChangedOn ? ` (${formatDate(locale, org.statusChangedOn)})` : ""}
        </dd>
        <dt>{t("admin.orgs.currency")}</dt>
        <dd>{org.currency}</dd>
      </dl>
      {canWrite && (
        <div className="admin-actions">
          {addableUnder(org.kind).length > 0 && (
            <button
              type="button"
              className="button-secondary"
              aria-pressed={action === "add"}
              onClick={() => setAction(action === "add" ? null : "add")}
            >
              {t("admin.orgs.add")}
            </button>
          )}
          {org.parentId !== null && (
            <button
              type="button"
              className="button-secondary"
              aria-pressed={action === "move"}
              onClick={() => setAction(action === "move" ? null : "move")}
            >
              {t("admin.orgs.move")}
            </button>
          )}
          {org.parentId !== null && (
            <button
              type="button"
              className="button-secondary"
              aria-pressed={action === "status"}
              onClick={() => setAction(action === "status" ? null : "status")}
            >
              {t("admin.orgs.changeStatus")}
            </button>
          )}
        </div>
      )}
      {canWrite && action === "add" && <AddForm parent={org} onDone={() => setAction(null)} />}
      {canWrite && action === "move" && <MoveForm org={org} orgs={orgs} onDone={() => setAction(null)} />}
      {canWrite && action === "status" && <StatusForm org={org} onDone={() => setAction(null)} />}
    </div>
  );
}

function addableUnder(kind: OrgKind): (typeof NEW_KINDS)[number][] {
  return NEW_KINDS.filter((k) => ALLOWED_PARENTS[k].includes(kind));
}

/** Sends a change to the tree, then reads the tree again. */
function useTreeChange<B>(path: (body: B) => `/api/v1/${string}`) {
  return useMutation({
    mutationFn: (body: B) => api("POST", path(body), { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

function AddForm({ parent, onDone }: { parent: OrganisationDto; onDone: () => void }) {
  const { t } = useTranslation();
  const kinds = addableUnder(parent.kind);
  const [kind, setKind] = useState<string>(kinds[0] ?? "shg");
  const [name, setName] = useState("");
  const [openedOn, setOpenedOn] = useState(todayHere());
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useTreeChange(() => "/api/v1/orgs");
  function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkWith(createOrganisationBody, { parentId: parent.id, kind, name, openedOn });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    change.mutate(checked.value, { onSuccess: onDone });
  }
  return (
    <form className="form admin-form" onSubmit={submit} noValidate>
      <h3>{t("admin.orgs.addUnder", { name: parent.name })}</h3>
      {change.isError && <ErrorNotice error={change.error} />}
      <div className="field">
        <label htmlFor={`kind-${parent.id}`}>{t("admin.orgs.kind")}</label>
        <select id={`kind-${parent.id}`} value={kind} onChange={(e) => setKind(e.target.value)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`orgKinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t("admin.orgs.name")}
        error={errors.name}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
      />
      <Field
        label={t("admin.orgs.opened")}
        type="date"
        error={errors.openedOn}
        value={openedOn}
        onChange={(e) => setOpenedOn(e.target.value)}
      />
      <button type="submit" className="button-primary" disabled={change.isPending}>
        {t("admin.orgs.addSubmit")}
      </button>
    </form>
  );
}

function MoveForm({
  org,
  orgs,
  onDone,
}: {
  org: OrganisationDto;
  orgs: readonly OrganisationDto[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  // A new parent of an allowed kind, outside the organisation's own subtree.
  const parents = useMemo(() => {
    const inside = new Set<string>([org.id]);
    for (const o of treeOrder(orgs)) if (o.parentId && inside.has(o.parentId)) inside.add(o.id);
    return treeOrder(orgs).filter(
      (o) => !inside.has(o.id) && o.id !== org.parentId && ALLOWED_PARENTS[org.kind].includes(o.kind),
    );
  }, [org, orgs]);
  const [parentId, setParentId] = useState(parents[0]?.id ?? "");
  const [movedOn, setMovedOn] = useState(todayHere());
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useTreeChange(() => `/api/v1/orgs/${org.id}/move`);
  function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkWith(moveOrganisationBody, { parentId, movedOn });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    change.mutate(checked.value, { onSuccess: onDone });
  }
  if (parents.length === 0) return <p className="muted">{t("admin.orgs.nowhereToMove")}</p>;
  return (
    <form className="form admin-form" onSubmit={submit} noValidate>
      <h3>{t("admin.orgs.moveTitle", { name: org.name })}</h3>
      {change.isError && <ErrorNotice error={change.error} />}
      <div className={errors.parentId ? "field field-invalid" : "field"}>
        <label htmlFor={`parent-${org.id}`}>{t("admin.orgs.newParent")}</label>
        <select id={`parent-${org.id}`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <OrgOptions orgs={parents} />
        </select>
      </div>
      <Field
        label={t("admin.orgs.movedOn")}
        type="date"
        error={errors.movedOn}
        value={movedOn}
        onChange={(e) => setMovedOn(e.target.value)}
      />
      <button type="submit" className="button-primary" disabled={change.isPending}>
        {t("admin.orgs.moveSubmit")}
      </button>
    </form>
  );
}

function StatusForm({ org, onDone }: { org: OrganisationDto; onDone: () => void }) {
  const { t } = useTranslation();
  const choices = ORG_STATUSES.filter((s) => s !== org.status);
  const [status, setStatus] = useState<OrgStatus>(choices[0] ?? "active");
  const [on, setOn] = useState(todayHere());
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useTreeChange(() => `/api/v1/orgs/${org.id}/status`);
  function send() {
    const checked = checkWith(statusBody, { status, on });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    change.mutate(checked.value, { onSuccess: onDone });
  }
  return (
    <form
      className="form admin-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (status !== "closed") send();
      }}
      noValidate
    >
      <h3>{t("admin.orgs.statusTitle", { name: org.name })}</h3>
      {change.isError && <ErrorNotice error={change.error} />}
      <div className="field">
        <label htmlFor={`status-${org.id}`}>{t("admin.orgs.newStatus")}</label>
        <select
          id={`status-${org.id}`}
          value={status}
          onChange={(e) => setStatus(e.target.value as OrgStatus)}
        >
          {choices.map((s) => (
            <option key={s} value={s}>
              {t(`admin.orgs.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t("admin.orgs.statusOn")}
        type="date"
        error={errors.on}
        value={on}
        onChange={(e) => setOn(e.target.value)}
      />
      {status === "closed" ? (
        <ConfirmButton
          label={t("admin.orgs.close")}
          question={t("admin.orgs.closeQuestion", { name: org.name })}
          busy={change.isPending}
          onConfirm={send}
        />
      ) : (
        <button type="submit" className="button-primary" disabled={change.isPending}>
          {t("admin.orgs.statusSubmit")}
        </button>
      )}
    </form>
  );
}
