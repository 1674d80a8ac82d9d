/** Notifications: the header's bell, the notifications page, preferences, e-mails and reminder digests. */
const notify = {
  bell: {
    label: "Notifications",
    unread: "Notifications, {{count}} unread",
  },
  page: {
    title: "Notifications",
    intro: "What needs you, and what happened to what you sent. The newest first.",
    empty:
      "You have no notifications yet. When something you sent is returned or approved, or something waits for your review, it appears here.",
    markAllRead: "Mark all as read",
    markRead: "Mark as read",
    markedAll: "All your notifications are marked as read.",
    marked: "The notification is marked as read.",
    unread: "Unread",
    settings: "Notification settings",
    project: "Project: {{project}}",
    comment: "Comment: {{comment}}",
    dueOn: "Due on {{date}}",
    overdueSince: "Overdue since {{date}}",
  },
  kinds: {
    returned: "Returned to you",
    approved: "Approved",
    awaitingReview: "Waiting for your review",
    dueSoon: "Due soon",
  },
  what: {
    milestoneUpdate: "milestone update",
    indicatorValue: "indicator value",
  },
  preferences: {
    title: "Notifications and reminders",
    intro:
      "Choose how often Qadam reminds you by e-mail of what is due, and whether it writes when something happens to your work. The bell in the header always shows everything.",
    digest: "Reminder digest by e-mail",
    digestOptions: {
      WEEKLY: "Weekly, on Monday morning (recommended)",
      DAILY: "Every working day",
      OFF: "Never",
    },
    eventMessages: "E-mail me when something I sent is returned or approved, and when something waits for my review",
    save: "Save settings",
    saved: "Your notification settings are saved.",
  },
  mail: {
    greeting: "Hello {{name}},",
    footer: "You receive this e-mail from Qadam. To change which e-mails you receive, open {{url}}",
    open: "Open it in Qadam: {{url}}",
    returned: {
      subject: "Returned to you: {{subject}}",
      body: "{{reviewer}} returned your {{what}} “{{subject}}” (project {{project}}) with this comment:",
      next: "Please correct it and submit it again.",
    },
    approved: {
      subject: "Approved: {{subject}}",
      body: "{{reviewer}} approved your {{what}} “{{subject}}” (project {{project}}).",
    },
    submitted: {
      subject: "Waiting for your review: {{subject}}",
      body: "{{author}} submitted a {{what}} “{{subject}}” (project {{project}}) for your review.",
    },
  },
  digest: {
    officer: {
      subject: "Reports due from you: {{overdue}} overdue, {{dueToday}} due today, {{dueSoon}} due within 7 days",
      intro: "These reports are overdue or due from you within the next 7 days, by project:",
    },
    urgency: {
      overdue: "overdue (was due on {{date}})",
      dueToday: "due today",
      dueSoon: "due on {{date}}",
    },
    returned: "returned to you: please correct it and submit it again",
    manager: {
      subject: "Qadam for managers: {{waiting}} waiting for review, {{red}} turned red",
      waiting: "Waiting for your review for more than 2 working days:",
      waitingLine: "{{what}} “{{title}}” (project {{project}}) from {{author}}, waiting for {{days}} working days",
      red: "Projects that turned red since your previous digest:",
      queue: "Your review queue: {{url}}",
    },
    auditor: {
      subject: "Audit chain head: event {{seq}}",
      intro:
        "Keep this e-mail outside Qadam. If the newest events were ever deleted, this head would no longer be found in the history: paste the hash on the history page to check it.",
      head: "Head of the chain: event {{seq}}, hash {{hash}}",
      empty: "The chain has no events yet.",
      since: "Events since your previous digest: {{count}}",
      verified: "Full verification: all {{count}} events are intact.",
      broken: "Full verification FAILED at event {{count}}: {{problem}}",
      check: "History page: {{url}}",
    },
  },
  admin: {
    title: "Reminders",
    intro:
      "The reminder job runs every working day at 06:00 UTC. Running it now sends only what has not been sent for the current period: nobody receives the same digest twice.",
    run: "Run reminders now",
    ran: "Reminder run finished: {{digests}} digests written.",
    failed: "The reminder run stopped with an error. What it wrote is kept: run it again to complete the rest.",
    busy: "A reminder run is already in progress. Try again in a few minutes.",
    lastRun: "Last run: {{date}}, {{state}}, {{digests}} digests.",
    never: "The reminder job has not run yet.",
    states: { RUNNING: "still running or interrupted", DONE: "finished", FAILED: "failed" },
  },
};
export default notify;
