/** The review's outline is the server's own, so that the pages number sections as the exports do. */
export { DEPLOYMENT_TITLE, reviewOutline, sectionNumbers, type OutlineItem, type OutlinePart } from "../../../server/shared";
