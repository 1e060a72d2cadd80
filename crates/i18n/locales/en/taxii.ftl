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
