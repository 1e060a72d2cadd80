# Reporters: the public application form, the secretariat's vetting pages, the mails to applicants and the reporter's home.
reporters-apply-teaser = A company, research team or CSIRT that finds threats or vulnerabilities can notify the States' technical points of contact.
reporters-apply-link = Apply to be a reporter
reporters-apply-title = Apply to be a reporter
reporters-apply-intro = Companies, research teams and CSIRTs outside the directory can become vetted reporters: once approved, they notify the technical points of contact of participating States about threats and vulnerabilities. A reporter never sees the directory.
reporters-apply-what-next = The secretariat reviews each application and answers by e-mail, in the language you choose.
reporters-apply-submit = Send the application
reporters-field-organisation = Organisation
reporters-field-country = Country
reporters-field-website = Website
reporters-website-hint = An https:// address
reporters-field-contact-name = Contact person
reporters-field-contact-email = Contact e-mail
reporters-field-language = Language of our answer
reporters-field-openpgp-key = OpenPGP public key
reporters-openpgp-hint = Optional; ASCII-armored
reporters-field-why = Why you want to notify States
reporters-why-hint = What you do, and what you would report
reporters-thanks-title = Application received
reporters-thanks-body = Thank you. The secretariat will review the application and answer the contact person by e-mail.
reporters-thanks-back = Back to the home page
reporters-error-required = This field is required.
reporters-error-too-long = This is too long.
reporters-error-control-characters = This contains characters that cannot be shown.
reporters-error-country = Choose a country from the list.
reporters-error-website = Give an https:// address of a named site, without a user name or password.
reporters-error-email = This is not an e-mail address.
reporters-error-language = Choose one of the six UN languages.
reporters-error-not-now = This decision is not possible in the reporter's current status.
reporters-error-reason-missing = Give a reason: it is sent to the applicant.
reporters-error-reason-too-long = The reason is longer than 1000 characters.
reporters-error-address-taken = The contact's address already has an account or an open invitation.
reporters-error-decision = Unknown decision.
reporters-status-pending = Waiting for review
reporters-status-approved = Approved
reporters-status-rejected = Rejected
reporters-status-suspended = Suspended
reporters-decision-approve = Approve
reporters-decision-reject = Reject
reporters-decision-suspend = Suspend
reporters-decision-reinstate = Reinstate
reporters-list-title = Reporters
reporters-list-intro = Applications from companies, research teams and CSIRTs, those waiting for review first. Approving one invites its contact to set up a reporter account.
reporters-list-pending = { $count ->
    [one] One application is waiting for review.
   *[other] { $count } applications are waiting for review.
}
reporters-list-none = No application yet.
reporters-col-status = Status
reporters-col-applied = Applied
reporters-col-reason = Reason
reporters-col-fingerprint = OpenPGP fingerprint
reporters-col-when = When
reporters-col-decision = Decision
reporters-reason = Reason
reporters-history = Decisions
reporters-home-suspended = Your organisation is suspended: you can still sign in, but nothing you send reaches the States until the secretariat reinstates it.
done-reporter-approved = Approved: the contact has been invited by e-mail to set up the reporter account.
done-reporter-rejected = Rejected: the applicant has been told why.
done-reporter-suspended = Suspended: the reporter has been told why.
done-reporter-reinstated = Reinstated: the reporter has been told.
reporters-mail-approve-subject = Your application to report to States is approved
reporters-mail-approve-body = The secretariat has approved the application of { $organisation } to notify the technical points of contact of participating States.

    Set up your reporter account (a password and a second factor) with this link, before { $expires }:
    { $link }
reporters-mail-reject-subject = Your application to report to States
reporters-mail-reject-body = The secretariat has not approved the application of { $organisation }.

    Reason: { $reason }
reporters-mail-suspend-subject = Your reporter account is suspended
reporters-mail-suspend-body = The secretariat has suspended { $organisation } as a reporter: nothing it sends reaches the States until it is reinstated.

    Reason: { $reason }
reporters-mail-reinstate-subject = Your reporter account is reinstated
reporters-mail-reinstate-body = The secretariat has reinstated { $organisation } as a reporter. Sign in: { $link }
values-log-reporter-apply = { $actor } applied to be a reporter: { $object }.
values-log-reporter-approve = { $actor } approved { $object }.
values-log-reporter-reject = { $actor } rejected { $object }.
values-log-reporter-suspend = { $actor } suspended { $object }.
values-log-reporter-reinstate = { $actor } reinstated { $object }.
reporters-object = reporter #{ $id }
reporters-help-vet = Vet reporters
reporters-help-vet-text = Open Reporters from your home: applications waiting for review come first. Check the organisation, its website and its OpenPGP key by another channel if in doubt. Approve to invite its contact to set up a reporter account; reject with a reason, which is mailed to the applicant. Suspend an approved reporter with a reason when it misbehaves: it still signs in, but nothing it sends goes out until you reinstate it.
reporters-help-apply = Apply to be a reporter
reporters-help-apply-text = Use the form Apply to be a reporter, linked from the public page and the sign-in page: no account is needed. Give an https website and an address you read; the secretariat answers in the language you choose. If approved, the mail holds a link to set a password and a second factor.
reporters-help-status = Your status
reporters-help-status-text = Your home shows your organisation and its status. A suspended reporter can still sign in and is told why, but nothing it sends reaches the States until the secretariat reinstates it.
reporters-col-language = Language of its mail
reporters-col-why = Why it wants to notify States
