## Messages for re-validation reminders and overdue notices.

revalidation-mail-reminder-subject = Re-validation due by { $due }: { $poc }, { $state }
revalidation-mail-reminder-body =
    Hello,

    The details of { $poc } ({ $role }), a point of contact of { $state }, were last confirmed on { $confirmed }. They must be confirmed again by { $due }, so that other States can rely on them.

    If the details still hold, confirm them on the re-validation page. If they have changed, propose an update; if the person no longer serves, withdraw them.

    Re-validation page: { $link }
    The point of contact: { $poc_link }
revalidation-mail-overdue-subject = Re-validation overdue since { $due }: { $poc }, { $state }
revalidation-mail-overdue-body =
    Hello,

    The details of { $poc } ({ $role }), a point of contact of { $state }, were due to be confirmed again on { $due } and have not been confirmed since { $confirmed }. They are marked overdue in the directory until they are.

    The State's nominating authority is asked to confirm, update or withdraw them. The secretariat receives this notice too.

    Re-validation page: { $link }
    The point of contact: { $poc_link }
revalidation-mail-signature = pocdir, the Points of Contact Directory. This message was sent automatically; please do not reply to it.

nav-outbox = Outbox
outbox-title = Outbox of mail
outbox-intro = Re-validation reminders and overdue notices wait here until the mail relay takes them. Failed attempts are tried again later, each time waiting longer; a mail still failing after many attempts is given up and shown here with its last error.
outbox-count-queued = { $count ->
    [one] One mail waiting to be sent.
   *[other] { $count } mails waiting to be sent.
}
outbox-count-sent = { $count ->
    [one] One mail sent.
   *[other] { $count } mails sent.
}
outbox-count-failed = { $count ->
    [one] One mail given up.
   *[other] { $count } mails given up.
}
outbox-empty = No mail has been queued yet.
outbox-col-status = Status
outbox-col-recipient = Recipient
outbox-col-subject = Subject
outbox-col-attempts = Failed attempts
outbox-col-created = Queued
outbox-col-when = Sent, or next attempt
outbox-status-queued = waiting
outbox-status-sent = sent
outbox-status-failed = given up
