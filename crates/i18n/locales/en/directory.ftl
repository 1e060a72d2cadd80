## Messages for the directory: search, PoC pages, nomination forms, verification queue, re-validation dashboard.
nav-directory = Directory
nav-nominations = Nominations
nav-revalidation = Re-validation

directory-title = Directory of points of contact
directory-intro = The diplomatic and technical points of contact of the participating States. Search by name, State, organisation or any other word; narrow by region, role, working language and time zone; or show only who is within working hours now.
directory-filter-text = Search
directory-any = Any
directory-filter-role = Role
directory-filter-language = Working language
directory-filter-time-zone = Time zone or area
directory-filter-awake = Only those within working hours now
directory-search = Search
directory-count = { $count ->
    [one] One point of contact found.
   *[other] { $count } points of contact found.
}
directory-col-state = State or organisation
directory-col-now = Now
directory-pages = Pages of results
directory-previous = Previous
directory-next = Next
directory-error-awake = "Within working hours now" is either on or off.

poc-field-name = Name
poc-field-secure-channels = Other secure channels
poc-field-notes = Notes
poc-field-status = Status
poc-phone-office = office
poc-phone-mobile = mobile
poc-phone-24x7 = 24/7
poc-status-pending = Awaiting verification
poc-status-active = Active
poc-status-rejected = Rejected
poc-status-withdrawn = Withdrawn
poc-pending-create = new nomination awaiting verification
poc-pending-update = change awaiting verification
poc-pending-withdraw = withdrawal awaiting verification
poc-confirmed-at = Last confirmed
poc-revalidate-by = Confirm again by
poc-overdue = overdue
poc-details-heading = Contact details
poc-read-logged = Your reading of these details has been recorded, and the State of this point of contact can see it.
poc-proposed-heading = Proposed change
poc-actions-heading = Actions
poc-confirm-button = Confirm these details are still correct
poc-edit-button = Propose a change
poc-withdraw-button = Withdraw this point of contact
poc-edit-title = Change a point of contact
poc-history-heading = History
poc-history-version = Version
poc-history-at = When
poc-history-action = What happened
poc-history-reason = Reason
poc-history-propose = nominated
poc-history-propose-update = change proposed
poc-history-propose-withdrawal = withdrawal proposed
poc-history-approve = verified by the secretariat
poc-history-reject = rejected by the secretariat
poc-history-confirm = confirmed by the nominating authority

nominations-title = Nominations awaiting verification
nominations-intro = Each nomination, change or withdrawal takes effect only once the secretariat has verified it. The oldest request is first.
nominations-empty = Nothing is awaiting verification.
nominations-col-request = Request
nominations-col-since = Waiting since
nominations-decide-heading = Decision of the secretariat
nominations-reason = Reason (required to reject; the nominating authority will see it)
nominations-approve = Verify and activate
nominations-reject = Reject

nominate-title = Nominate a point of contact
nominate-intro = The secretariat verifies every nomination before it appears in the directory. Fields marked as required must be filled in; everything else helps other States reach this person quickly.
nominate-submit = Send for verification
form-one-per-line = (one per line)
form-phone-hint = (international form, e.g. +41 22 917 12 34)
form-phone-use = Use of the number
form-languages-hint = (language tags separated by spaces or commas, e.g. "en fr ar")
form-time-zone-hint = (IANA time zone, e.g. "Europe/Paris", "Asia/Karachi")
form-hours-hint = (e.g. "Mon-Fri 09:00-17:00", "Sun-Thu 08:00-16:00" or "24/7", in the time zone above)

revalidation-title = Re-validation of points of contact
revalidation-intro = { $days ->
    [one] Every active point of contact must be confirmed by its nominating authority every day.
   *[other] Every active point of contact must be confirmed by its nominating authority every { $days } days.
} Reminders go out before the date; overdue entries are flagged here to the secretariat and to the State.
revalidation-overdue-count = { $count ->
    [one] One point of contact is overdue for confirmation.
   *[other] { $count } points of contact are overdue for confirmation.
}
revalidation-none-overdue = No point of contact is overdue.
revalidation-days-left = { $days ->
    [one] one day left
   *[other] { $days } days left
}

region-africa = Africa
region-americas = Americas
region-asia = Asia
region-europe = Europe
region-oceania = Oceania
