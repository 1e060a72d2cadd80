# TAXII 2.1: записи журнала о коллекциях и объектах STIX.
taxii-object-collection = коллекция TAXII { $id }
values-log-taxii-create-collection = { $actor }: создана { $object }.
values-log-taxii-add = { $actor }: в { $object } добавлены объекты STIX.
values-log-taxii-delete = { $actor }: из { $object } удалён объект STIX.
