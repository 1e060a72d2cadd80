# TAXII 2.1: las frases del registro sobre colecciones y objetos STIX.
taxii-object-collection = colección TAXII { $id }
values-log-taxii-create-collection = { $actor } creó la { $object }.
values-log-taxii-add = { $actor } añadió objetos STIX a la { $object }.
values-log-taxii-delete = { $actor } eliminó un objeto STIX de la { $object }.
