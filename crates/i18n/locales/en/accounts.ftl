# Accounts managed in the portal: invitations, the enrolment link, the
# secretariat's accounts pages, forgot password, the first password.

nav-accounts = Accounts
nav-invitations = Invitations

accounts-title = Accounts
accounts-intro = Every account of the portal. Open one to disable it, enable it again or reset its second factor.
accounts-col-name = Name
accounts-col-email = E-mail
accounts-col-kind = Kind of account
accounts-col-status = Status
accounts-col-created = Created
accounts-status-active = Active
accounts-status-enrolment-due = Second factor to set up
accounts-status-password-due = Password to choose
accounts-status-disabled = Disabled
accounts-reason = Reason (sent to the account and kept in the log)
accounts-reason-missing = Say why, in a few words: the reason is sent to the account and kept in the log.
accounts-reason-too-long = The reason is too long: keep it under 1000 characters.
accounts-disable-heading = Disable this account
accounts-disable-intro = It can no longer sign in; its sessions end and its API tokens stop working at once.
accounts-disable-button = Disable
accounts-enable-heading = Enable this account again
accounts-enable-intro = It can sign in again with its password and second factor. Its old API tokens stay revoked.
accounts-enable-button = Enable again
accounts-reset-heading = Reset the second factor
accounts-reset-intro = For a lost phone or authenticator: the app and the recovery codes stop working, the sessions end, and the account sets up its second factor again at its next sign-in.
accounts-reset-button = Reset the second factor
accounts-not-yourself = You cannot disable your own account or reset your own second factor here: ask another member of the secretariat.
accounts-already-so = Nothing to do: the account is already in that state.

invitations-title = Invitations
invitations-intro = Invitations still waiting to be accepted. Each link works once and until its expiry.
invitations-new = Invite someone
invitations-empty = No invitation is waiting.
invitations-col-sent = Sent
invitations-col-expires = Link valid until
invitations-revoke = Revoke
accounts-invitation-closed = This invitation was already accepted, revoked or has expired.

invite-title = Invite someone to the portal
invite-intro = The person receives an e-mail with a link to choose a password and set up the second factor. The link works once, for seven days.
invite-participant-hint = (for a nominator or a point of contact)
invite-language = Language of the e-mail
invite-submit = Send the invitation
accounts-invite-email-invalid = Enter an e-mail address such as name@example.org.
accounts-invite-name-missing = Enter the person's name (at most 200 characters).
accounts-invite-kind-invalid = Choose a kind of account from the list.
accounts-invite-participant-missing = Choose the State or organisation this account acts for.
accounts-invite-account-exists = An account already has this e-mail address.
accounts-invite-pending-exists = An invitation to this address is already waiting. Revoke it first to send a new one.

enrol-password-title = Welcome to pocdir
enrol-password-intro = You were invited to the Points-of-Contact Directory. Choose your password to create your account.
enrol-password-submit = Choose this password
enrol-password-next = Next, you will set up your second factor with an authenticator app.

link-title = This link cannot be used
link-unknown = This link is not known. Check that it was copied whole from the e-mail.
link-used = This link has already been used. Each link works only once.
link-revoked = This invitation was withdrawn. Ask whoever invited you for a new one.
link-expired = This link has expired. Ask for a new one.
link-go-sign-in = Go to sign-in

forgot-link = Forgot your password?
forgot-title = Forgot your password
forgot-intro = Enter the e-mail address of your account. If it has an account, we send it a link to choose a new password. You will also need your authenticator app or a recovery code.
forgot-submit = Send the link
forgot-sent = If an account has this address, a link to choose a new password is on its way. It works once, for one hour.

reset-title = Choose a new password
reset-intro = New password for
reset-recovery-instead = Or, instead of the code, one of your recovery codes
reset-no-second-factor = Your account has no second factor yet: you will set it up at your next sign-in.
reset-submit = Set the new password

first-password-title = Choose your own password
first-password-intro = Your password was set by someone else. Choose your own before you continue: nothing else opens until you do.
first-password-submit = Choose this password
first-password-same-as-before = Choose a password different from the one you were given.

poc-access-title = Access to the portal
poc-access-linked = This point of contact signs in as
poc-access-invited = An invitation is waiting to be accepted, valid until the date shown:
poc-access-none = This point of contact has no account in the portal yet.
poc-access-invite-heading = Send an invitation
poc-access-invite-intro = An invitation to one of the entry's verified addresses. Once accepted, the new account is linked to this entry.
poc-access-link-heading = Link to an existing account
poc-access-account = Account of this State and role
poc-access-link-submit = Link
accounts-link-choose = Choose an account of this State and role from the list.
accounts-poc-invite-choose = Choose one of the entry's verified e-mail addresses.
accounts-poc-not-active = Only a verified, active point of contact can be given access to the portal.

done-invitation-sent = The invitation is sent.
done-invitation-revoked = The invitation is revoked: its link no longer works.
done-account-disabled = The account is disabled and has been told why.
done-account-enabled = The account is enabled again and has been told why.
done-second-factor-reset = The second factor is reset; the account sets it up again at its next sign-in.
done-password-chosen = Your password is changed.
done-password-reset = Your password is changed. Sign in with it.
done-poc-linked = The point of contact is linked to the account.

accounts-mail-signature = pocdir, the Points-of-Contact Directory
accounts-mail-invitation-subject = Your invitation to the Points-of-Contact Directory
accounts-mail-invitation-body =
    Hello,

    { $inviter } invites you to the Points-of-Contact Directory as { $state ->
        [none] { $kind }
       *[other] { $kind } of { $state }
    }.

    Open this link to choose your password and set up your second factor (an authenticator app):
    { $link }

    The link works once, until { $expires }. If you did not expect this invitation, ignore this e-mail.
accounts-mail-reset-subject = Choose a new password for the Points-of-Contact Directory
accounts-mail-reset-body =
    Hello,

    Someone asked to choose a new password for the account { $email }. If it was you, open this link:
    { $link }

    You will also need your authenticator app or a recovery code. The link works once, until { $expires }.

    If it was not you, ignore this e-mail: your password has not changed.
accounts-mail-disabled-subject = Your account in the Points-of-Contact Directory is disabled
accounts-mail-disabled-body =
    Hello,

    The secretariat has disabled your account. You can no longer sign in, and your API tokens no longer work.

    Reason: { $reason }

    If you think this is a mistake, reply to the secretariat.
accounts-mail-enabled-subject = Your account in the Points-of-Contact Directory is enabled again
accounts-mail-enabled-body =
    Hello,

    The secretariat has enabled your account again. You can sign in with your password and second factor: { $link }

    Reason: { $reason }
accounts-mail-mfa-reset-subject = Your second factor in the Points-of-Contact Directory was reset
accounts-mail-mfa-reset-body =
    Hello,

    The secretariat has reset your second factor: your authenticator app and your recovery codes no longer work. At your next sign-in you will set up the second factor again: { $link }

    Reason: { $reason }

    If you did not ask for this, tell the secretariat at once.
