# Communications between PoCs: the template's words, TLP, statuses, errors
# and mails. (The pages' own words are in communications-pages.ftl.)

comm-kind-incident_notification = Notification of an ICT incident
comm-kind-information_request = Request for information
comm-kind-assistance_request = Request for assistance
comm-kind-response = Response
comm-kind-general = General communication

comm-urgency-routine = Routine
comm-urgency-priority = Priority
comm-urgency-urgent = Urgent

comm-sector-energy = Energy
comm-sector-health = Health
comm-sector-water = Water
comm-sector-transport = Transport
comm-sector-finance = Finance
comm-sector-telecommunications = Telecommunications
comm-sector-government = Government
comm-sector-other = Other

comm-status-delivered = Delivered
comm-status-read = Read
comm-status-acknowledged = Acknowledged
comm-status-answered = Answered

comm-roles-diplomatic = Diplomatic PoCs
comm-roles-technical = Technical PoCs
comm-roles-both = Diplomatic and technical PoCs

comm-folder-inbox = Inbox
comm-folder-sent = Sent
comm-folder-state = My State's communications
comm-folder-all = All communications

tlp-meaning-clear = Disclosure is not limited.
tlp-meaning-green = Limited to the PoCs of the States participating in the directory. Not to be published.
tlp-meaning-amber = Limited to the PoCs of the States concerned. Outside pocdir, share only with those your State serves, on a need-to-know basis.
tlp-meaning-amber-strict = Limited to the PoCs of the States concerned, and only inside their own organisation.
tlp-meaning-red = For the named recipients only. Not to be forwarded, exported or shared.

tlp-refused-not-a-reader = You may not see the content of this communication.
tlp-refused-red-forward = TLP:RED information is never forwarded.
tlp-refused-red-export = TLP:RED information is never exported.
tlp-refused-red-named = TLP:RED needs named recipients: choose people, not whole States.
tlp-refused-loosens = A forward may keep or tighten the TLP label, never loosen it.
tlp-refused-own-state = This label allows sharing only with the PoCs of your own State.
tlp-refused-community = This label allows sharing only with PoCs of States participating in the directory.
tlp-refused-taxii = Only TLP:CLEAR and TLP:GREEN information is shared through TAXII.

comm-error-kind = Choose what kind of communication this is.
comm-error-urgency = Choose the urgency.
comm-error-tlp-missing = Choose a TLP label: every communication needs one.
comm-error-tlp-unknown = This is not a TLP 2.0 label (CLEAR, GREEN, AMBER, AMBER+STRICT or RED).
comm-error-required = This field is required.
comm-error-too-long = This is too long.
comm-error-control-characters = This contains characters that cannot be shown.
comm-error-language = Give the language of the text as a language tag, e.g. en, fr or ar.
comm-error-zone = Choose a time zone, e.g. Europe/Paris.
comm-error-time = Give a date and time that exists in that time zone.
comm-error-detected-before-started = The incident cannot have been detected before it started.
comm-error-sector = Choose sectors from the list.
comm-error-attachments-too-many = At most 5 files can be attached.
comm-error-attachments-too-large = The files together are larger than 10 MB.
comm-error-attachment-too-large = A file is larger than 5 MB.
comm-error-attachment-empty = A file is empty.
comm-error-attachment-name = A file has a name that cannot be used.
comm-error-attachment-type = A file is not of an accepted type (PDF, PNG, JPEG or plain text).
comm-error-attachment-mismatch = A file's content does not match its name's extension.
comm-error-already-acknowledged = You have already acknowledged this communication.
comm-error-not-a-recipient = Only a recipient can acknowledge a communication.
comm-error-may-not-send = Only PoCs of a State that participates in the directory can send communications.
comm-error-nobody = Choose at least one recipient.
comm-error-unknown-recipient = A recipient is not a PoC who can receive communications.
comm-error-not-participating = A State you chose does not participate in the directory.
comm-error-no-poc = A State you chose has no PoC of that role who can receive communications yet.

comm-field-subject = Subject
comm-field-started = Started
comm-field-detected = Detected
comm-field-sectors = Affected sectors
comm-field-impact = Observed impact
comm-field-requested-action = Requested action
comm-field-respond-by = Response requested by
comm-field-attribution-why = This form has no field for attribution: the directory is a channel for communication between States, not a tool to determine attribution.

comm-mail-text-in = Text as written (language: { $language }):
comm-mail-subject-clear = [{ $tlp }] { $urgency }: { $kind } from { $state }: { $subject }
comm-mail-subject-sealed = [{ $tlp }] { $urgency }: { $kind } from { $state } (#{ $id })
comm-mail-intro = { $state } sent you a communication through pocdir: { $kind }, { $urgency }, labelled { $tlp }. Please acknowledge it by { $deadline }.
comm-mail-open = Read, acknowledge and reply in pocdir: { $link }
comm-mail-link-only = Its label does not allow sending the content by e-mail. Read, acknowledge and reply in pocdir: { $link }
comm-mail-signature = pocdir, the Points of Contact Directory. This message was sent automatically; reply in pocdir, not to this e-mail.
comm-mail-escalation-subject = [{ $tlp }] Not acknowledged: { $kind } from { $state } (#{ $id })
comm-mail-escalation-body = { $state } sent your State's PoCs a communication ({ $kind }, { $urgency }, labelled { $tlp }). No technical PoC of your State acknowledged it by { $deadline }. Please make sure it is handled: { $link }
