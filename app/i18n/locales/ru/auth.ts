import type { Translation } from "../types";
import type en from "../en/auth";

const auth: Translation<typeof en> = {
  login: {
    title: "Вход в Qadam",
    email: "Электронная почта",
    password: "Пароль",
    submit: "Войти",
    submitting: "Вход…",
    invalid: "Неверный адрес электронной почты или пароль.",
    throttled: "Слишком много неудачных попыток. Повторите через {{minutes}} мин.",
    emailRequired: "Введите адрес электронной почты.",
    emailInvalid: "Введите корректный адрес электронной почты.",
    passwordRequired: "Введите пароль.",
    demoHint: "Демонстрационные учётные записи перечислены в README (пароль qadam-demo-2026).",
  },
  logout: { done: "Вы вышли из системы." },
  password: {
    title: "Смена пароля",
    mustChange: "Прежде чем продолжить, задайте новый пароль.",
    current: "Текущий пароль",
    next: "Новый пароль",
    confirm: "Повторите новый пароль",
    submit: "Сменить пароль",
    tooShort: "Используйте не менее 12 символов.",
    mismatch: "Пароли не совпадают.",
    wrongCurrent: "Текущий пароль указан неверно.",
    sameAsOld: "Новый пароль должен отличаться от текущего.",
    changed: "Пароль изменён. Остальные сеансы завершены.",
  },
};
export default auth;
