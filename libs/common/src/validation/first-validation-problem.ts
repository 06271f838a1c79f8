import type { ValidationError } from 'class-validator';

/** Walks class-validator's tree to the first failing field: `messages[0].role` style path and reason. */
export function firstValidationProblem(
  errors: ValidationError[],
  parentPath = '',
): { param: string; message: string } | undefined {
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const path = isIndex
      ? `${parentPath}[${error.property}]`
      : parentPath
        ? `${parentPath}.${error.property}`
        : error.property;
    // A missing field fails every rule; the one that says it is missing explains it best.
    const { isDefined, ...others } = error.constraints ?? {};
    const constraints = [isDefined, ...Object.values(others)].filter(Boolean);
    if (constraints.length > 0) return { param: path, message: constraints[0] };
    const nested = firstValidationProblem(error.children ?? [], path);
    if (nested) return nested;
  }
  return undefined;
}
