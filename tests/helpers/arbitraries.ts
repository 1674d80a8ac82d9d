// fast-check arbitraries for hostile input: what a careless client, a fuzzer or an attacker can send to a schema or a
// form action. Values a browser form can carry are strings (several for a repeated key); a schema used on the
// client may also meet numbers, arrays, objects, null and undefined.
import fc from "fast-check";

const RTL_OVERRIDE = "\u202E";
const RTL_MARK = "\u200F";
const ZERO_WIDTH = "\u200B\u200C\u200D\uFEFF";

/** Named edge cases: each has broken some parser somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\u0007\u0008\u001B[31m",
  "\u0085\u2028\u2029",
  RTL_OVERRIDE,
  `${RTL_OVERRIDE}gpj.exe`,
  RTL_MARK,
  ZERO_WIDTH,
  "\uD800",
  "\uDFFF\uD800",
  "😀",
  "👩🏽‍💻🇰🇿",
  "Ｐ１２３４５６",
  "ǅ",
  "İ",
  "NaN",
  "-NaN",
  "Infinity",
  "-Infinity",
  "1e400",
  "-1e400",
  "1e-400",
  "-0",
  "0x1F",
  "1_000",
  "9007199254740993",
  "9".repeat(400),
  "-".concat("9".repeat(400)),
  "1,5",
  "1.5.5",
  "٣",
  "2026-02-30",
  "2026-13-01",
  "2026-00-10",
  "0000-00-00",
  "99999-01-01",
  "-2026-01-01",
  "2026-1-1",
  "2026-01-01T00:00:00Z",
  "2026-01-01\u0000",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "http://",
  "https://x\u0000.test",
  '=HYPERLINK("http://x.test")',
  "../../etc/passwd",
  "%00",
  "%E0%A4%A",
  "x".repeat(20_000),
  "😀".repeat(5_000),
  `${"a\n".repeat(500)}`,
];

/** A calendar-day-shaped string, most of them impossible (month 0 or 13, day 31 of February, year 0 or 99999). */
export const dayLike: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
  .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

/** Numbers as a form would carry them: NaN, ±Infinity, -0, huge, tiny, fractional, big integers. */
export const numberLike: fc.Arbitrary<string> = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map((n) => n.toExponential()),
);

/** Any string a hostile client may put in one form field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: numberLike },
  { weight: 2, arbitrary: dayLike },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)), { minLength: 2, maxLength: 4 })
      .map((parts) => parts.join("")),
  },
);

/** Any value a schema may be handed outside a form (a client-side caller, a JSON body, a test). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, 1e308, 2 ** 53 + 1) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }) },
);

/** Field names no form has, including the ones that trouble plain-object parsers and the nested-key convention. */
export const unknownFieldName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    "targets.0.value",
    "targets.999.periodEnd",
    "targets.-1.value",
    "items[]",
    "x[]",
    "",
    "\u0000",
    RTL_OVERRIDE,
    "a".repeat(5_000),
  ),
  fc.string({ maxLength: 12 }),
);

/** Form entries as posted: repeated keys are allowed (that is how a browser sends several values). */
export type FormEntries = Array<[string, string]>;

/** Stands for "the valid value of this field", filled in when the form is posted (see `formEntries`). */
export const KEEP = Symbol("the valid value");
/** A hostile form before the valid values are known: fields with KEEP take them from the valid form. */
export type FormPlan = Array<[string, string | typeof KEEP]>;

/** What one field of a valid form becomes: kept, replaced, dropped, or repeated (an array where a scalar belongs). */
function mutatedField(name: string, replacements: fc.Arbitrary<string>): fc.Arbitrary<FormPlan> {
  const value = fc.oneof(fc.constant<typeof KEEP>(KEEP), replacements);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<FormPlan>([[name, KEEP]]) },
    { weight: 3, arbitrary: replacements.map((v): FormPlan => [[name, v]]) },
    { weight: 1, arbitrary: fc.constant<FormPlan>([]) },
    {
      weight: 1,
      arbitrary: fc
        .array(value, { minLength: 2, maxLength: 4 })
        .map((values): FormPlan => values.map((v) => [name, v])),
    },
  );
}

export type HostileFormOptions = {
  /** Other values worth trying per field (e.g. the other intents of the same action, ids of other records). */
  alternatives?: Record<string, readonly string[]>;
};

/**
 * A valid form (its field names given) turned hostile. Half the cases change one field only (the others stay
 * valid, so the request gets past the other checks and reaches the deep ones: the model, the database); the other
 * half change any number of fields at once. Unknown fields are added now and then.
 */
export function hostileForm(fields: readonly string[], options: HostileFormOptions = {}): fc.Arbitrary<FormPlan> {
  const replacementsFor = (name: string): fc.Arbitrary<string> => {
    const alternatives = options.alternatives?.[name] ?? [];
    return alternatives.length > 0
      ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...alternatives) }, { weight: 3, arbitrary: hostileString })
      : hostileString;
  };
  const kept = (name: string) => fc.constant<FormPlan>([[name, KEEP]]);
  const extras = fc.array(fc.tuple(unknownFieldName, hostileString), { maxLength: 3 });
  const oneField =
    fields.length === 0
      ? fc.constant<FormPlan>([])
      : fc
          .constantFrom(...fields)
          .chain((target) =>
            fc.tuple(
              ...fields.map((name) => (name === target ? mutatedField(name, replacementsFor(name)) : kept(name))),
            ),
          )
          .map((parts) => parts.flat());
  const anyFields =
    fields.length === 0
      ? fc.constant<FormPlan>([])
      : fc.tuple(...fields.map((name) => mutatedField(name, replacementsFor(name)))).map((parts) => parts.flat());
  return fc
    .tuple(
      fc.oneof(oneField, anyFields),
      fc.oneof({ weight: 3, arbitrary: fc.constant<FormPlan>([]) }, { weight: 1, arbitrary: extras }),
    )
    .map(([known, more]) => [...known, ...more]);
}

/** The entries to post: KEEP replaced by the field's valid value. */
export function formEntries(plan: FormPlan, valid: Record<string, string>): FormEntries {
  return plan.map(([name, value]) => [name, value === KEEP ? (valid[name] ?? "") : value]);
}

/** A field's value as a parsed form holds it: a string, or an array of strings for a repeated key. */
export const formValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 4 }) },
);

/**
 * An object for a schema: each known field given a value (a form's by default, or any `values`) or left out,
 * plus unknown keys now and then.
 */
export function hostileObject(
  fieldNames: readonly string[],
  values: fc.Arbitrary<unknown> = formValue,
): fc.Arbitrary<Record<string, unknown>> {
  const field = (name: string) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant<Array<[string, unknown]>>([]) },
      { weight: 4, arbitrary: values.map((v): Array<[string, unknown]> => [[name, v]]) },
    );
  const extras = fc.array(fc.tuple(unknownFieldName, values), { maxLength: 2 });
  return fc
    .tuple(fc.tuple(...fieldNames.map(field)), extras)
    .map(([known, more]) => Object.fromEntries([...known.flat(), ...more]));
}
