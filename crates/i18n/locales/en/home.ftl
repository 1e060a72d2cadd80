# The home of each kind of account, and the public page with the map.

home-help = Help for your role
home-help-all = Help and how a State joins
home-tasks-heading = What you can do
home-col-when = When
home-col-who = Who
home-col-what = On what
home-col-action = Action
home-col-status = Status

home-secretariat-title = Secretariat
home-secretariat-lead = What is waiting for you: nominations to verify, entries past their re-validation date, mail that has not gone out, and refused requests.
home-queue-count = { $count ->
    [one] nomination or change awaits verification
   *[other] nominations or changes await verification
}
home-overdue-count = { $count ->
    [one] entry is past its re-validation date
   *[other] entries are past their re-validation date
}
home-mail-queued = { $count ->
    [one] mail waiting to be sent
   *[other] mails waiting to be sent
}
home-mail-failed = { $count ->
    [one] { $count } mail given up
   *[other] { $count } mails given up
}
home-overdue-heading = Longest overdue
home-refusals-heading = Recently refused requests
home-refusals-none = No request has been refused recently.
home-refusals-all = All refused requests in the log

home-nominator-title = Nominating authority
home-nominator-lead = Your State's points of contact, their re-validation dates, and the nominations awaiting the secretariat.
home-pending-count = { $count ->
    [one] request awaits the secretariat
   *[other] requests await the secretariat
}
home-state-pocs-heading = Your State's points of contact

home-poc-lead = Find the point of contact you need, and check that your own entry is up to date.
home-own-entry-heading = Your entry in the directory
home-own-entry-none = No active entry of your State lists your e-mail address. If you should have one, ask your State's nominating authority.
home-own-entry-who-confirms = Your State's nominating authority confirms or corrects this entry; tell it when something changes.

home-auditor-title = Auditor
home-auditor-lead = The tamper-evident log of everything that happened, and its latest signed state.
home-log-head-heading = The log's latest signed head
home-log-size = Entries
home-log-signed-at = Signed at
home-log-root = Root hash
home-log-verify = Anyone can check that the log was only ever added to, with no secret:
home-recent-heading = Recent activity
home-recent-all = The whole log, with filters

home-reporter-title = Private reporter
home-reporter-lead = As a vetted reporter you will notify the technical points of contact of the States you choose about threats and vulnerabilities.
home-reporter-can-heading = What you can do now
home-reporter-can-public = See which States take part:
home-reporter-can-account = Look after your password, second factor and API tokens:
home-reporter-cannot-heading = What you cannot see
home-reporter-cannot = Reporters never see the directory: not the names, nor the contact details of any point of contact. Your notifications reach them without revealing who they are.

public-map-title = Map of the world with the participating States highlighted
public-map-key = Participating State
public-map-source = Map data: Natural Earth (public domain), through world-atlas.
public-by-region = Participating States by region
public-organisations = Organisations
public-all-participants = Every participant, as a table
public-join-more = More on how a State joins, and help for each role
