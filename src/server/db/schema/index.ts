export * from "./access.ts";
export * from "./audit.ts";
export * from "./organization.ts";
export * from "./areas.ts";
export * from "./activities.ts";
export * from "./overlaps.ts";
export * from "./jobs.ts";
export * from "./notifications.ts";
