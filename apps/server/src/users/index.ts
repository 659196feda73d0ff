// Users and access. Guarantees: a user belongs to one tenant and sees nothing of another (404);
// a role on an organisation covers its subtree; only users.write over an organisation hands out
// roles on it; a disabled user's sessions and tokens stop at once, and so do they on a password reset;
// passwords exist only as argon2id, and failed guesses of one are counted per login (platform/auth).
export {
  type ApiToken,
  createApiToken,
  listApiTokens,
  listUserApiTokens,
  revokeApiToken,
  revokeUserApiToken,
} from "./api-tokens.js";
export { type AuditEntry, auditLog } from "./audit.js";
export {
  createUser,
  createUserWithGrant,
  disableUser,
  enableUser,
  grantRole,
  type NewUser,
  revokeGrant,
} from "./commands.js";
export { loginsEndingWith, userByLogin } from "./logins.js";
export { changeOwnPassword, checkPassword, setPassword } from "./passwords.js";
export { findUser, listUsers, type User, type UserGrant } from "./queries.js";
export { userRoutes } from "./routes.js";
