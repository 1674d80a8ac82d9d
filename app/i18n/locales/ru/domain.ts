import type { Translation } from "../types";
import type en from "../en/domain";

const domain: Translation<typeof en> = {
  institution: { WB: "Всемирный банк", IFC: "МФК", JOINT: "Совместно ВБ/МФК" },
  projectStatus: { PIPELINE: "В подготовке", ACTIVE: "Активный", CLOSED: "Закрыт", CANCELLED: "Отменён" },
  milestoneStatus: {
    NOT_STARTED: "Не начато",
    IN_PROGRESS: "В работе",
    COMPLETED: "Выполнено",
    DELAYED: "С задержкой",
    CANCELLED: "Отменено",
  },
  reviewState: { SUBMITTED: "Ожидает проверки", APPROVED: "Утверждено", RETURNED: "Возвращено" },
  valueState: { SUBMITTED: "Ожидает подтверждения", VERIFIED: "Подтверждено", RETURNED: "Возвращено" },
  rating: {
    HS: "Весьма удовлетворительно",
    S: "Удовлетворительно",
    MS: "Умеренно удовлетворительно",
    MU: "Умеренно неудовлетворительно",
    U: "Неудовлетворительно",
    HU: "Крайне неудовлетворительно",
  },
  risk: { H: "Высокий", S: "Значительный", M: "Умеренный", L: "Низкий" },
  indicatorType: { PDO: "Показатель ЦРП", INTERMEDIATE: "Промежуточный показатель результатов" },
  measure: { UNIT: "В единицах", PERCENTAGE: "В процентах", QUALITATIVE: "Качественно" },
};
export default domain;
