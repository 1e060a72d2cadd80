# TAXII 2.1: записи журнала о коллекциях и объектах STIX.
taxii-object-collection = коллекция TAXII { $id }
values-log-taxii-create-collection = { $actor }: создана { $object }.
values-log-taxii-add = { $actor }: в { $object } добавлены объекты STIX.
values-log-taxii-delete = { $actor }: из { $object } удалён объект STIX.

# TAXII 2.1: заголовки ошибок (клиенты TAXII получают их на английском).
taxii-error-not-acceptable = Ответ может быть только в TAXII 2.1: запросите application/taxii+json;version=2.1.
taxii-error-content-type = Отправьте конверт как application/taxii+json;version=2.1.
taxii-error-filter-unknown = Эта точка доступа не принимает параметр { $parameter }.
taxii-error-filter-repeated = Параметр { $parameter } указан более одного раза.
taxii-error-filter-invalid = Значение параметра { $parameter } не удаётся прочитать.
taxii-error-next-forged = Этот next выдан не этим сервером для этой коллекции и этих фильтров.
taxii-error-next-expired = Срок действия этого next истёк: начните снова с первой страницы.
taxii-error-not-envelope = Тело запроса не является конвертом TAXII: объектом JSON с массивом «objects».
taxii-error-empty-envelope = В конверте нет объектов.
taxii-error-too-many-objects = В конверте больше объектов, чем можно добавить одним запросом ({ $max }).
taxii-error-may-not-read = Эта учётная запись не может читать эту коллекцию.
taxii-error-may-not-write = Эта учётная запись не может писать в эту коллекцию.
