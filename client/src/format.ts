// Small text helpers the pages and the status bar share.
import type { PhaseKind } from "./serverApi";

/** Seconds as m:ss ("–" when unknown). */
export function clock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "–";
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Text shown as is: no emphasis, link or HTML from its characters. */
export function plain(text: string): string {
  return text.replace(/[\\*`[\]]/g, "\\$&").replace(/</g, "&lt;");
}

/** A mock phase as people say it (a phase of an old interview is a coding phase). */
export function phaseName(kind: PhaseKind | null | undefined): string {
  return kind === "questions" ? "questions" : kind === "followups" ? "follow-ups" : "coding";
}
