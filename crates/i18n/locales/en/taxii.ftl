# TAXII 2.1: the log's sentences about collections and STIX objects.
taxii-object-collection = TAXII collection { $id }
values-log-taxii-create-collection = { $actor } made { $object }.
values-log-taxii-add = { $actor } added STIX objects to { $object }.
values-log-taxii-delete = { $actor } deleted a STIX object from { $object }.
