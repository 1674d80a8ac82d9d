import type { Translation } from "../types";
import type en from "../en/domain";

const domain: Translation<typeof en> = {
  institution: { WB: "Дүниежүзілік банк", IFC: "ХҚК", JOINT: "ДБ/ХҚК бірлескен" },
  projectStatus: { PIPELINE: "Дайындалуда", ACTIVE: "Белсенді", CLOSED: "Жабылған", CANCELLED: "Тоқтатылған" },
  milestoneStatus: {
    NOT_STARTED: "Басталмаған",
    IN_PROGRESS: "Орындалуда",
    COMPLETED: "Орындалды",
    DELAYED: "Кешіктірілген",
    CANCELLED: "Тоқтатылған",
  },
  reviewState: { SUBMITTED: "Тексеруді күтуде", APPROVED: "Бекітілді", RETURNED: "Қайтарылды" },
  valueState: { SUBMITTED: "Растауды күтуде", VERIFIED: "Расталды", RETURNED: "Қайтарылды" },
  rating: {
    HS: "Жоғары қанағаттанарлық",
    S: "Қанағаттанарлық",
    MS: "Орташа қанағаттанарлық",
    MU: "Орташа қанағаттанарлықсыз",
    U: "Қанағаттанарлықсыз",
    HU: "Мүлдем қанағаттанарлықсыз",
  },
  risk: { H: "Жоғары", S: "Елеулі", M: "Орташа", L: "Төмен" },
  indicatorType: { PDO: "ЖДМ көрсеткіші", INTERMEDIATE: "Аралық нәтиже көрсеткіші" },
  measure: { UNIT: "Бірлік", PERCENTAGE: "Пайыз", QUALITATIVE: "Сапалық" },
};
export default domain;
