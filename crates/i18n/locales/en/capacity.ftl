# Capacity building: requests, offers, selection, the secretariat's
# acknowledgement and confirmation, follow-ups.

home-capacity-link = Capacity building: requests and offers
capacity-object = capacity request #{ $id }

capacity-list-title = Capacity building
capacity-list-lead = States ask for help in building their capacity; States and organisations offer it; the requesting State chooses, the secretariat confirms the match, and every match is followed up after 6 and 12 months.
capacity-new-title = File a request for capacity building
capacity-new-intro = Say what your State needs. Providers see the request as you choose below; you compare their offers and select one.
capacity-count = { $count ->
    [one] { $count } request
   *[other] { $count } requests
}
capacity-overdue-count = { $count ->
    [one] { $count } request waits for acknowledgement past its 5 working days.
   *[other] { $count } requests wait for acknowledgement past their 5 working days.
}
capacity-filter-show = Show
capacity-show-open = Open for offers
capacity-show-mine = My State's requests
capacity-show-all = All I may see
capacity-filter-any = Any
capacity-filter-needed-before = Needed by (at the latest)
capacity-filter-apply = Filter
capacity-col-request = Request
capacity-col-requester = Requesting State
capacity-col-status = Status
capacity-col-filed = Filed
capacity-col-first-offer = First offer
capacity-col-provider = Provider
capacity-col-funded = Funded by the provider
capacity-col-steps = Steps
capacity-request-number = Request #
capacity-own = your State
capacity-anonymous-requester = A participating State (anonymous until it selects an offer)
capacity-yes = Yes
capacity-no = No
capacity-due = due
capacity-clocks = Service clocks
capacity-offers = Offers
capacity-no-offers = No offers yet.
capacity-offer-title = Offer help
capacity-offer-description = What you offer: who, what and when
capacity-offer-funded = We fund this ourselves
capacity-make-offer = Make the offer
capacity-withdraw-offer = Withdraw the offer
capacity-follow-ups = Follow-ups
capacity-follow-up-not-yet = Not due yet: the form opens on the due date.
capacity-report-follow-up = Report the outcome
capacity-file = File the request

capacity-field-areas = Areas
capacity-field-description = Description
capacity-description-hint = What you need, for whom, and what you already have.
capacity-field-languages = Languages
capacity-field-format = Format
capacity-field-needed-by = Needed by
capacity-field-funding-needed = Funding needed
capacity-field-visibility = Who sees the request
capacity-visibility-hint = Named providers: choose them in the list below.
capacity-field-providers = Named providers
capacity-field-outcome = Outcome
capacity-field-what-changed = What changed

capacity-area-strategy_policy = Strategy and policy
capacity-area-incident_response = Incident response and CSIRT development
capacity-area-critical_infrastructure = Critical infrastructure protection
capacity-area-cybercrime = Cybercrime and e-evidence
capacity-area-international_law = International law and norms
capacity-area-technical_training = Technical training
capacity-area-awareness = Awareness
capacity-area-standards = Standards

capacity-format-training = Training
capacity-format-advisory_mission = Advisory mission
capacity-format-equipment = Equipment
capacity-format-peer_review = Peer review

capacity-visibility-all_providers = All providers
capacity-visibility-named_providers = Named providers only
capacity-visibility-anonymous = All providers, without our name until we select an offer

capacity-status-filed = Filed
capacity-status-acknowledged = Acknowledged
capacity-status-selected = Offer selected
capacity-status-matched = Match confirmed
capacity-status-closed = Closed
capacity-status-withdrawn = Withdrawn

capacity-offer-status-open = Open
capacity-offer-status-selected = Selected
capacity-offer-status-not_selected = Not selected
capacity-offer-status-withdrawn = Withdrawn

capacity-outcome-delivered = Delivered
capacity-outcome-partly = Partly delivered
capacity-outcome-not_delivered = Not delivered

capacity-milestone-six_months = Follow-up after 6 months
capacity-milestone-twelve_months = Follow-up after 12 months

capacity-step-acknowledge = Acknowledge the request
capacity-step-select = Select this offer
capacity-step-confirm = Confirm the match
capacity-step-withdraw = Withdraw the request

capacity-clock-acknowledgement = Acknowledgement by the secretariat
capacity-clock-running = Running
capacity-clock-overdue = Overdue
capacity-clock-met = Met
capacity-clock-late = Met late

capacity-error-required = This is required.
capacity-error-too-long = This is too long (at most 4000 characters).
capacity-error-control-characters = This contains control characters.
capacity-error-area = Choose at least one area from the list.
capacity-error-language = Choose at least one of the six UN languages.
capacity-error-format = Choose a format from the list.
capacity-error-date = Give the date as YYYY-MM-DD.
capacity-error-date-past = The date must be in the future.
capacity-error-date-far = The date must be within five years.
capacity-error-visibility = Choose who sees the request.
capacity-error-providers = Name at least one participating provider other than your own State.

capacity-refused-not-participating = Only the accounts of a participating State can do this.
capacity-refused-closed = The request no longer allows this: it is closed, withdrawn or has moved on.
capacity-refused-acknowledged = The request has already been acknowledged.
capacity-refused-selected = An offer has already been selected for this request.
capacity-refused-not-selected = No offer has been selected and confirmed yet.
capacity-refused-offer = That offer is not open on this request.
capacity-refused-own = Your State cannot offer on its own request.
capacity-refused-offered = Your State already has an open offer on this request.
capacity-refused-not-due = This follow-up is not due yet.
capacity-refused-reported = This follow-up has already been reported.

done-capacity-filed = The request is filed. The secretariat acknowledges it within 5 working days.
done-capacity-offered = Your offer is made. The requesting State will compare the offers.
done-capacity-offer-withdrawn = Your offer is withdrawn.
done-capacity-selected = The offer is selected. The secretariat will confirm the match.
done-capacity-withdrawn = The request is withdrawn.
done-capacity-acknowledged = The request is acknowledged.
done-capacity-confirmed = The match is confirmed. Follow-ups fall due 6 and 12 months after the selection.
done-capacity-followed-up = The follow-up is reported.

values-log-capacity-request = { $actor } filed { $object }.
values-log-capacity-acknowledge = { $actor } acknowledged { $object }.
values-log-capacity-offer = { $actor } offered help on { $object }.
values-log-capacity-withdraw-offer = { $actor } withdrew an offer on { $object }.
values-log-capacity-select = { $actor } selected an offer on { $object }.
values-log-capacity-confirm = { $actor } confirmed the match of { $object }.
values-log-capacity-withdraw = { $actor } withdrew { $object }.
values-log-capacity-follow-up = { $actor } reported a follow-up of { $object }.

# Funding: pledges, commitments and disbursements by donors.
capacity-funding-title = Funding
capacity-funding-lead = Donors pledge, commit and disburse funds to requests or to an area of capacity building. Each amount stays in its currency; totals are per currency.
capacity-no-funding = No funding recorded.
capacity-col-donor = Donor
capacity-col-funds = Funds
capacity-col-stage = Stage
capacity-col-amount = Amount
capacity-col-when = When
capacity-col-currency = Currency
capacity-funding-totals = Totals per currency
capacity-funding-pledge = Pledged
capacity-funding-commitment = Committed
capacity-funding-disbursement = Disbursed
capacity-currency-hint = ISO 4217 code, e.g. EUR, USD, JPY.
capacity-amount-hint = A positive number with at most the currency's decimals, e.g. 25000.50.
capacity-fund-area = Pledge to an area
capacity-fund = Record the funding
capacity-error-stage = Choose pledged, committed or disbursed.
capacity-error-currency = Give an ISO 4217 currency code, such as EUR or USD.
capacity-error-amount = Give a positive amount with no more decimals than the currency has.
capacity-refused-own-funding = Your State cannot fund its own request.
done-capacity-funded = The funding is recorded.
values-log-capacity-fund = { $actor } recorded funding for { $object }.
values-log-capacity-assess = { $actor } took its State's readiness self-assessment.
capacity-help-requests = Requests for help and offers
capacity-help-requests-text = A participating State's nominator or diplomatic PoC files a request: the areas, what is needed, preferred languages, the format, by when, whether funding is needed, and who may see it (every provider, named providers, or every provider without the State's name). The secretariat acknowledges within 5 working days. Providers offer; the requester compares the offers and selects one, and the secretariat confirms the match. Six and twelve months after the selection the requester reports the outcome. Each clock shows on the request: running, overdue, met or late.
capacity-help-funding = Funding
capacity-help-funding-text = A State's nominator or diplomatic PoC pledges, commits and disburses funds to a request it can see or to a whole area, in the currency of its choice; totals are kept per currency and never converted. The requester sees who funds its request.
capacity-help-readiness = Readiness and the action plan
capacity-help-readiness-text = A State answers six questions (a national CSIRT, reachability at all hours, secure channels and OpenPGP keys, both kinds of PoC, ping tests answered, staff trained) and gets an action plan. Each gap becomes a prepared request in one step. The secretariat sees totals by region, and one State's answers only when that State shares them.
