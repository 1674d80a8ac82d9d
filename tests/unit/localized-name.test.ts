// localizedName picks the Russian or Kazakh name of an organisation, framework or priority area, else the English one.
import { describe, expect, it } from "vitest";
import { localizedName } from "~/lib/localized-name";

const transport = { name: "Ministry of Transport", nameRu: "Министерство транспорта", nameKk: "Көлік министрлігі" };

describe("localizedName", () => {
  it("returns the name in the locale's language", () => {
    expect(localizedName(transport, "en")).toBe("Ministry of Transport");
    expect(localizedName(transport, "ru")).toBe("Министерство транспорта");
    expect(localizedName(transport, "kk")).toBe("Көлік министрлігі");
  });

  it("accepts region subtags and any case", () => {
    expect(localizedName(transport, "ru-RU")).toBe("Министерство транспорта");
    expect(localizedName(transport, "KK_kz")).toBe("Көлік министрлігі");
  });

  it("falls back to the English name when the translation is missing, null or blank, or the locale is unknown", () => {
    expect(localizedName({ name: "World Bank" }, "ru")).toBe("World Bank");
    expect(localizedName({ name: "World Bank", nameRu: null, nameKk: null }, "kk")).toBe("World Bank");
    expect(localizedName({ name: "World Bank", nameRu: "  ", nameKk: "" }, "ru")).toBe("World Bank");
    expect(localizedName({ name: "World Bank", nameKk: "" }, "kk")).toBe("World Bank");
    expect(localizedName(transport, "de")).toBe("Ministry of Transport");
    expect(localizedName(transport, "")).toBe("Ministry of Transport");
  });
});
