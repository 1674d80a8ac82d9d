/** Reporting periods, date fields and correcting a returned value. */
const forms = {
  period: {
    label: "Reporting period",
    choose: "Choose a period",
    quarter: "Q{{n}} {{year}}",
    half: "H{{n}} {{year}}",
    year: "{{year}}",
    taken: "{{period}} — already reported",
    hint: "Only periods that have ended can be reported, or from {{count}} days before their end.",
    opens: "{{period}} can be reported from {{date}}.",
    noneYet: "No period can be reported yet.",
    required: "Choose the period this value is for.",
    invalid: "This is not a period of this indicator's reporting frequency. Choose one from the list.",
    notEnded: "This period has not ended yet. A period can be reported from a few days before its end.",
    beforeBaseline: "This period ends on or before the indicator's baseline date: the baseline already measures it.",
    afterTarget: "This period starts after the indicator's end target date.",
  },
  date: {
    placeholder: "e.g. 31 Dec 2026",
    hint: "Day, month, year — for example {{example}} or 31.12.2026.",
  },
  correct: {
    title: "Correct and resubmit",
    returnedBy: "Returned by {{name}} on {{date}}:",
    intro: "The form below holds the value you reported for {{period}}. Correct it and submit it again.",
    link: "Correct and resubmit",
    submit: "Resubmit for review",
  },
};
export default forms;
