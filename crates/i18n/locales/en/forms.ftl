# Forms that help: required fields, errors in plain words, confirmation
# steps with a reason, the review of a change, confirmations, the import
# template.

forms-required = (required)
forms-required-intro = Fields marked “required” must be filled in.
forms-error-summary = { $count ->
    [one] One field needs your attention:
   *[other] { $count } fields need your attention:
}
forms-cancel = Cancel
forms-error-role = Choose whether this is the diplomatic or the technical point of contact.
forms-error-phone = Write the number in international form: a plus sign, the country code, then the number, e.g. +44 20 7946 0000.
forms-error-phone-use = Choose what the number is for: office, mobile or around the clock.
forms-error-language = This language was not recognised. Write its short code, e.g. “fr” for French or “ar” for Arabic.
forms-error-time-zone = This time zone was not recognised. Write a region and a city, e.g. “Europe/Paris” or “Asia/Karachi”.
forms-error-withdraw-reason = Say why this point of contact is withdrawn; the secretariat will see it.
forms-error-reason-too-long = The reason is too long: at most 1,000 characters.

forms-pending-create = new nomination
forms-new-entry-heading = New entry (first nomination)
forms-diff-heading = Proposed change, field by field
forms-diff-intro = Each field of the current entry beside the proposal, marked in words: unchanged, added, removed or changed.
forms-diff-field = Field
forms-diff-change = Change
forms-diff-current = Current entry
forms-diff-proposed = Proposed
forms-diff-empty = (empty)
diff-unchanged = unchanged
diff-added = added
diff-removed = removed
diff-changed = changed
forms-withdrawal-reason-shown = Reason given for the withdrawal:

forms-approve-create = Approve nomination
forms-approve-update = Approve change
forms-approve-withdraw = Approve withdrawal
forms-reject-create = Reject nomination
forms-reject-update = Reject change
forms-reject-withdraw = Reject withdrawal
forms-reject-needs-reason = Rejecting asks for a reason, which the nominating authority will see.
forms-reject-intro-create = The nomination will be rejected and will not appear in the directory. The nominating authority will see your reason.
forms-reject-intro-update = The change will be rejected; the current entry stays as it is. The nominating authority will see your reason.
forms-reject-intro-withdraw = The withdrawal will be rejected; the point of contact stays in the directory. The nominating authority will see your reason.
forms-reject-reason = Reason for the rejection
forms-reject-reason-hint = In a sentence or two: what is wrong, and what would make it acceptable.
forms-withdraw-heading = Withdraw
forms-withdraw-intro-nomination = This nomination has not been verified yet: it is withdrawn at once, and the secretariat will no longer review it.
forms-withdraw-intro-active = The point of contact stays in the directory until the secretariat approves the withdrawal.
forms-withdraw-reason = Reason for the withdrawal
forms-withdraw-reason-hint = For example: left the post, replaced by another person. It is kept in the record with the withdrawal.
forms-withdraw-button-nomination = Withdraw the nomination
forms-withdraw-button-active = Ask for the withdrawal

done-nominated = The nomination was sent. The secretariat verifies it before it appears in the directory.
done-nomination-amended = The nomination was updated. It still awaits verification.
done-change-proposed = The change was sent for verification. Until then the directory shows the current entry.
done-confirmed = Confirmed: the details still hold. The next re-validation date has moved on.
done-withdrawal-requested = The withdrawal was sent for verification. Until then the point of contact stays in the directory.
done-nomination-withdrawn = The nomination was withdrawn.
done-approved-create = Nomination approved: the point of contact is now in the directory.
done-approved-update = Change approved: the directory now shows the new details.
done-approved-withdraw = Withdrawal approved: the point of contact is no longer in the directory.
done-decided = The decision was recorded.
done-rejected = Rejected. The nominating authority will see your reason.
done-imported = The nominations were imported. They await verification below.

forms-import-template-link = Download the import template (CSV)
forms-import-template-hint = UTF-8, the column names on the first line and one example row to replace with your own. Lists inside a cell are separated by “;”.
forms-import-columns-heading = What each column holds
forms-import-col-column = Column
forms-import-col-what = What to write
forms-import-col-example = Example
forms-import-col-participant = The State's three-letter code, e.g. PAK for Pakistan or FRA for France.
forms-import-col-role = “diplomatic” or “technical”.
forms-import-col-name = The person's full name.
forms-import-col-title = Optional. Their job title.
forms-import-col-organisation = The ministry, agency or CERT they work for.
forms-import-col-emails = One or more e-mail addresses, separated by “;”.
forms-import-col-phones = Optional. Each number in international form (a plus sign and the country code) followed by its use: office, mobile or 24x7; numbers separated by “;”.
forms-import-col-secure-channels = Optional. Other secure ways to reach them, separated by “;”.
forms-import-col-languages = Working languages as short codes, separated by “;”, e.g. en;fr.
forms-import-col-time-zone = Their time zone as a region and a city, e.g. Asia/Karachi.
forms-import-col-hours = Working hours in that time zone, e.g. Mon-Fri 09:00-17:00, or 24/7.
forms-import-col-notes = Optional. Anything else that helps others reach them.
forms-import-col-openpgp-key = Optional. Their whole public OpenPGP key, in one cell.
