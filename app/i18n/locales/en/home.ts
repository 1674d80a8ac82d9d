export default {
  greeting: "Welcome, {{name}}",
  signedInAs: "{{role}} · {{organization}}",
  yourProjects: "Your projects",
  visibleProjects: "Projects you can see",
  noProjects: "No projects are visible to you yet.",
  projectCount: "{{count}} projects",
  auditorIntro: "You can read every project and export the full, tamper-evident history.",
  adminIntro: "You manage users, organisations, frameworks and project teams.",
  managerIntro: "Review what officers submit and keep the portfolio on track.",
  officerIntro: "Log milestone progress and report indicator values on your projects.",
  columns: { code: "Code", name: "Project", institution: "Institution", status: "Status", agency: "Implementing agency" },
};
