# TAXII 2.1: the log's sentences about collections and STIX objects.
taxii-object-collection = TAXII collection { $id }
values-log-taxii-create-collection = { $actor } made { $object }.
values-log-taxii-add = { $actor } added STIX objects to { $object }.
values-log-taxii-delete = { $actor } deleted a STIX object from { $object }.

# TAXII 2.1: the errors' titles (TAXII clients get them in English).
taxii-error-not-acceptable = The answer can only be TAXII 2.1: ask for application/taxii+json;version=2.1.
taxii-error-content-type = Send the envelope as application/taxii+json;version=2.1.
taxii-error-filter-unknown = This endpoint does not take the parameter { $parameter }.
taxii-error-filter-repeated = The parameter { $parameter } is given more than once.
taxii-error-filter-invalid = The value of the parameter { $parameter } cannot be read.
taxii-error-next-forged = This next was not given by this server for this collection and these filters.
taxii-error-next-expired = This next has expired: start again from the first page.
taxii-error-not-envelope = The body is not a TAXII envelope: a JSON object with an array "objects".
taxii-error-empty-envelope = The envelope has no objects.
taxii-error-too-many-objects = The envelope has more objects than one request may add ({ $max }).
taxii-error-may-not-read = This account may not read this collection.
taxii-error-may-not-write = This account may not write to this collection.

# TAXII 2.1: how a technical PoC's or a reporter's TAXII client connects.
account-taxii-heading = Threat exchange (TAXII 2.1)
account-taxii-intro = Your TAXII 2.1 client (for example MISP, OpenCTI or taxii2-client) exchanges STIX 2.1 with the other participating States here. Give it these settings:
account-taxii-server = Server (discovery)
account-taxii-user = User name
account-taxii-password = Password
account-taxii-password-is = An API token of this page: "read" to receive, "read and write" to share.
home-taxii-link = Threat exchange (TAXII 2.1): how to connect
help-task-taxii = Threat exchange with TAXII 2.1
help-task-taxii-text = Technical PoCs share and receive STIX 2.1 through TAXII 2.1: a shared collection of every participating State, and an inbox per State that others write to and only that State reads. Your account page gives the server address; the user name is your e-mail address and the password an API token. An object without a TLP marking takes its collection's label; TLP:RED objects are refused. Vetted reporters write to the intake and read nothing.
