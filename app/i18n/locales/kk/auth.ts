import type { Translation } from "../types";
import type en from "../en/auth";

const auth: Translation<typeof en> = {
  login: {
    title: "Qadam жүйесіне кіру",
    email: "Электрондық пошта",
    password: "Құпиясөз",
    submit: "Кіру",
    submitting: "Кіруде…",
    invalid: "Электрондық пошта немесе құпиясөз қате.",
    throttled: "Сәтсіз әрекеттер тым көп. {{minutes}} минуттан кейін қайталаңыз.",
    emailRequired: "Электрондық пошта мекенжайын енгізіңіз.",
    emailInvalid: "Дұрыс электрондық пошта мекенжайын енгізіңіз.",
    passwordRequired: "Құпиясөзді енгізіңіз.",
    demoHint: "Демо есептік жазбалар README файлында берілген (құпиясөз qadam-demo-2026).",
  },
  logout: { done: "Сіз жүйеден шықтыңыз." },
  password: {
    title: "Құпиясөзді өзгерту",
    mustChange: "Жалғастыру алдында жаңа құпиясөз таңдаңыз.",
    current: "Ағымдағы құпиясөз",
    next: "Жаңа құпиясөз",
    confirm: "Жаңа құпиясөзді қайталаңыз",
    submit: "Құпиясөзді өзгерту",
    tooShort: "Кемінде 12 таңба пайдаланыңыз.",
    mismatch: "Құпиясөздер сәйкес келмейді.",
    wrongCurrent: "Ағымдағы құпиясөз қате.",
    sameAsOld: "Ағымдағы құпиясөзден өзгеше құпиясөз таңдаңыз.",
    changed: "Құпиясөзіңіз өзгертілді. Басқа сеанстар аяқталды.",
  },
};
export default auth;
