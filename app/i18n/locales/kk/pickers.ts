import type { Translation } from "../types";
import type en from "../en/pickers";

const pickers: Translation<typeof en> = {
  findPerson: "Адамды табу",
  findPersonHint: "Аты-жөнінің немесе электрондық поштасының бір бөлігі",
  search: "Іздеу",
  clearSearch: "Барлығын көрсету",
  offered:
    "{{total}} адамның {{shown}} көрсетілген. Басқа адамды табу үшін аты-жөнінің немесе поштасының бір бөлігін енгізіңіз.",
  noMatch: "Командаға қосыла алатындар арасында «{{search}}» сәйкес келетін ешкім жоқ.",
  typeToFind: "Ұсыныстарда {{total}} ішінен алғашқы {{shown}}: басқасын табу үшін атауын немесе кодын енгізіңіз.",
  typePerson: "Ұсыныстарда {{total}} адамның алғашқы {{shown}}: басқа адамды табу үшін пошта мекенжайын енгізіңіз.",
  anyProjectPlaceholder: "Барлық жобалар (жоба кодын енгізіңіз)",
  anyonePlaceholder: "Кез келген адам (пошта мекенжайын енгізіңіз)",
};
export default pickers;
