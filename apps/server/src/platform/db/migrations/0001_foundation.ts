// 0001: tenants, the organisation tree, people and memberships, users and access, audit, idempotency.
import { type Kysely, sql } from "kysely";
import { type ColumnTypes, columnTypes } from "../column-types.js";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const t: ColumnTypes = columnTypes(db);

  await db.schema
    .createTable("tenants")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("default_locale", "text", (c) => c.notNull())
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addCheckConstraint("tenants_self", sql`tenant_id = id`)
    .execute();

  await db.schema
    .createTable("organisations")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("parent_id", t.uuid, (c) => c.references("organisations.id"))
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(sql`kind in ('association','partner_ngo','federation','cluster','shg','mfo','centre')`),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_folded", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => t.bytewise(c.notNull()))
    .addColumn("depth", "integer", (c) => c.notNull())
    .addColumn("region", "text")
    .addColumn("district", "text")
    .addColumn("village", "text")
    .addColumn("territory_code", "text")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("opened_on", t.date, (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active','dormant','closed')`))
    .addColumn("status_changed_on", t.date)
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addColumn("updated_at", t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("organisations_tenant_path")
    .on("organisations")
    .columns(["tenant_id", "path"])
    .execute();
  await db.schema
    .createIndex("organisations_parent")
    .on("organisations")
    .columns(["tenant_id", "parent_id"])
    .execute();
  await db.schema
    .createIndex("organisations_one_root")
    .on("organisations")
    .column("tenant_id")
    .unique()
    .where(sql.ref("parent_id"), "is", null)
    .execute();

  await db.schema
    .createTable("org_parent_history")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("parent_id", t.uuid, (c) => c.references("organisations.id"))
    .addColumn("valid_from", t.date, (c) => c.notNull())
    .addColumn("valid_to", t.date)
    .addColumn("recorded_at", t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("org_parent_history_org")
    .on("org_parent_history")
    .columns(["tenant_id", "org_id"])
    .execute();

  await db.schema
    .createTable("households")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("village", "text")
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("households_org").on("households").columns(["tenant_id", "org_id"]).execute();

  await db.schema
    .createTable("persons")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("family_name", "text")
    .addColumn("given_name", "text")
    .addColumn("patronymic", "text")
    .addColumn("birth_date", t.date)
    .addColumn("sex", "text", (c) => c.check(sql`sex in ('female','male')`))
    .addColumn("phone", "text")
    .addColumn("iin", "text")
    .addColumn("household_id", t.uuid, (c) => c.references("households.id"))
    .addColumn("village", "text")
    .addColumn("consent_given_on", t.date)
    .addColumn("consent_scope", "text")
    .addColumn("consent_withdrawn_on", t.date)
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addColumn("updated_at", t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("persons_org").on("persons").columns(["tenant_id", "org_id"]).execute();
  await db.schema
    .createIndex("persons_iin")
    .on("persons")
    .columns(["tenant_id", "iin"])
    .unique()
    .where(sql.ref("iin"), "is not", null)
    .execute();
  await db.schema
    .createIndex("persons_household")
    .on("persons")
    .columns(["tenant_id", "household_id"])
    .execute();

  await db.schema
    .createTable("person_search_terms")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("term", "text", (c) => t.bytewise(c.notNull()))
    .addColumn("person_id", t.uuid, (c) => c.notNull().references("persons.id"))
    .addPrimaryKeyConstraint("person_search_terms_pk", ["tenant_id", "term", "person_id"])
    .$call((b) => (t.dialect === "sqlite" ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await db.schema
    .createIndex("person_search_terms_person")
    .on("person_search_terms")
    .column("person_id")
    .execute();

  await db.schema
    .createTable("anonymous_counts")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("counted_on", t.date, (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull().check(sql`count > 0`))
    .addColumn("sex", "text", (c) => c.check(sql`sex in ('female','male')`))
    .addColumn("note", "text")
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("anonymous_counts_org")
    .on("anonymous_counts")
    .columns(["tenant_id", "org_id"])
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("person_id", t.uuid, (c) => c.notNull().references("persons.id"))
    .addColumn("group_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('president','secretary','treasurer','member')`),
    )
    .addColumn("joined_on", t.date, (c) => c.notNull())
    .addColumn("left_on", t.date)
    .addColumn("left_reason", "text")
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addColumn("updated_at", t.instant, (c) => c.notNull())
    .addCheckConstraint("memberships_dates", sql`left_on is null or left_on >= joined_on`)
    .execute();
  await db.schema
    .createIndex("memberships_group")
    .on("memberships")
    .columns(["tenant_id", "group_id"])
    .execute();
  await db.schema
    .createIndex("memberships_person")
    .on("memberships")
    .columns(["tenant_id", "person_id"])
    .execute();
  // The duplicate-membership rule, enforced by the database too so that two concurrent requests cannot both win.
  await db.schema
    .createIndex("memberships_one_active_per_person")
    .on("memberships")
    .columns(["tenant_id", "person_id"])
    .unique()
    .where(sql.ref("left_on"), "is", null)
    .execute();
  await db.schema
    .createIndex("memberships_one_officer_per_role")
    .on("memberships")
    .columns(["group_id", "role"])
    .unique()
    .where(sql<boolean>`left_on is null and role <> 'member'`)
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("login", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active','disabled')`))
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addColumn("updated_at", t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("users_tenant").on("users").column("tenant_id").execute();

  await db.schema
    .createTable("user_grants")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("user_id", t.uuid, (c) => c.notNull().references("users.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("role", "text", (c) =>
      c
        .notNull()
        .check(
          sql`role in ('tenant_admin','federation_officer','credit_officer','programme_officer','group_bookkeeper','auditor')`,
        ),
    )
    .addColumn("granted_at", t.instant, (c) => c.notNull())
    .addColumn("granted_by", t.uuid, (c) => c.references("users.id"))
    .addColumn("revoked_at", t.instant)
    .execute();
  await db.schema
    .createIndex("user_grants_active")
    .on("user_grants")
    .columns(["user_id", "org_id", "role"])
    .unique()
    .where(sql.ref("revoked_at"), "is", null)
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("user_id", t.uuid, (c) => c.notNull().references("users.id"))
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addColumn("expires_at", t.instant, (c) => c.notNull())
    .addColumn("revoked_at", t.instant)
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").columns(["tenant_id", "user_id"]).execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("user_id", t.uuid, (c) => c.notNull().references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addColumn("expires_at", t.instant)
    .addColumn("revoked_at", t.instant)
    .execute();

  await db.schema
    .createTable("login_failures")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("user_id", t.uuid, (c) => c.notNull().references("users.id"))
    .addColumn("ip", "text")
    .addColumn("at", t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_failures_user")
    .on("login_failures")
    .columns(["user_id", "at"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("user_id", t.uuid, (c) => c.references("users.id"))
    .addColumn("at", t.instant, (c) => c.notNull())
    .addColumn("command", "text", (c) => c.notNull())
    .addColumn("records", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_tenant").on("audit_log").columns(["tenant_id", "id"]).execute();
  await t.forbidUpdateAndDelete("audit_log");

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("user_id", t.uuid, (c) => c.notNull().references("users.id"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("status_code", "integer", (c) => c.notNull())
    .addColumn("response_body", "text", (c) => c.notNull())
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["tenant_id", "user_id", "key"])
    .execute();
}
