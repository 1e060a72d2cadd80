## Messages for re-validation reminders and overdue notices.
