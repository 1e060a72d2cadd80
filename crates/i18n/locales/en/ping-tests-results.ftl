# Ping tests: a campaign's results, its charts and exports, a check by another channel, and the trend.
ping-results-title = Ping test results
ping-results-back = Back to the campaign
ping-results-back-list = Back to the ping tests
ping-results-status = Status
ping-results-starts = Start
ping-results-answer-by = Answers in time until
ping-results-closes = Closes
ping-results-download = Download these results:
ping-results-download-csv = CSV (spreadsheet)
ping-results-download-json = JSON
ping-results-trend-link = Trend across campaigns
ping-results-pick-state = State
ping-results-all-states = All States
ping-results-show = Show
ping-results-overall = All States together
ping-results-overall-note = { $count ->
    [one] One PoC was challenged in this campaign. These figures count every State together.
   *[other] { $count } PoCs were challenged in this campaign. These figures count every State together.
}
ping-results-reach = States reached
ping-results-times = Response times
ping-results-answers = { $count ->
    [one] One answer.
   *[other] { $count } answers.
}
ping-results-median = Median response time
ping-results-p90 = 90% answered within
ping-results-none = none
ping-results-by-state = By State
ping-results-your-state = Your State
ping-results-pocs-of = PoCs of
ping-results-no-lines = There is nothing to show here.
ping-results-col-category = Category
ping-results-col-count = Number
ping-results-col-share = Share
ping-results-col-states = States
ping-results-col-state = State
ping-results-col-pocs = PoCs
ping-results-col-reach = Reach
ping-results-col-name = Name
ping-results-col-role = Role
ping-results-col-outcome = Outcome
ping-results-col-channel = Answered through
ping-results-col-response = Response time
ping-results-col-reminders = Reminders sent
ping-results-col-finding = Check by another channel
ping-results-col-check = Record a check
ping-results-col-campaign = Campaign
ping-results-col-reached = Reached
ping-results-record-check = Record a check by another channel
ping-results-finding-legend = What did the check by another channel (for example a phone call) find?
ping-results-finding-note = Note (how, when, with whom)
ping-results-finding-submit = Record the check
ping-results-error-finding = Choose whether the PoC was reached or not.
done-ping-finding-recorded = The check by another channel is recorded.
ping-results-chart-outcomes = Outcomes of the challenges, all States
ping-results-chart-state-outcomes = Outcomes of the challenges, { $state }
ping-results-chart-outcomes-desc = { $total ->
    [one] Of one PoC
   *[other] Of { $total } PoCs
}: { $in_time } answered in time, { $late } late, { $no_answer } did not answer, { $undeliverable } could not be mailed, { $awaiting } not yet answered.
ping-results-chart-distribution = Response times of the answers
ping-results-chart-distribution-desc = Of { $answers } answers: { $bands }. Median response time { $median }; 90% answered within { $p90 }.
ping-results-chart-distribution-none = No answer yet, so no response times.
ping-results-chart-band-count = { $band }: { $count }
ping-results-list-separator = {", "}
ping-results-percent = { $whole }.{ $tenth }%
ping-results-duration-dh = { $d } d { $h } h
ping-results-duration-hm = { $h } h { $m } min
ping-results-duration-m = { $m } min
ping-results-trend-title = Ping tests: the trend across campaigns
ping-results-trend-lead = The share of PoCs that answered in time, and that were reached at all, in each campaign, for all States together.
ping-results-trend-lead-state = The share of PoCs that answered in time, and that were reached at all, in each campaign, for all States together and for
ping-results-trend-all-states = All States
ping-results-chart-trend-in-time = Share of PoCs that answered in time, by campaign
ping-results-chart-trend-reached = Share of PoCs reached (in time or late), by campaign
ping-results-chart-trend-none = No ping test has started yet.
ping-results-chart-trend-absent = not in this campaign
ping-results-chart-trend-point = { $campaign } { $value }
ping-results-chart-trend-series = { $series }: { $points }.
