// The problem bank as the server lists it (with the user's progress), and the last listing.
import { ServerCommands } from "./protocol";
import type { ServerApi } from "./serverApi";

export interface Problem {
  id: string;
  title: string;
  difficulty: string;
  topics: string[];
  /** The catalogue's section (one per problem), its title and its place in the catalogue's order. */
  area: string;
  areaTitle: string;
  areaRank: number;
  kind: string;
  suggestedMinutes: number;
  tests: number;
  testNames: string[];
  solved: boolean;
  bestSeconds: number | null;
  runs: number;
  lastVerdict: string | null;
  statementPath: string;
}

/** Anything that lists the problems (the Problems view needs no more). */
export interface ProblemSource {
  list(): Promise<Problem[]>;
}

export class ProblemCatalog implements ProblemSource {
  private cache: Problem[] = [];

  constructor(private readonly server: ServerApi) {}

  async list(): Promise<Problem[]> {
    const reply = await this.server.execute<{ problems: Problem[] }>(ServerCommands.LIST_PROBLEMS);
    this.cache = reply.problems;
    return reply.problems;
  }

  /** The last listing (empty before the first). */
  cached(): Problem[] {
    return this.cache;
  }
}
