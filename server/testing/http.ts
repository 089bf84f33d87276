import { expect } from "vitest";

/** An application/problem+json answer, as the API sends every error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: { path: string; message: string }[];
}

type Injected = { statusCode: number; headers: Record<string, unknown>; json: <T>() => T };

/** Asserts an answer is a French problem of `status`, and returns it. */
export function expectProblem(res: Injected, status: number): Problem {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = res.json<Problem>();
  expect(problem.status).toBe(status);
  expect(problem.type).toBe("about:blank");
  expect(typeof problem.detail).toBe("string");
  expect(problem.detail.length).toBeGreaterThan(0);
  return problem;
}
