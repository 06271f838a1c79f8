import type { ValidationError } from 'class-validator';

export interface ValidationProblem {
  param: string;
  message: string;
  /** class-validator's constraint name, e.g. `whitelistValidation` for an unknown field. */
  constraint: string;
}

/** Walks class-validator's tree to the first failing field: `messages[0].role` style path and reason. */
export function firstValidationProblem(
  errors: ValidationError[],
  parentPath = '',
): ValidationProblem | undefined {
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const path = isIndex
      ? `${parentPath}[${error.property}]`
      : parentPath
        ? `${parentPath}.${error.property}`
        : error.property;
    // A missing field fails every rule; the one that says it is missing explains it best.
    const entries = Object.entries(error.constraints ?? {});
    const first = entries.find(([name]) => name === 'isDefined') ?? entries[0];
    if (first) return { param: path, message: first[1], constraint: first[0] };
    const nested = firstValidationProblem(error.children ?? [], path);
    if (nested) return nested;
  }
  return undefined;
}
