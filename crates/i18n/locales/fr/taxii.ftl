# TAXII 2.1 : les phrases du journal sur les collections et les objets STIX.
taxii-object-collection = collection TAXII { $id }
values-log-taxii-create-collection = { $actor } a créé la { $object }.
values-log-taxii-add = { $actor } a ajouté des objets STIX à la { $object }.
values-log-taxii-delete = { $actor } a supprimé un objet STIX de la { $object }.
