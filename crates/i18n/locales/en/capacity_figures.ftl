# The figures of capacity building (the secretariat's page and exports).

capacity-figures-title = Figures of capacity building
capacity-figures-lead = Where the requests stand, by area and by the requesting State's region; how long offers and acknowledgements took; matches, follow-up outcomes and funding. Days are median / 90th percentile.
capacity-figures-link = Figures
capacity-figures-requests = Requests
capacity-figures-matches = Matches confirmed
capacity-figures-awaiting = Offers selected, awaiting confirmation
capacity-figures-first-offer = Days to the first offer
capacity-figures-acknowledgement = Days to the acknowledgement
capacity-figures-without-offer = { $count ->
    [one] one open request has no offer yet
   *[other] { $count } open requests have no offer yet
}
capacity-figures-in-time = { $count ->
    [one] one acknowledged within 5 working days
   *[other] { $count } acknowledged within 5 working days
}
capacity-figures-by-area = Requests by area
capacity-figures-by-region = Requests by region
capacity-figures-total = All
capacity-figures-open = Open
capacity-figures-outcomes = Follow-up outcomes
capacity-figures-no-outcomes = No follow-up has been reported yet.
capacity-figures-funding = Funding per currency
capacity-figures-no-funding = No funding has been recorded yet.
