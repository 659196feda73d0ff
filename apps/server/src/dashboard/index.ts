// The manager's dashboard: an organisation's loan portfolio, PAR30 and its groups' savings and internal
// loans month by month, with members by region and grades — read only, through the loans' and groups'
// front doors.
// Guarantees:
// - each point equals what portfolio-at-risk and the group roll-up say for the same organisation and date;
// - only what the actor may see is read (NOT_FOUND otherwise); nothing is written.
export { type Dashboard, dashboardOf } from "./dashboard.js";
export { dashboardJson, dashboardRoutes } from "./routes.js";
