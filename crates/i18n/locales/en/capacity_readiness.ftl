# Readiness self-assessment and action plan (capacity building).

readiness-title = Readiness and action plan
readiness-lead = Assess how ready your State is to take part in the directory. Each gap becomes a step of your action plan, and you can turn it into a request for help in one click. Your answers stay your State's: the secretariat sees them only if you share them, otherwise only in regional totals.
readiness-secretariat-lead = { $count ->
    [one] Readiness by region, from each State's latest self-assessment. A region's totals are shown once at least one State has answered.
   *[other] Readiness by region, from each State's latest self-assessment. A region's totals are shown only once { $count } States of it have answered, so that no State's answers can be read from them.
}
readiness-by-region = By region
readiness-none-yet = No State has taken the self-assessment yet.
readiness-states-answered = { $count ->
    [one] One State answered.
   *[other] { $count } States answered.
}
readiness-withheld = Too few States of this region have answered to show their totals.
readiness-shared-title = States that share their answers
readiness-shared-none = No State shares its answers.
readiness-last = Last self-assessment:
readiness-is-shared = shared with the secretariat
readiness-plan = Action plan
readiness-ask = Ask for help
readiness-no-gaps = No gaps: your State meets all six points.
readiness-form-title = Self-assessment
readiness-share = Share these answers with the secretariat
readiness-save = Save the self-assessment
readiness-request-origin = from our readiness action plan
done-readiness-assessed = The self-assessment is saved and the action plan updated.

readiness-point-national_csirt = A national CSIRT or CERT with a mandate
readiness-point-reachable_any_hour = A point of contact reachable at any hour
readiness-point-secure_channels = Secure channels: OpenPGP keys published and current
readiness-point-both_pocs = Both a diplomatic and a technical PoC nominated
readiness-point-ping_tests = Ping tests answered in time
readiness-point-staff_trained = Staff trained in the e-learning modules
readiness-answer-yes = Yes
readiness-answer-partly = Partly
readiness-answer-no = No

readiness-action-national_csirt = Establish a national CSIRT with a clear mandate, staff and procedures.
readiness-action-reachable_any_hour = Organise a 24/7 duty roster for the technical point of contact.
readiness-action-secure_channels = Generate OpenPGP keys for the points of contact and publish them in the directory.
readiness-action-both_pocs = Designate both a diplomatic and a technical point of contact and nominate them.
readiness-action-ping_tests = Train the points of contact to answer ping tests and keep their entries current.
readiness-action-staff_trained = Have the staff take the e-learning modules and earn their certificates.

readiness-problem-answers = Answer every point with yes, partly or no.
readiness-refused-no-gap = This point is not a gap in your State's latest self-assessment.
