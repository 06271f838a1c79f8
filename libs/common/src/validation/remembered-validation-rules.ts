import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;
type GroupedRules = ReturnType<Storage['groupByPropertyName']>;
type RulesLookup = Storage['getTargetValidationMetadatas'];

const REMEMBERING = Symbol('answergate.rememberingValidationRules');

/**
 * class-validator looks a class's rules up again for every object it validates, nested ones
 * included: it filters the rules of the class and scans every class it knows for ancestors,
 * then groups the result by property. That was a third of the validation pipe's time for a
 * chat request. The rules only change when a decorator adds one, so each lookup's answer is
 * remembered (frozen: nothing may change a shared list) and all are forgotten when a rule is
 * added. Installs itself once per storage; later calls do nothing.
 */
export function rememberValidationRules(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [REMEMBERING]?: true };
  if (marked[REMEMBERING]) return;
  marked[REMEMBERING] = true;

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  let lookups = new Map<unknown, Map<string, Rules>>();
  let groupings = new WeakMap<Rules, GroupedRules>();

  storage.addValidationMetadata = (rule) => {
    lookups = new Map();
    groupings = new WeakMap();
    addRule(rule);
  };
  const remembered: RulesLookup = (target, schema, always, strictGroups, groups) => {
    const key = lookupKey(schema, always, strictGroups, groups);
    let byKey = lookups.get(target);
    if (!byKey) lookups.set(target, (byKey = new Map<string, Rules>()));
    let rules = byKey.get(key);
    if (!rules) {
      rules = Object.freeze(lookUp(target, schema, always, strictGroups, groups)) as Rules;
      byKey.set(key, rules);
    }
    return rules;
  };
  storage.getTargetValidationMetadatas = remembered;
  storage.groupByPropertyName = (rules) => {
    // Only lists this memo handed out are shared; any other list is grouped as before.
    if (!Object.isFrozen(rules)) return group(rules);
    let grouped = groupings.get(rules);
    if (!grouped) groupings.set(rules, (grouped = Object.freeze(group(rules))));
    return grouped;
  };
}

/** Everything but the class that decides a lookup's answer, as one string. */
function lookupKey(
  schema: string | null | undefined,
  always: boolean,
  strictGroups: boolean,
  groups: string[] | undefined,
): string {
  const named = groups && groups.length > 0 ? JSON.stringify(groups) : '';
  return `${schema == null ? '' : JSON.stringify(schema)}|${always}|${strictGroups}|${named}`;
}
