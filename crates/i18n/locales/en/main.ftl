app-name = pocdir — Points of Contact Directory
footer-text = A directory of points of contact for confidence-building between States. Participation is voluntary; what States share here is confidential.

nav-skip = Skip to content
nav-languages = Languages
nav-account = Your account
nav-sign-in = Sign in
nav-sign-out = Sign out

home-title = Points of Contact Directory
home-lead = States nominate diplomatic and technical points of contact so that they can reach each other quickly and safely when an ICT incident threatens international peace and security.
home-point-voluntary = Participation is voluntary and incremental: a State may start with a single point of contact.
home-point-reciprocity = Only points of contact of participating States see the directory; the public sees which States take part, nothing personal.
home-point-no-attribution = The directory is a channel for communication, not a tool for attributing incidents.

login-title = Sign in
login-email = E-mail address
login-password = Password
login-submit = Continue
login-help = After your password you will be asked for a code from your authenticator app.
login-wrong = The e-mail address or the password is wrong.
login-locked = { $minutes ->
    [one] Too many failed attempts. Sign-in is paused; try again in { $minutes } minute.
   *[other] Too many failed attempts. Sign-in is paused; try again in { $minutes } minutes.
}
login-disabled = This account is disabled. Contact the secretariat.
login-session-ended = Your session has ended. Please sign in again.

mfa-title = Second factor
mfa-code = Six-digit code from your authenticator app
mfa-submit = Verify
mfa-use-recovery = Lost your device? Use a recovery code
mfa-recovery-code = Recovery code
mfa-wrong = That code is not valid. Check the time on your device and try the current code.
mfa-replayed = That code has already been used. Wait for the next code and try again.
mfa-wrong-recovery = That recovery code is not valid or has already been used.

enrol-title = Set up your second factor
enrol-intro = Every account is protected by a one-time code as well as a password. Set this up once with an authenticator app (for example FreeOTP, Aegis or Google Authenticator).
enrol-step-scan = Scan this code with your authenticator app:
enrol-qr-label = QR code with your authenticator secret
enrol-step-type = Or type this secret into the app:
enrol-step-confirm = Enter the code the app now shows, to confirm:
enrol-submit = Confirm and continue

recovery-title = Your recovery codes
recovery-intro = Keep these codes somewhere safe, apart from your device. Each one signs you in once if you lose your authenticator. They are shown only now.
recovery-continue = Continue

account-title = Your account
account-email = E-mail address
account-kind = Kind of account
account-participant = Acts for
account-password-heading = Change password
account-password-current = Current password
account-password-new = New password (at least 12 characters)
account-password-confirm = New password again
account-password-submit = Change password
account-password-changed = Your password has been changed. Your other sessions have been ended.
account-password-current-wrong = The current password is wrong.
account-password-mismatch = The two new passwords differ.
account-password-too-short = The new password must have at least 12 characters.
account-password-too-long = The new password must have at most 256 characters.
account-recovery-heading = Recovery codes
account-recovery-left = { $count ->
    [one] You have { $count } unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
account-recovery-submit = Make new recovery codes (the old ones stop working)
account-sessions-heading = Where you are signed in
account-session-started = Started
account-session-seen = Last seen
account-session-browser = Browser
account-session-address = Address
account-session-end = End
account-session-end-this = End (this browser)
account-session-revoked = The session has been ended.
account-tokens-heading = API tokens
account-tokens-intro = Tokens let scripts use the API on your behalf. A token is shown once, when it is created.
account-token-name = Name
account-token-scope = Scope
account-token-scope-read = Read only
account-token-scope-write = Read and write
account-token-days = Valid for (days)
account-token-expires = Expires
account-token-last-used = Last used
account-token-create = Create token
account-token-revoke = Revoke
account-token-inactive = Revoked or expired
account-token-revoked = The token has been revoked.
account-token-name-invalid = Give the token a name of 1 to 100 characters.
account-token-days-invalid = The validity must be a whole number of days from 1 to { $max }.
account-token-scope-invalid = The scope must be "read" or "write".
token-created-title = New API token
token-created-intro = Copy this token now: it will not be shown again. Send it as "Authorization: Bearer" followed by the token.

kind-secretariat = Secretariat
kind-nominator = Nominating authority
kind-diplomatic_poc = Diplomatic point of contact
kind-technical_poc = Technical point of contact
kind-reporter = Private reporter
kind-auditor = Auditor

error-status = Status
error-home = Back to the home page
error-title-bad-request = The request could not be understood
error-title-unauthorized = Please sign in
error-title-forbidden = Not allowed
error-title-not-found = Page not found
error-title-method-not-allowed = Not allowed here
error-title-conflict = Conflict
error-title-too-many = Too many attempts
error-title-internal = Something went wrong
error-not-found = There is nothing at this address.
error-method-not-allowed = This address does not accept this kind of request.
error-unauthorized = You need to sign in (or send a valid API token) to do this.
error-forbidden = Your account is not allowed to do this.
error-csrf = The form had expired or did not come from this site. Go back, reload the page and try again.
error-bad-request = The request is not valid.
error-duplicate = This already exists: the value is taken.
error-not-allowed-now = This cannot be done now: the record is not in a state that allows it. Reload the page to see what changed.
error-bad-form = The form is incomplete or not valid.
error-malformed-json = The request body is not valid JSON of the expected shape.
error-unsupported-media-type = The request body has a type this address does not accept.
error-payload-too-large = The request body is too large.
error-internal = An internal error occurred. It has been logged; please try again later.
error-unavailable = The server is busy and could not save this change; nothing was saved. Please try again in a moment.
error-bad-query = The query parameters of this address are missing or not valid.
error-bad-path = This address is not valid: a part of it is not what was expected (for example, a number).

log-error-size-beyond = The tree size { $size } is larger than the log, which has { $log_size } entries.
log-error-index-out-of-range = Entry { $index } is not in a tree of size { $size }: indexes start at 0 and stay below the size.
log-error-first-after-second = The first size ({ $first }) must not be larger than the second ({ $second }).
log-error-empty-first = A consistency proof starts from a tree of at least one entry.
log-error-range-reversed = The end of the range must not come before its start.
log-error-range-too-long = Ask for at most { $max } entries at a time.

nav-audit = Audit log
nav-own-state-log = My State's log
audit-title = Audit log
audit-own-title = Log of what touched
audit-intro = { $count ->
    [one] The log holds { $count } entry. Every change and every read of contact details is recorded here, in order, and cannot be rewritten unnoticed.
   *[other] The log holds { $count } entries. Every change and every read of contact details is recorded here, in order, and cannot be rewritten unnoticed.
}
audit-filter-actor = Actor (account number)
audit-filter-action = Action
audit-filter-participant = State (alpha-3)
audit-filter-from = From
audit-filter-to = To
audit-filter-submit = Filter
audit-empty = No entry matches.
audit-col-time = Time (UTC)
audit-col-actor = Actor
audit-col-action = Action
audit-col-object = Object
audit-col-participant = State concerned
audit-col-content-hash = Content hash
audit-older = Older entries
audit-verify-hint = Anyone can check this log: fetch the signed tree head and proofs from /api/v1/log, or run "pocdir log monitor". Operators run "pocdir log verify".
audit-proof-jump = Prove these entries yourself, without trusting the operator.
audit-proof-heading = Prove it yourself, without trusting the operator
audit-proof-intro = Your State can check this page's entries with its own computer and only the log's public key. The command "pocdir state-proof" checks:
audit-proof-check-included = that every entry about your State is in the signed log, and none was changed or removed since your last check;
audit-proof-check-history = that the log was only appended to since the head your last check saw;
audit-proof-check-details = that your PoCs' details, as the directory serves them and as your own record holds them, are those your State proposed in the log;
audit-proof-check-readers = who read your PoCs' details, and when.
audit-proof-head = { $count ->
    [one] The signed log holds { $count } entry now; its root begins
   *[other] The signed log holds { $count } entries now; its root begins
}
audit-proof-key = signed by the key
audit-proof-run = Run this regularly on a computer of your State: each run also checks that the log only grew since the last (it exits 0 when all holds, 1 naming the first discrepancy):
audit-proof-token = The command needs an API token of one of your State's accounts, given in POCDIR_TOKEN.
audit-proof-token-link = Create an API token
audit-error-actor = The actor must be an account number.
audit-error-date = Dates must be written as YYYY-MM-DD.

nav-participants = Participants
participants-title = Participating States and organisations
participants-count = { $count ->
    [one] { $count } participant takes part in the directory.
   *[other] { $count } participants take part in the directory.
}
participants-eligible = { $count ->
    [one] { $count } State or organisation may join.
   *[other] { $count } States and organisations may join.
}
participants-none = No State takes part yet.
participants-col-name = Name
participants-col-code = Code
participants-col-region = Region
participants-join-heading = How to join
participants-join-text = Participation is voluntary and can start small: a State joins by having its nominating authority (usually its mission) propose one diplomatic or technical point of contact. Once the secretariat has verified that first point of contact, the State takes part and sees the directory of the other participating States.
participants-public-heading = What is public and what is not
participants-public-yes = Public: which States and organisations take part, and how many diplomatic and technical points of contact each has.
participants-public-no = Not public: names, e-mail addresses, telephone numbers and every other detail of the points of contact, and everything exchanged through the directory. Only the points of contact of participating States see each other (reciprocity).
participants-public-reads = Every time someone reads the contact details of a State's points of contact, it is recorded in the tamper-evident log, and that State can see it.
participant-error-code = A participant code has 2 to 10 capital letters or digits (for a State, its ISO 3166-1 alpha-3 code, e.g. PAK).
participant-error-names = Give the name in all six UN languages (Arabic, Chinese, English, French, Russian, Spanish), at most 200 characters each.
participant-error-code-taken = This code is already used by another participant.

poc-duties-diplomatic = Represents the State in bilateral and multilateral communications about ICT incidents, and facilitates dialogue between States.
poc-duties-technical = Evaluates technically the information exchanged through the directory, and shares and receives data on cyber threats.
error-invalid-fields = Some fields are not valid; each is named with what is wrong.
poc-error-role = The role must be "diplomatic" or "technical".
poc-error-required = This field is required.
poc-error-too-long = This field is too long.
poc-error-semicolon = A secure channel cannot contain “;”, which separates channels in exported files: put each channel on its own line.
poc-error-control-characters = This field contains characters that cannot be shown.
poc-error-email-required = Give at least one e-mail address.
poc-error-too-many = Too many entries in this list.
poc-error-email = This is not an e-mail address.
poc-error-phone = Write telephone numbers in international E.164 form, e.g. +44 20 7946 0000.
poc-error-phone-use = The use of a number must be "office", "mobile" or "24x7".
poc-error-language-required = Give at least one working language.
poc-error-language = This is not a language tag (BCP 47, e.g. "en", "fr-CA", "zh-Hans").
poc-error-time-zone = This is not a time zone of the IANA database (e.g. "Asia/Karachi", "Europe/Paris").
poc-error-hours = Write the hours as days and times, e.g. "Mon-Fri 09:00-17:00" or "Sun-Thu 08:00-16:00", or "24/7".
poc-error-reason-required = A rejection needs a reason, which the nominating authority will see.
poc-error-stale = This point of contact has changed since you read it (it is now at version { $version }). Reload it and decide again.
poc-error-nothing-pending = Nothing about this point of contact is awaiting a decision.
poc-error-not-your-state = Your account may not do this for that State. The attempt has been recorded.
poc-error-role-fixed = The role of a point of contact cannot change; withdraw it and nominate a new one.
poc-error-not-allowed-now = This point of contact cannot be changed in its present state (it may be withdrawn, rejected, or awaiting a decision on its withdrawal).

participant-status = Status
participant-status-not_participating = Not participating
participant-status-participating = Participating
participant-status-suspended = Suspended
participant-status-withdrawn = Withdrawn
participant-pocs-heading = Points of contact
participant-pocs-none = No verified point of contact yet.
participant-pocs-hidden = The points of contact are shown only to the points of contact of participating States, to the State's own nominating authority and to the secretariat.
poc-pending = Awaiting verification by the secretariat.
poc-field-title = Title
poc-field-organisation = Organisation
poc-field-emails = E-mail
poc-field-phones = Telephone
poc-field-languages = Working languages
poc-field-time-zone = Time zone
poc-field-hours = Hours
poc-within-hours = within working hours now
poc-outside-hours = outside working hours now
audit-proof-help = Proving your State's entries yourself
audit-proof-help-text = The audit log page (in the menu) ends with a command your State runs on its own computer: “pocdir state-proof” fetches every log entry about your State, checks each against the signed log and that the log was only appended to since its last run, compares your entries with your own record of what you nominated, and lists who read your points of contact’s details and when. It needs an API token (your account page) and only the log’s public key; it does not trust the server or its operator.
