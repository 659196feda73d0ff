// The grades domain's front door: the grades federations gave their groups, as kept (the grading itself,
// from a group's books and the tenant's table, is the groups domain's; see groups/grades.ts).
// Guarantees:
// - a grade, once recorded, is never changed or removed: a new grading adds a row, and "the grade on a
//   date" is the latest recorded on or before it (of one day, the one recorded last);
// - every read is within one tenant, for groups the caller has already found through the actor's
//   visibility (loans: the borrowing group; groups: the group or the roll-up's subtree).
export { type GradeToKeep, gradeOnDate, gradesOf, gradesOnDate, type KeptGrade, keepGrade } from "./store.js";
