/**
 * The canonical fields an indicator system may read: the data layer's field catalogue
 * (`src/data/fields.ts`, which transcribes shared/spec/data-model.md), seen through the two
 * questions the system checks ask — does the field exist, and can it feed a number or a veto?
 * Fields a system defines itself (extension columns) are declared in its `optionalFields`.
 * tests/systems/known-fields.test.ts pins the id list against data-model.md.
 */
import { FIELDS, FIELD_BY_ID, isNumericType, type FieldDef, type FieldType } from '../data/fields.ts';

export type KnownField = FieldDef;
export type { FieldType };

export const KNOWN_FIELDS: readonly KnownField[] = FIELDS;

export const KNOWN_FIELD_IDS: readonly string[] = FIELDS.map((k) => k.id);

export function knownField(id: string): KnownField | undefined {
  return FIELD_BY_ID.get(id);
}

/** Whether a field can feed a value rule or a bonus count (amounts, counts and 1/0 flags). */
export function isNumericField(k: KnownField): boolean {
  return isNumericType(k.type);
}
