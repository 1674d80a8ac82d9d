export default {
  login: {
    or: "or",
    button: "Sign in with your organisation account",
  },
  refused: {
    noVerifiedEmail:
      "Your organisation account did not confirm an e-mail address, so Qadam cannot tell which account is yours. Ask your IT team to share a verified e-mail address, or sign in with your password.",
    unknownAccount:
      "Your organisation account is not linked to a Qadam account. Ask a Qadam administrator to create an account with the same e-mail address.",
    deactivated: "Your Qadam account is deactivated. Ask a Qadam administrator if you need access again.",
    failed:
      "Signing in with your organisation account did not complete: the sign-in link was already used, was changed, or expired. Please try again.",
    unavailable:
      "Your organisation's sign-in service cannot be reached right now. Try again later, or sign in with your password.",
  },
  created: "Welcome to Qadam. Your account was created as an officer; a manager will add you to your projects.",
  admin: {
    title: "Single sign-on",
    on: "Sign-in with an organisation account is on. Provider: {{issuer}}",
    off: "Sign-in with an organisation account is off. Your server administrator turns it on with OIDC_ISSUER and OIDC_CLIENT_ID (see the README).",
    rule: "People sign in with their organisation account only when a Qadam account has the same verified e-mail address, and only while that account is active.",
    autoTitle: "Automatic accounts",
    autoIntro:
      "For the e-mail domains below, a person without a Qadam account gets one on their first sign-in: in the organisation shown, as an officer, without any project.",
    empty: "No domains yet: people without a Qadam account are refused.",
    domain: "E-mail domain",
    domainHint: "For example worldbank.org",
    organization: "Organisation",
    chooseOrganization: "Choose an organisation",
    add: "Allow automatic accounts",
    remove: "Remove",
    removeNamed: "Stop automatic accounts for {{domain}}",
    added: "People with an address at {{domain}} now get an account on their first sign-in.",
    removed: "Automatic accounts for {{domain}} were stopped. Accounts already opened stay as they are.",
  },
  errors: {
    domainRequired: "Enter an e-mail domain.",
    domainInvalid: "Enter a domain such as worldbank.org.",
    domainTaken: "This domain already opens accounts in an organisation.",
    organizationRequired: "Choose an organisation.",
  },
};
