# Ping tests: the labels of the rules, the checks of a campaign, refusals of an answer, and the mails.
ping-kind-scheduled = Scheduled
ping-kind-ad_hoc = Ad hoc
ping-status-scheduled = Scheduled
ping-status-running = Running
ping-status-finished = Finished
ping-status-cancelled = Cancelled
ping-roles-both = Diplomatic and technical PoCs
ping-roles-diplomatic = Diplomatic PoCs
ping-roles-technical = Technical PoCs
ping-channel-link = Mailed link
ping-channel-portal = Portal
ping-channel-api = API
ping-channel-other_channel = Another channel (recorded by the secretariat)
ping-outcome-in_time = Answered in time
ping-outcome-late = Answered late
ping-outcome-no_answer = No answer
ping-outcome-undeliverable = Mail undeliverable
ping-outcome-awaiting = Awaiting an answer
ping-finding-reached = Reached
ping-finding-not_reached = Not reached
ping-reach-all = All PoCs reached
ping-reach-partly = Some PoCs reached
ping-reach-none = No PoC reached
ping-reach-awaiting = Awaiting answers
ping-band-under_1h = Under 1 hour
ping-band-1h_4h = 1 to 4 hours
ping-band-4h_12h = 4 to 12 hours
ping-band-12h_24h = 12 to 24 hours
ping-band-24h_48h = 1 to 2 days
ping-band-48h_72h = 2 to 3 days
ping-band-over_72h = Over 3 days
ping-refused-unknown = This ping test link is not valid. Check that you copied the whole link from the mail; nothing was recorded.
ping-refused-used = This ping test challenge was already answered. Thank you: nothing more is needed.
ping-refused-expired = This ping test has closed; answers are no longer recorded. Nothing was recorded.
ping-refused-cancelled = This ping test was cancelled by the secretariat. Nothing was recorded and nothing more is needed.
ping-error-title-required = Give the campaign a title.
ping-error-title-invalid = The title must be at most 200 characters, without control characters.
ping-error-start-past = The start is in the past. Choose a time from now on, or leave it empty to start now.
ping-error-start-far = The start must be within three years.
ping-error-window = The response window must be between 1 hour and 30 days.
ping-error-reminders-many = At most five reminders.
ping-error-reminder-outside = Each reminder must fall inside the response window (at least 1 hour after the start).
ping-error-region-unknown = A chosen region is not one of the participating States' regions.
ping-error-state-unknown = A chosen State does not participate.
ping-error-announce-adhoc = A campaign that starts now cannot be announced in advance; schedule it for later.
ping-error-scope-empty = No PoC is in this scope: no active PoC of a participating State matches the roles, regions and States chosen.
ping-error-note = The note must be at most 2,000 characters.
ping-error-cancel-over = Only a scheduled or running campaign can be cancelled.
ping-error-publish-unfinished = Only a finished campaign's figures can be published.
ping-error-published-already = This campaign's figures are already published.
ping-mail-challenge-subject = Ping test: please confirm you can be reached ({ $title })
ping-mail-challenge-body =
    This is a ping test of the Points of Contact Directory ({ $title }).
    It checks that the points of contact nominated by States can be reached and answer in time.

    Please open this link and press the button "I confirm" on the page it opens:
    { $link }

    Please answer by { $answer_by }. Opening the link alone records nothing.
    The link works once and only for you; do not forward it.

    What a ping test is and how its results are used: { $about }
ping-mail-reminder-subject = Reminder: ping test, please confirm you can be reached ({ $title })
ping-mail-reminder-body =
    We have not yet received your answer to the ping test of the Points of Contact Directory ({ $title }).

    Please open this link and press the button "I confirm" on the page it opens:
    { $link }

    Please answer by { $answer_by }.

    What a ping test is and how its results are used: { $about }
ping-mail-notice-subject = A ping test will take place ({ $title })
ping-mail-notice-body =
    A ping test of the Points of Contact Directory ({ $title }) will start on { $starts_at }.
    You will receive a mail with a link; please open it and press the button on the page it opens.

    What a ping test is and how its results are used: { $about }
ping-mail-escalation-subject = Ping test: { $count ->
    [one] one of your State's PoCs did not answer in time
   *[other] { $count } of your State's PoCs did not answer in time
} ({ $title })
ping-mail-escalation-body =
    The response window of the ping test "{ $title }" has ended.
    These points of contact of your State did not answer in time:

    { $pocs }

    Please check that their details are current and that they can be reached. Results: { $link }
