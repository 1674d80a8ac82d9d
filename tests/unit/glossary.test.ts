// One term per concept (docs/glossary.md): a Russian or Kazakh string that uses a synonym the glossary rejected fails
// here, named by its key, so a new string cannot bring "Индикаторы" back beside "Показатели".
import { describe, expect, it } from "vitest";
import kk from "~/i18n/locales/kk/index";
import ru from "~/i18n/locales/ru/index";

/** A rejected synonym: the pattern that finds it and the glossary's term to use instead. */
type Rule = { pattern: RegExp; use: string };

const RU: Rule[] = [
  { pattern: /индикатор/i, use: "показатель" },
  { pattern: /этап/i, use: "контрольная точка (milestone)" },
  { pattern: /\bвех[аиуы]/i, use: "контрольная точка (milestone)" },
  { pattern: /панел\p{L}* статус/iu, use: "доска статусов" },
  { pattern: /\bIFC\b(?!-)/, use: "МФК" },
  { pattern: /исполнительн\p{L}* агентств/iu, use: "исполнительное ведомство" },
  { pattern: /учреждени/i, use: "институт Группы ВБ (institution)" },
  { pattern: /менеджер/i, use: "руководитель (manager)" },
  { pattern: /сотрудника;|ролью сотрудника|с ролью сотрудник/i, use: "специалист (officer)" },
  { pattern: /дайджест/i, use: "сводка (digest)" },
  { pattern: /\b(сдать|сдано|сдан|сдали|сдайте)\b/iu, use: "представить (report a value)" },
  {
    pattern: /(?<!\p{L})направ(ить|ил|ила|ило|или|ил\(а\)|ляет|лять|ляют|лено|лена|лены|ьте)(?!\p{L})/iu,
    use: "отправить (submit)",
  },
  { pattern: /(?<!\p{L})подач[аиуе]/iu, use: "представление (report) или отправка (submit)" },
  { pattern: /высоко удовлетворит/i, use: "весьма удовлетворительно (HS)" },
  {
    pattern: /(конечн|итогов|промежуточн|исходн|первоначальн)\p{L}* цел(ь|и|ей|ью|ям|ями|ях)(?!\p{L})/iu,
    use: "целевое значение (target)",
  },
  // "Дата оценки" (the day a rating was given) names the act, not the rating.
  { pattern: /(?<!\p{L}|Дата )(оценк[аиуео]|оценок|Оценк[аиуео])(?!\p{L})/u, use: "рейтинг (ISR rating)" },
  { pattern: /(?<!\p{L})исходн\p{L}* значени/iu, use: "базовое значение (baseline)" },
  { pattern: /(?<!\p{L})Подтверждения(?!\p{L})/u, use: "подтверждающие материалы (evidence)" },
  { pattern: /ссылки на подтверждения/i, use: "подтверждающие материалы (evidence)" },
  { pattern: /(?<!\p{L})сдвиг/iu, use: "отклонение (slip)" },
  { pattern: /продвижени/i, use: "прогресс (progress)" },
  // The interface says «вы» in lower case; «Вы» only opens a sentence.
  { pattern: /[\p{Ll},;:] (Вы|Вас|Вам|Ваш\p{L}*)(?!\p{L})/u, use: "«вы» in lower case inside a sentence" },
  { pattern: /(?<!\p{L})(ты|тебе|тебя|твой|твоя|твоё)(?!\p{L})/iu, use: "the formal «вы»" },
  { pattern: /вершин\p{L}* цепочки/iu, use: "последнее звено цепочки (head of the chain)" },
];

const KK: Rule[] = [
  { pattern: /индикатор/i, use: "көрсеткіш" },
  { pattern: /\bIFC\b(?!-)/, use: "ХҚК" },
  { pattern: /агенттік/i, use: "ведомство (implementing agency)" },
  { pattern: /мекеме/i, use: "ДБ тобының институты (institution)" },
  { pattern: /менеджер/i, use: "басшы (manager)" },
  { pattern: /қызметкер рөл/i, use: "маман (officer)" },
  { pattern: /дайджест/i, use: "жиынтық (digest)" },
  { pattern: /жоба командас/i, use: "жоба тобы (project team)" },
  // «Мақсат» is the objective (жобаның даму мақсаты, ЖДМ) and the DAC purpose code, never a target.
  {
    pattern: /(?<!даму |DAC бес таңбалы )(?<!\p{L})мақсат(?!\p{L}*\)? \(ЖДМ)/iu,
    use: "нысаналы мән (target)",
  },
  { pattern: /растайтын құжат|растайтын сілтеме/i, use: "растайтын материалдар (evidence)" },
  { pattern: /тізбектің басы|тізбегінің басы/i, use: "тізбектің соңғы буыны (head of the chain)" },
  { pattern: /ЕСШ|ШЕӘ/, use: "ЕӘШ (CPF)" },
  { pattern: /мәнін хабарла|мән хабарлан|мәндерін хабарла/i, use: "ұсыну (report a value)" },
  { pattern: /(?<!\p{L})(сен|саған|сенің|сені|сенде)(?!\p{L})/iu, use: "the formal «сіз»" },
  { pattern: /ығысу|кешігу/i, use: "ауытқу (slip)" },
  { pattern: /ілгерілеу/i, use: "прогресс (progress)" },
  { pattern: /тіркелгі/i, use: "есептік жазба (account)" },
  { pattern: /(?<!\p{L})бағалар(?!\p{L})|(?<!\p{L})бағалардың/iu, use: "рейтингтер (ISR ratings)" },
];

function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  return [];
}

function violations(locale: object, rules: Rule[]): string[] {
  return strings(locale).flatMap(([key, text]) =>
    rules
      .filter((rule) => rule.pattern.test(text))
      .map((rule) => `${key}: “${text.match(rule.pattern)?.[0] ?? ""}” — use ${rule.use}`),
  );
}

describe("the glossary's terms in the Russian and Kazakh strings", () => {
  it("finds a rejected synonym, and leaves codes and the chosen terms alone", () => {
    const sample = {
      a: "Индикаторы ЦРП",
      b: "Открыть этапы",
      c: "Нет проектов IFC",
      d: "Показатели ЦРП (МФК, код IFC-NAME)",
      e: "Приоритетное направление",
      f: "Направил(а): Айгерим",
      g: "Если Вы не ожидали этого письма",
      h: "Вы видите все события.",
    };
    expect(violations(sample, RU).map((v) => v.slice(0, v.indexOf(":")))).toEqual(["a", "b", "c", "f", "g"]);
    expect(violations({ a: "Соңғы мақсат", b: "Соңғы нысаналы мән", c: "ЖДМ-ға жету" }, KK)).toHaveLength(1);
  });

  it("holds every Russian string to the glossary", () => {
    expect(violations(ru, RU)).toEqual([]);
  });

  it("holds every Kazakh string to the glossary", () => {
    expect(violations(kk, KK)).toEqual([]);
  });
});
