# The communications pages: inbox, compose, thread, forward; the nav, the
# homes and the help about them. (Shared words are in communications.ftl.)

nav-communications = Communications
comm-page-unread-count = { $count ->
    [one] { $count } unread communication
   *[other] { $count } unread communications
}

comm-page-inbox-title = Communications
comm-page-metadata-only = You see who sent what to whom, when, with which label and status, but not the content: it is not visible to the directory's operator.
comm-page-compose = Write a communication
comm-page-folders = Folders
comm-page-any = Any
comm-page-filter-unread = Unread only
comm-page-filter-unacknowledged = Not acknowledged only
comm-page-filter-apply = Show
comm-page-none = No communications here.
comm-page-col-label = Label
comm-page-col-from = From
comm-page-col-sent = Sent
comm-page-col-status = Status
comm-page-col-recipient = Recipient
comm-page-unread = Unread
comm-page-number = Communication #{ $id }
comm-page-older = Older communications
comm-page-acknowledged-of = { $count } of { $total } acknowledged

comm-page-field-kind = Kind
comm-page-field-urgency = Urgency
comm-page-field-tlp = TLP label
comm-page-field-to = Recipients
comm-page-field-text = Free text
comm-page-field-text-language = Language of the free text
comm-page-field-attachments = Attachments

comm-page-compose-title = Write a communication
comm-page-reply-title = Reply
comm-page-compose-intro = Fill in what you know; the structured fields are shown to each reader in their own language, the free text as you write it.
comm-page-not-sent = Nothing was sent. Correct the fields below and send again.
comm-page-urgency-hint = Urgent: acknowledgement expected within 2 hours; priority: within 24 hours; routine: within 72 hours.
comm-page-address-states = To whole States, by role
comm-page-states = Participating States
comm-page-states-hint = (hold Ctrl or ⌘ to choose several)
comm-page-roles = Which PoCs of these States:
comm-page-address-named = To named PoCs
comm-page-named-hint = The PoCs of the participating States, by State. TLP:RED needs named PoCs.
comm-page-local-time = Date and time
comm-page-time-zone = Time zone
comm-page-text-language-hint = e.g. English (en)
comm-page-attachments-hint = PDF, PNG, JPEG or plain text; at most 5 files, 5 MB each, 10 MB in all.
comm-page-send = Send
comm-page-send-reply = Send the reply
comm-page-reply-recipients = The reply goes to the sender and every recipient of the communication you answer.
comm-page-back-to-thread = Back to the communication

comm-page-forward-title = Forward
comm-page-forward-intro = Forward the content and files under a label that keeps or tightens the original one, to recipients that label allows.
comm-page-forward-send = Forward
comm-page-forward-refused = Not forwarded: the label does not allow it. The refusal is recorded in the log.

comm-page-thread-title = Communication
comm-page-back-to-inbox = Back to communications
comm-page-amber-reminder = TLP:AMBER: outside pocdir, share this only with those your State serves, and only on a need-to-know basis.
comm-page-ack-by = Acknowledgement expected by
comm-page-forwarded-from = Forwards
comm-page-my-status = Your status
comm-page-text-as-written = Free text, as written (in { $language }):
comm-page-escalated = No technical PoC acknowledged in time; the diplomatic PoCs of these States were alerted:
comm-page-recipients = { $count ->
    [one] { $count } recipient
   *[other] { $count } recipients
}
comm-page-acknowledge = Acknowledge
comm-page-reply = Reply
comm-page-forward = Forward
comm-page-zoned-time = { $time } ({ $zone })
comm-page-size-kb = { $size } KB
comm-page-size-mb = { $size } MB

comm-page-home-metadata = who sent what to whom, and their status (no content)
comm-page-home-unread = { $count ->
    [one] unread communication
   *[other] unread communications
}

done-communication-sent = The communication is sent to every recipient.
done-communication-replied = Your reply is sent.
done-communication-forwarded = The communication is forwarded.
done-communication-acknowledged = Acknowledged: the sender sees it.

help-task-communications = Reading your communications
help-task-communications-text = "Communications" in the menu shows how many you have not opened yet. The inbox lists what you received, newest first; "Sent" what you sent; "My State's" everything sent to or by your State. Filter by kind, urgency, label, unread or not acknowledged.
help-task-communications-send = Sending a communication
help-task-communications-send-text = Choose the kind, the urgency and a TLP label, then the recipients: whole participating States (their diplomatic, technical or all PoCs), or named PoCs. TLP:RED information can only go to named PoCs. There is no field for attribution: the directory is not a tool to determine attribution.
help-task-communications-read = Reading and acknowledging
help-task-communications-read-text = Each message shows its TLP label first, with what the label allows. Acknowledge it as soon as you have taken note: if no technical PoC of your State acknowledges by the deadline, your State's diplomatic PoCs are alerted.
help-task-communications-reply = Replying
help-task-communications-reply-text = A reply goes to the sender and every recipient of the message you answer, in the same thread.
help-task-communications-forward = Forwarding
help-task-communications-forward-text = A forward may keep or tighten the label, never loosen it, and only reach those the label allows. TLP:RED is never forwarded. A refused forward is recorded in the log.
help-task-communications-metadata = Communications between PoCs
help-task-communications-metadata-text = The list of all communications shows who sent what kind of communication to whom, when, with which label and each recipient's status, and any escalation. The content is not visible to the operator unless you are addressed.
